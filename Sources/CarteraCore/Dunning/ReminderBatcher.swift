import Foundation

/// One invoice that has a step due today.
public struct DueReminder: Hashable, Sendable {
    public let invoiceID: UUID
    public let customerID: UUID
    public let step: PolicyStep

    public init(invoiceID: UUID, customerID: UUID, step: PolicyStep) {
        self.invoiceID = invoiceID
        self.customerID = customerID
        self.step = step
    }
}

/// What one customer gets today: a single message covering all their invoices with a step due,
/// or a single call task. The firmest step (then the latest) leads: its channel, tone and
/// template are used for the whole message.
public struct ReminderBatch: Hashable, Sendable {
    public let customerID: UUID
    public let lead: PolicyStep
    public let reminders: [DueReminder]

    public var channel: ReminderChannel { lead.channel }
    public var kind: ReminderKind { lead.kind }
    public var invoiceIDs: [UUID] { reminders.map(\.invoiceID) }
}

public enum ReminderBatcher {
    /// Groups due reminders so that no customer gets more than one message a day.
    /// Call tasks are grouped apart: they go to the collector, not to the customer.
    public static func batches(_ due: [DueReminder]) -> [ReminderBatch] {
        let byCustomer = Dictionary(grouping: due, by: \.customerID)
        var batches: [ReminderBatch] = []
        for customerID in byCustomer.keys.sorted(by: { $0.precedes($1) }) {
            let reminders = byCustomer[customerID]!
            let calls = reminders.filter { $0.step.channel.isForCollector }
            let messages = reminders.filter { !$0.step.channel.isForCollector }
            for group in [messages, calls] where !group.isEmpty {
                let lead = group.map(\.step).max { ($0.tone, $0.offsetDays) < ($1.tone, $1.offsetDays) }!
                batches.append(
                    ReminderBatch(
                        customerID: customerID, lead: lead,
                        reminders: group.sorted { $0.invoiceID.precedes($1.invoiceID) }))
            }
        }
        return batches
    }
}
