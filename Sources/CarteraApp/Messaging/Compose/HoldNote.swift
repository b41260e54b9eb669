import CarteraCore
import Foundation

/// Why a listed invoice is paused today, as a message tells the customer: "en disputa",
/// "con promesa de pago hasta el 12 dic 2026", "en plan de pagos" (a manual hold says nothing). The caller reads the holds
/// (`HoldNote.inForce`) and hands them to the composer; templates only show `status_note`.
struct HoldNote: Hashable, Sendable {
    let reason: DunningHoldReason
    /// The last day it holds (a promise's date); nil when open-ended.
    let until: LocalDate?

    /// The holds in force today on these invoices, by invoice.
    static func inForce(on invoices: [Invoice], in context: ServiceContext) async throws -> [UUID: [HoldNote]] {
        let holds = try await HoldService.inForce(invoiceIDs: invoices.compactMap(\.id), in: context)
        return Dictionary(grouping: holds, by: \.$invoice.id).mapValues { holds in
            holds.map { HoldNote(reason: $0.reason, until: $0.endsOn.flatMap { try? LocalDate(iso: $0) }) }
        }
    }
}

extension MessageComposer {
    /// One invoice's notes in the customer's words, joined: each reason once (a promise by its latest date).
    func statusNote(_ notes: [HoldNote]) -> String {
        DunningHoldReason.allCases.compactMap { reason -> String? in
            let matching = notes.filter { $0.reason == reason }
            guard !matching.isEmpty else { return nil }
            switch reason {
            case .dispute:
                return localizer.text("message.status_note.dispute", language: language)
            case .paymentPlan:
                return localizer.text("message.status_note.payment_plan", language: language)
            case .manual, .skip:
                // A person's own pause (or "skip this time") is the collector's business, not the customer's.
                return nil
            case .promise:
                guard let until = matching.compactMap(\.until).max() else {
                    return localizer.text("message.status_note.promise_undated", language: language)
                }
                return localizer.text(
                    "message.status_note.promise", language: language, arguments: ["date": date(until)])
            case .manual, .skip:
                // A collector's own pause: nothing the customer is told about.
                return nil
            }
        }.joined(separator: ", ")
    }
}
