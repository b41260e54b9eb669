import CarteraCore
import Vapor

/// The portal's contact preferences: shown per contact, saved one contact at a time.
extension PortalPages {
    func preferences(req: Request) async throws -> Response {
        let (access, context) = try await open(req)
        let page = PortalPreferencesContext(
            access, channels: try await PortalPreferences.channels(access, in: context),
            token: req.parameters.get("token") ?? "", format: context.pageFormat(language: req.pageLanguage))
        return try await req.render("portal/preferences", title: "portal.preferences.title", section: "portal", page)
    }

    /// A ticked box is a channel left on; a box the form shows but does not send is one turned off.
    struct PreferencesForm: Content {
        var email: String?
        var sms: String?
        var letter: String?
        var call: String?

        var wanted: Set<ContactChannel> {
            Set(
                [(ContactChannel.email, email), (.sms, sms), (.letter, letter), (.call, call)].compactMap {
                    $0.1 == nil ? nil : $0.0
                })
        }
    }

    func savePreferences(req: Request) async throws -> Response {
        guard let opened = try await openLink(req) else { return try await linkInvalid(req) }
        let (access, context) = opened
        let form = (try? req.content.decode(PreferencesForm.self)) ?? PreferencesForm()
        do {
            let contactID = try req.uuidParameter("contactID", entity: "contact")
            try await PortalThrottle.turns.inTurn(try access.token.requireID()) {
                try await PortalPreferences.save(contactID: contactID, wanted: form.wanted, access, in: context)
            }
        } catch let error as ServiceError where error.kind == .notFound {
            // Another customer's contact: the portal's own 404 page, never a redirect to the staff's pages.
            let message = req.application.localizer.errorMessage(
                code: error.code, field: nil, fallback: error.message, language: req.pageLanguage)
            return try await req.render(
                "error", title: "error.title", section: "",
                WebErrorMiddleware.ErrorPage(status: 404, code: error.code, message: message), status: .notFound)
        }
        req.session.flash(req.text("portal.preferences.saved"))
        return req.redirect(to: AppURL.portalPreferences(req.parameters.get("token") ?? ""))
    }
}
