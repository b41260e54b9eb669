import CarteraCore
import Fluent
import Foundation

/// Reads and records what contacts said about each channel.
enum ContactConsents {
    /// Each contact's state per channel; a channel with nothing recorded is `.authorised`.
    static func states(of contactIDs: [UUID], on db: any Database) async throws
        -> [UUID: [ContactChannel: ContactConsent]]
    {
        guard !contactIDs.isEmpty else { return [:] }
        let rows = try await ContactConsent.query(on: db).filter(\.$contact.$id ~~ contactIDs).all()
        var states: [UUID: [ContactChannel: ContactConsent]] = [:]
        for row in rows { states[row.$contact.id, default: [:]][row.channel] = row }
        return states
    }

    /// The contacts the rules let Cartera reach on `channel`.
    static func usable(_ contacts: [Contact], for channel: ReminderChannel, rules: ContactRules, on db: any Database)
        async throws -> [Contact]
    {
        let states = try await states(of: contacts.compactMap(\.id), on: db)
        let wanted = ContactChannel(channel)
        return contacts.filter { contact in
            rules.mayUse(contact.id.flatMap { states[$0]?[wanted]?.state } ?? .authorised)
        }
    }
}
