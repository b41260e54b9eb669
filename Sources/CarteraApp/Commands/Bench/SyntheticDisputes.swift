import CarteraCore
import Fluent
import Foundation

/// Disputes for the benchmark ledger, opened through `DisputeService` (dispute, hold and audit event
/// as the app writes them) on invoices that have a reminder due on `day`: the hold then changes the
/// day's answer, so the baselines' hold rule is exercised and checked, not only written.
enum SyntheticDisputes {
    /// One dispute per 500 invoices, at most 1,000.
    static func generate(invoices count: Int, dunningOn day: LocalDate, in context: ServiceContext) async throws {
        let disputes = min(count / 500, 1_000)
        guard disputes > 0 else { return }
        let settings = try await DunningSettings.load(for: context.organisation, on: context.db)
        let due = try await DunningRun.dueReminders(on: day, settings: settings, in: context.asOf(day))
        let chosen = due.map(\.invoiceID).sorted { $0.precedes($1) }.enumerated().filter { $0.offset % 5 == 0 }
            .prefix(disputes).map(\.element)
        for invoice in try await Invoice.query(on: context.db).filter(\.$id ~~ chosen).all() {
            _ = try await DisputeService.open(on: invoice, DisputeInput(reason: "Bench", amount: nil), in: context)
        }
    }
}
