import Fluent
import Foundation

/// Creates and releases the holds that pause reminders for an invoice.
enum HoldService {
    static func hold(
        invoiceID: UUID, reason: DunningHoldReason, sourceID: UUID, until: String?, in context: ServiceContext
    ) async throws {
        let hold = DunningHold()
        hold.organisationID = context.organisationID
        hold.$invoice.id = invoiceID
        hold.reason = reason
        hold.sourceID = sourceID
        hold.startsOn = context.today.iso
        hold.endsOn = until
        try await hold.create(on: context.db)
    }

    static func release(sourceID: UUID, in context: ServiceContext) async throws {
        try await DunningHold.query(on: context.db).filter(\.$sourceID == sourceID).filter(\.$releasedAt == nil)
            .set(\.$releasedAt, to: context.clock.now()).update()
    }

    static func isHeld(invoiceID: UUID, in context: ServiceContext) async throws -> Bool {
        try await !inForce(invoiceIDs: [invoiceID], in: context).isEmpty
    }

    /// The holds pausing these invoices today: not released, started, and not yet ended (the rule
    /// `SQLHold.inForce` spells for set-based reads).
    static func inForce(invoiceIDs: [UUID], in context: ServiceContext) async throws -> [DunningHold] {
        guard !invoiceIDs.isEmpty else { return [] }
        let today = context.today.iso
        return try await DunningHold.query(on: context.db).filter(\.$invoice.$id ~~ invoiceIDs).filter(
            \.$releasedAt == nil
        )
        .filter(\.$startsOn <= today).group(.or) { $0.filter(\.$endsOn == nil).filter(\.$endsOn >= today) }.all()
    }
}

extension HoldService {
    /// Ends every hold on an invoice that has nothing left to chase (paid, written off).
    static func releaseAll(invoiceID: UUID, in context: ServiceContext) async throws {
        try await DunningHold.query(on: context.db).filter(\.$invoice.$id == invoiceID).filter(\.$releasedAt == nil)
            .set(\.$releasedAt, to: context.clock.now()).update()
    }

    static func invoices(heldBy sourceID: UUID, on db: any Database) async throws -> [UUID] {
        try await DunningHold.query(on: db).filter(\.$sourceID == sourceID).all().map(\.$invoice.id)
    }
}
