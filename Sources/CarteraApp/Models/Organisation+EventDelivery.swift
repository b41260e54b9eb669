import CarteraCore

extension Organisation {
    /// The event kinds that wait for the customer's message of the day (`EventDelivery.dailyMessage`);
    /// every other kind goes as soon as allowed.
    var dailyMessageKinds: Set<ReminderKind> {
        get { Set(StoredList<ReminderKind>.decode(digestKinds)).intersection(ReminderKind.eventKinds) }
        set { digestKinds = StoredList.encode(ReminderKind.eventKinds.filter(newValue.contains)) }
    }

    func delivery(of kind: ReminderKind) -> EventDelivery {
        dailyMessageKinds.contains(kind) ? .dailyMessage : .asSoonAsAllowed
    }
}
