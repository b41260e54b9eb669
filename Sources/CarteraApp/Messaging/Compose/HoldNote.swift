import CarteraCore
import Foundation

/// Why a listed invoice is paused today, as the customer is told: "en disputa", "con promesa de
/// pago hasta el 12 dic 2026", "en plan de pagos" (a manual hold says nothing). The caller reads the
/// holds (`HoldNote.inForce`) and hands them on; messages show `status_note`, pages the same words,
/// and the API statement the same facts (`shown`) as fields.
struct HoldNote: Hashable, Sendable {
    let reason: DunningHoldReason
    /// The last day it holds (a promise's date); nil when open-ended.
    let until: LocalDate?

    /// The reasons a customer is told about, in the order they are named. A person's own pause (or
    /// "skip this time") is the collector's business, not the customer's.
    static let customerReasons: [DunningHoldReason] = [.dispute, .promise, .paymentPlan]

    /// The holds in force today on these invoices, by invoice.
    static func inForce(on invoices: [Invoice], in context: ServiceContext) async throws -> [UUID: [HoldNote]] {
        let holds = try await HoldService.inForce(invoiceIDs: invoices.compactMap(\.id), in: context)
        return Dictionary(grouping: holds, by: \.$invoice.id).mapValues { holds in
            holds.map(HoldNote.init)
        }
    }

    init(reason: DunningHoldReason, until: LocalDate?) {
        self.reason = reason
        self.until = until
    }

    init(_ hold: DunningHold) {
        self.init(reason: hold.reason, until: hold.endsOn.flatMap { try? LocalDate(iso: $0) })
    }

    /// What the customer is told of one invoice's holds: each customer reason once, a promise by its
    /// latest date (undated when any of its holds is open-ended and none has a date).
    static func shown(_ notes: [HoldNote]) -> [HoldNote] {
        customerReasons.compactMap { reason in
            let matching = notes.filter { $0.reason == reason }
            guard !matching.isEmpty else { return nil }
            return HoldNote(reason: reason, until: reason == .promise ? matching.compactMap(\.until).max() : nil)
        }
    }
}

extension MessageComposer {
    /// One invoice's notes in the customer's words, joined ("en disputa, con promesa de pago hasta …").
    func statusNote(_ notes: [HoldNote]) -> String {
        HoldNote.shown(notes).compactMap { note -> String? in
            switch note.reason {
            case .dispute:
                return localizer.text("message.status_note.dispute", language: language)
            case .paymentPlan:
                return localizer.text("message.status_note.payment_plan", language: language)
            case .promise:
                guard let until = note.until else {
                    return localizer.text("message.status_note.promise_undated", language: language)
                }
                return localizer.text(
                    "message.status_note.promise", language: language, arguments: ["date": date(until)])
            case .manual, .skip:
                return nil
            }
        }.joined(separator: ", ")
    }
}
