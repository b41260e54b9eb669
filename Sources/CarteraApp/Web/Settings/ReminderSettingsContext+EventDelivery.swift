import CarteraCore

extension ReminderSettingsContext {
    /// The radio pair of one event kind, the organisation's choice checked.
    static func deliveries(of kind: ReminderKind, _ organisation: Organisation, _ format: PageFormat) -> [Kind] {
        EventDelivery.allCases.map {
            Kind(
                value: $0.rawValue, label: format.text("settings.event_delivery.\($0.rawValue)"),
                hint: format.text("settings.event_delivery_hint.\(kind.rawValue).\($0.rawValue)"),
                checked: organisation.delivery(of: kind) == $0)
        }
    }
}
