import CarteraCore

extension Organisation {
    /// The kinds of reminder the organisation sends: all but those it switched off
    /// (`reminderKindsOff`), so a newly added kind is on for every organisation.
    var enabledReminderKinds: Set<ReminderKind> {
        get { ReminderKind.enabled(switchedOff: StoredList<ReminderKind>.decode(reminderKindsOff)) }
        set { reminderKindsOff = StoredList.encode(ReminderKind.switchedOff(enabled: newValue)) }
    }
}
