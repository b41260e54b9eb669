import CarteraCore
import Fluent
import Foundation

/// The pauses people place themselves: one invoice with a reason and an end date, and "skip this time"
/// for one customer on one run day. Both are dunning holds, so the run leaves them out like a dispute.
extension HoldService {
    /// How long a manual pause may last: longer than a year is a decision for a dispute or a write-off.
    static let longestManualHoldDays = 365

    static func placeManual(on invoice: Invoice, _ input: ManualHoldInput, in context: ServiceContext) async throws
        -> DunningHold
    {
        let reason = try FieldParser.text(input.reason, "reason", maxLength: 500)
        let until = try FieldParser.date(try FieldParser.required(input.until, "until"), "until")
        guard until >= context.today, context.today.days(until: until) <= longestManualHoldDays else {
            throw ServiceError.invalid(
                "until", "until must be between today and \(longestManualHoldDays) days from today")
        }
        guard invoice.status.isOwed else {
            throw ServiceError(.conflict, code: "invoice_not_owed", message: "Only an owed invoice can be paused")
        }
        return try await context.transaction { tx in
            let hold = DunningHold()
            hold.id = UUID()
            hold.organisationID = tx.organisationID
            hold.$invoice.id = try invoice.requireID()
            hold.reason = .manual
            hold.sourceID = hold.id!
            hold.startsOn = tx.today.iso
            hold.endsOn = until.iso
            hold.note = reason
            try await hold.create(on: tx.db)
            try await AuditLog.record(
                "invoice.hold_placed", entityType: "invoice", entityID: try invoice.requireID(),
                details: ["reason": reason, "until": until.iso, "number": invoice.number], in: tx)
            return hold
        }
    }

    /// Ends the invoice's manual pauses today; the number released (0 when there was none).
    static func releaseManual(on invoice: Invoice, in context: ServiceContext) async throws -> Int {
        try await context.transaction { tx in
            let holds = try await inForce(invoiceIDs: [try invoice.requireID()], in: tx).filter { $0.reason == .manual }
            for hold in holds {
                hold.releasedAt = tx.clock.now()
                try await hold.save(on: tx.db)
            }
            if !holds.isEmpty {
                try await AuditLog.record(
                    "invoice.hold_released", entityType: "invoice", entityID: try invoice.requireID(),
                    details: ["number": invoice.number, "count": String(holds.count)], in: tx)
            }
            return holds.count
        }
    }

    /// "Skip this time": the customer's owed invoices get no reminder on `date` (one run day only).
    static func skip(customerID: UUID, on date: LocalDate, in context: ServiceContext) async throws {
        guard date >= context.today else {
            throw ServiceError.invalid("date", "A run that has passed cannot be skipped")
        }
        let customer = try await customer(customerID, in: context)
        try await context.transaction { tx in
            let invoices = try await Invoice.query(on: tx.db).filter(\.$customer.$id == customerID).owed().all()
            let source = UUID()
            for invoice in invoices {
                let hold = DunningHold()
                hold.organisationID = tx.organisationID
                hold.$invoice.id = try invoice.requireID()
                hold.reason = .skip
                hold.sourceID = source
                hold.startsOn = date.iso
                hold.endsOn = date.iso
                try await hold.create(on: tx.db)
            }
            try await AuditLog.record(
                "customer.run_skipped", entityType: "customer", entityID: customerID,
                details: ["run_on": date.iso, "name": customer.legalName, "invoices": String(invoices.count)], in: tx)
        }
    }

    /// Undoes a skip of `date`: the customer is in that run again.
    static func undoSkip(customerID: UUID, on date: LocalDate, in context: ServiceContext) async throws {
        let customer = try await customer(customerID, in: context)
        try await context.transaction { tx in
            let holds = try await skips(on: date, customerIDs: [customerID], in: tx)
            for hold in holds {
                hold.releasedAt = tx.clock.now()
                try await hold.save(on: tx.db)
            }
            try await AuditLog.record(
                "customer.run_skip_undone", entityType: "customer", entityID: customerID,
                details: ["run_on": date.iso, "name": customer.legalName], in: tx)
        }
    }

    /// The skips in force for `date`, of these customers (all customers when nil).
    static func skips(on date: LocalDate, customerIDs: [UUID]? = nil, in context: ServiceContext) async throws
        -> [DunningHold]
    {
        var query = DunningHold.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$reason == .skip).filter(\.$releasedAt == nil).filter(\.$startsOn == date.iso)
        if let customerIDs {
            let invoiceIDs = try await Invoice.query(on: context.db).filter(\.$customer.$id ~~ customerIDs).all()
                .compactMap(\.id)
            query = query.filter(\.$invoice.$id ~~ invoiceIDs)
        }
        return try await query.with(\.$invoice).all()
    }

    private static func customer(_ id: UUID, in context: ServiceContext) async throws -> Customer {
        guard
            let customer = try await Customer.query(on: context.db).filter(\.$id == id)
                .filter(\.$organisationID == context.organisationID).first()
        else { throw ServiceError.notFound("customer") }
        return customer
    }
}
