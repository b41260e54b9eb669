import CarteraCore
import Fluent
import Foundation

/// Where a message comes from, in words: what kind of reminder, and for a policy step how many days
/// from the due date it was sent (the step's day minus the invoice's due date), never the step's key.
struct MessageStep: Sendable {
    enum Origin: String, CaseIterable, Sendable {
        case newInvoice = "new_invoice"
        case paymentReceived = "payment_received"
        case beforeDue = "before_due"
        case overdue
        case debtSummary = "debt_summary"
        /// Sent by hand from the customer page.
        case statement
        /// A payment plan's instalment falls due.
        case instalment

        init(_ message: OutboxMessage) {
            if message.dedupeKey.hasPrefix("manual_statement:") {
                self = .statement
            } else if message.dedupeKey.hasPrefix("plan_instalment:") {
                self = .instalment
            } else {
                self =
                    switch message.kind {
                    case .newInvoice: .newInvoice
                    case .paymentReceived: .paymentReceived
                    case .beforeDue: .beforeDue
                    case .overdue: .overdue
                    case .debtSummary: .debtSummary
                    }
            }
        }
    }

    let origin: Origin
    /// Days from the invoice's due date to the step (negative: before); nil when no policy step sent it.
    let offsetDays: Int?

    /// The step of each message a policy step sent: the invoice furthest past due decides.
    static func read(for messages: [OutboxMessage], on db: any Database) async throws -> [UUID: MessageStep] {
        let ids = try messages.map { try $0.requireID() }
        var offsets: [UUID: Int] = [:]
        if !ids.isEmpty {
            let deliveries = try await ReminderDelivery.query(on: db).filter(\.$message.$id ~~ ids).with(\.$invoice)
                .all()
            for delivery in deliveries {
                guard let id = delivery.$message.id, let run = try? LocalDate(iso: delivery.runOn),
                    let due = try? LocalDate(iso: delivery.invoice.dueDate)
                else { continue }
                offsets[id] = max(offsets[id] ?? Int.min, due.days(until: run))
            }
        }
        return Dictionary(
            uniqueKeysWithValues: try messages.map {
                (try $0.requireID(), MessageStep(origin: Origin($0), offsetDays: offsets[try $0.requireID()]))
            })
    }

    /// "Factura vencida · 10 días después del vencimiento".
    func words(_ text: (String, [String: String]) -> String) -> String {
        let origin = text("message.origin.\(origin.rawValue)", [:])
        guard let offset = offsetDays else { return origin }
        let when =
            offset == 0
            ? text("step.on_due", [:])
            : text(offset < 0 ? "step.before" : "step.after", ["days": String(offset.magnitude)])
        return "\(origin) · \(when)"
    }
}
