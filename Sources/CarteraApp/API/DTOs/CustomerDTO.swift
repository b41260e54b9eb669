import CarteraCore
import Vapor

struct CustomerDTO: Content {
    let id: UUID
    let legalName: String
    let taxId: String?
    let paymentTerms: String
    let currency: String
    let creditLimit: String?
    let language: String
    let notes: String
    let tags: [String]
    let doNotContact: Bool
    let remindersOff: [String]
    let collectionPolicyId: UUID?
    let assignedUserId: UUID?
    /// A credit hold placed by hand, and why; automatic holds are in the credit check.
    let creditHoldReason: String?
    let escalatedTo: String?
    let escalatedOn: String?
    /// What the customer quotes on a transfer that covers several invoices.
    let paymentReference: String?
    let addressLine: String?
    let city: String?
    let region: String?
    let postalCode: String?
    let country: String?
    /// Whose contact rules apply and the customer's time zone; null follows the organisation.
    let jurisdiction: String?
    let timeZone: String?
    let createdAt: Date?
    let updatedAt: Date?

    init(_ customer: Customer) throws {
        id = try customer.requireID()
        legalName = customer.legalName
        taxId = customer.taxID
        paymentTerms = customer.paymentTerms
        currency = customer.currency
        creditLimit = try customer.creditLimitMinor.map {
            Money(minorUnits: $0, currency: try Currency(code: customer.currency)).decimalString
        }
        language = customer.language
        notes = customer.notes
        tags = customer.tags
        doNotContact = customer.doNotContact
        remindersOff = StoredList<String>.decode(customer.reminderKindsOff)
        collectionPolicyId = customer.collectionPolicyID
        assignedUserId = customer.assignedUserID
        creditHoldReason = customer.creditHoldReason
        escalatedTo = customer.escalatedTo
        escalatedOn = customer.escalatedOn
        paymentReference = customer.paymentReference
        (addressLine, city, region) = (customer.addressLine, customer.city, customer.region)
        (postalCode, country) = (customer.postalCode, customer.country)
        (jurisdiction, timeZone) = (customer.jurisdiction, customer.timeZone)
        createdAt = customer.createdAt
        updatedAt = customer.updatedAt
    }
}
