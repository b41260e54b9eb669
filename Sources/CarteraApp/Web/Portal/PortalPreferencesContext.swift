import CarteraCore
import Foundation

/// The portal's "Preferencias de contacto": each of the customer's contacts with a switch per channel
/// (on when Cartera may use it) and what was last recorded, in words.
struct PortalPreferencesContext: Encodable {
    struct ContactRow: Encodable {
        let id: UUID
        let name: String
        let role: String
        /// "compras@progreso.com.co · +57 310 555 0101".
        let reach: String
        let saveURL: String
        let channels: [ChannelRow]
    }
    struct ChannelRow: Encodable {
        /// The checkbox's name (`email`, `sms`, `letter`, `call`), not shown.
        let field: String
        let label: String
        let on: Bool
        /// "No desea contacto desde el 7 dic 2026 (en el portal)".
        let summary: String
    }

    let organisation: String
    let customer: String
    let contacts: [ContactRow]
    let links: PortalContext.Links

    init(_ access: PortalLinks.Access, channels: [PortalPreferences.Channels], token: String, format: PageFormat) {
        organisation = access.organisation.name
        customer = access.customer.legalName
        links = .init(token)
        contacts = channels.compactMap { item in
            guard let id = item.contact.id else { return nil }
            let summaries = CustomerPageContext.consentRows(item.stored, format: format)
            return ContactRow(
                id: id, name: item.contact.name, role: format.text("contact.role.\(item.contact.role.rawValue)"),
                reach: [item.contact.email, item.contact.phone].compactMap { $0 }.filter { !$0.isEmpty }.joined(
                    separator: " · "),
                saveURL: AppURL.portalPreferences(token, contact: id),
                channels: ContactChannel.allCases.map { channel in
                    ChannelRow(
                        field: channel.rawValue, label: format.text("portal.preferences.channel.\(channel.rawValue)"),
                        on: item.on.contains(channel),
                        summary: summaries.first { $0.channel == channel.rawValue }?.summary ?? "")
                })
        }
    }
}
