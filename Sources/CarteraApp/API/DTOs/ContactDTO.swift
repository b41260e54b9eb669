import CarteraCore
import Fluent
import Vapor

struct ContactDTO: Content {
    let id: UUID
    let customerId: UUID
    let name: String
    let role: String
    let email: String?
    let phone: String?
    /// Every channel with what the contact said; `changed_on` and `source` when someone recorded it.
    let consent: [ConsentDTO]

    struct ConsentDTO: Content {
        let channel: String
        let state: String
        let changedOn: String?
        let source: String?
    }

    init(_ contact: Contact, consents: [ContactChannel: ContactConsent] = [:]) throws {
        id = try contact.requireID()
        customerId = contact.$customer.id
        name = contact.name
        role = contact.role.rawValue
        email = contact.email
        phone = contact.phone
        consent = ContactChannel.allCases.map { channel in
            let row = consents[channel]
            return ConsentDTO(
                channel: channel.rawValue, state: (row?.state ?? .authorised).rawValue, changedOn: row?.changedOn,
                source: row?.source.rawValue)
        }
    }

    /// The contacts with their consents, read in one query.
    static func list(_ contacts: [Contact], on db: any Database) async throws -> [ContactDTO] {
        let states = try await ContactConsents.states(of: contacts.compactMap(\.id), on: db)
        return try contacts.map { try ContactDTO($0, consents: $0.id.flatMap { states[$0] } ?? [:]) }
    }
}
