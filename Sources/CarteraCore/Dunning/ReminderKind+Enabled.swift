extension ReminderKind {
    /// What is on, given what was switched off. Organisations and customers store only the kinds
    /// switched off, so a kind added to this enum is on everywhere until someone switches it off,
    /// without a data migration.
    public static func enabled(switchedOff: some Sequence<ReminderKind>) -> Set<ReminderKind> {
        Set(allCases).subtracting(switchedOff)
    }

    /// The kinds to store as switched off when exactly `enabled` should be on, in declaration order.
    public static func switchedOff(enabled: Set<ReminderKind>) -> [ReminderKind] {
        allCases.filter { !enabled.contains($0) }
    }
}
