/// When a message caused by an event (a new invoice, a payment) goes, chosen per kind by the organisation.
public enum EventDelivery: String, Codable, Sendable, CaseIterable {
    /// Right away if the customer heard nothing from us today, else in the next send window.
    case asSoonAsAllowed = "as_soon_as_allowed"
    /// Never alone at the moment of the event: it waits for the next daily run and rides in the
    /// customer's reminder or statement of that day, or goes alone at that hour when there is none.
    case dailyMessage = "daily_message"

    /// The day of the next daily run: today while its hour has not come, else tomorrow.
    public static func runDay(today: LocalDate, localHour: Int, reminderHour: Int) -> LocalDate {
        localHour < reminderHour ? today : today.addingClamped(days: 1)
    }
}

extension ReminderKind {
    /// The kinds caused by events, whose delivery an organisation chooses (`EventDelivery`), in
    /// declaration order.
    public static let eventKinds: [ReminderKind] = allCases.filter { !$0.isDunning }
}
