import CarteraCore
import Fluent
import Foundation
import SQLKit

/// Creates the customers an import brings, the way `CustomerService.create` fills them (a payment
/// reference each, the organisation's language), with a billing contact when the file gave an email
/// or phone; and gives matched customers the external code the file knows them by. Fluent models
/// here, saved 500 to an INSERT: customers are few next to invoices, and their tags column is
/// stored differently by each database, which Fluent knows how to do.
enum ImportCustomerRows {
    static func create(_ customers: [ImportDirectory.NewCustomer], in context: ServiceContext) async throws {
        guard !customers.isEmpty else { return }
        let language = context.organisation.language
        var contacts = SQLBatch(
            Contact.schema, ["id", "customer_id", "name", "role", "email", "phone", "created_at", "updated_at"])
        let sql = try context.db.sql
        let now = context.clock.now()
        for chunk in stride(from: 0, to: customers.count, by: SQLBatch.size).map({
            customers[$0..<min($0 + SQLBatch.size, customers.count)]
        }) {
            let models = chunk.map { row in
                let customer = Customer()
                customer.id = row.id
                customer.organisationID = context.organisationID
                customer.legalName = String(row.name.prefix(200))
                customer.externalCode = row.code
                customer.taxID = row.taxID
                customer.paymentTerms = row.paymentTerms
                customer.currency = row.currency
                customer.creditLimitMinor = row.creditLimitMinor
                customer.language = language
                customer.notes = ""
                customer.tags = []
                customer.doNotContact = false
                customer.reminderKindsOff = ""
                customer.paymentReference = row.paymentReference
                customer.bankAccounts = ""
                return customer
            }
            try await models.create(on: context.db)
            for row in chunk where row.email != nil || row.phone != nil {
                contacts.append([
                    .uuid(UUID.random()), .uuid(row.id), .text(row.name), .text(ContactRole.billing.rawValue),
                    .text(row.email), .text(row.phone),
                    .date(now), .date(now),
                ])
            }
            try await contacts.flush(on: sql)
        }
    }

    static func assignCodes(_ codeAssignments: [UUID: String], in context: ServiceContext) async throws {
        for (id, code) in codeAssignments {
            try await Customer.query(on: context.db).filter(\.$id == id).set(\.$externalCode, to: code).update()
        }
    }
}
