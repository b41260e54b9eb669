import CarteraCore

/// Seed 001: address the person who pays. Billing contact first, then primary, then alternate —
/// the first one who can be reached on the channel.
enum RecipientPicker {
    static let order: [ContactRole] = [.billing, .primary, .alternate]

    static func pick(from contacts: [Contact], for channel: ReminderChannel) -> Contact? {
        let reachable = contacts.filter { contact in
            switch channel {
            case .email: contact.email != nil
            case .sms: contact.phone != nil
            case .letter, .callTask: true
            }
        }
        return order.lazy.compactMap { role in reachable.first { $0.role == role } }.first
    }

    static func address(of contact: Contact, for channel: ReminderChannel) -> String {
        switch channel {
        case .email: contact.email ?? ""
        case .sms, .callTask: contact.phone ?? ""
        case .letter: contact.name
        }
    }
}
