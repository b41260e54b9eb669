import CarteraCore
import Vapor

struct CreditNoteDTO: Content {
    let id: UUID
    let customerId: UUID
    let number: String
    let issuedOn: String
    let currency: String
    let amount: String
    let allocated: String
    let unallocated: String
    let reason: String
    let allocations: [AllocationDTO]
    let createdAt: Date?

    init(_ note: CreditNote, allocations: [Allocation]) throws {
        let currency = try Currency(code: note.currency)
        id = try note.requireID()
        customerId = note.$customer.id
        number = note.number
        issuedOn = note.issuedOn
        self.currency = note.currency
        amount = Money(minorUnits: note.amountMinor, currency: currency).decimalString
        allocated = Money(minorUnits: note.allocatedMinor, currency: currency).decimalString
        unallocated = Money(minorUnits: note.unappliedMinor, currency: currency).decimalString
        reason = note.reason
        self.allocations = allocations.map { AllocationDTO($0, currency: currency) }
        createdAt = note.createdAt
    }
}
