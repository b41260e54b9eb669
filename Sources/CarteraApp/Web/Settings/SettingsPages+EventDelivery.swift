import CarteraCore

extension SettingsPages {
    /// The event kinds the reminders form puts in the day's message. Nil when the form carries none of
    /// its radio pairs (an older page), so the stored setting stays; the page always checks one of each.
    static func digestKinds(_ form: RemindersForm) throws -> [String]? {
        let chosen: [(ReminderKind, String?)] = [
            (.newInvoice, form.newInvoiceDelivery), (.paymentReceived, form.paymentReceivedDelivery),
        ]
        guard chosen.contains(where: { $0.1 != nil }) else { return nil }
        return try chosen.compactMap { kind, value in
            let delivery = try value.map { try FieldParser.enumValue($0, EventDelivery.self, "digest_kinds") }
            return delivery == .dailyMessage ? kind.rawValue : nil
        }
    }
}
