import CarteraCore
import Fluent
import Foundation

/// The customer's own word, on the portal, on how each of their contacts may be reached. A channel
/// is shown "on" when the customer's contact rules let Cartera use it; the customer changes only
/// what they see: turning one off records an opt-out, turning one on an authorisation, each dated,
/// from the portal and audited (`ContactService.record`). Nothing limits how often: asking not to
/// be contacted is never refused.
enum PortalPreferences {
    /// One contact's channels as the portal shows them.
    struct Channels {
        let contact: Contact
        let stored: [ContactChannel: ContactConsent]
        /// Channels the rules let Cartera use for this contact today.
        let on: Set<ContactChannel>
    }

    /// The customer's contacts, each with its channels, by name.
    static func channels(_ access: PortalLinks.Access, in context: ServiceContext) async throws -> [Channels] {
        let contacts = try await ContactService.list(for: access.customer, in: context)
        let states = try await ContactConsents.states(of: contacts.compactMap(\.id), on: context.db)
        let rules = rules(access, in: context)
        return contacts.map { contact in
            let stored = contact.id.flatMap { states[$0] } ?? [:]
            return Channels(
                contact: contact, stored: stored,
                on: Set(ContactChannel.allCases.filter { rules.mayUse(stored[$0]?.state ?? .authorised) }))
        }
    }

    /// Saves what the customer set for one of their contacts: `wanted` are the channels left on.
    /// Another customer's contact is simply not found. Returns the channels that changed.
    @discardableResult
    static func save(
        contactID: UUID, wanted: Set<ContactChannel>, _ access: PortalLinks.Access, in context: ServiceContext
    ) async throws -> [ContactChannel: ConsentState] {
        guard let current = try await channels(access, in: context).first(where: { $0.contact.id == contactID })
        else { throw ServiceError.notFound("contact") }
        let changes = Dictionary(
            uniqueKeysWithValues: ContactChannel.allCases.filter { wanted.contains($0) != current.on.contains($0) }
                .map { ($0, wanted.contains($0) ? ConsentState.authorised : .optedOut) })
        guard !changes.isEmpty else { return [:] }
        try await context.transaction { tx in
            try await ContactService.record(changes, of: current.contact, source: .portal, in: tx)
        }
        return changes
    }

    private static func rules(_ access: PortalLinks.Access, in context: ServiceContext) -> ContactRules {
        CustomerContactRules(customer: access.customer, organisation: access.organisation, around: context.today).rules
    }
}
