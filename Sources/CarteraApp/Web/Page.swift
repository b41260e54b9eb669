import CarteraCore
import Vapor

/// What every page's layout needs, next to the page's own context.
struct Layout: Encodable {
    struct SignedIn: Encodable {
        let name: String
        let email: String
        let role: String
        let roleLabel: String
    }

    let lang: String
    let otherLang: String
    let title: String
    let section: String
    let csrf: String
    let flash: Flash?
    /// A refused form's typed values and errors under its `_form` name, for the page it came back to:
    /// `layout.forms.call.values.note`, `layout.forms.call.errors.promiseAmount` (see `FormMemory`).
    let forms: [String: FormMemory]
    let user: SignedIn?
    let canWrite: Bool
    let isAdmin: Bool
    let organisation: String
    let links = LayoutLinks()
}

/// A page: the layout plus the page's own context, rendered by one Leaf template.
struct WebPage<Content: Encodable>: Encodable {
    let layout: Layout
    let page: Content
}

extension Request {
    /// The workspace language: the session's choice, else the person's, else the browser's; Spanish first.
    var pageLanguage: String {
        if hasSession, let chosen = session.language, Localizer.supportedLanguages.contains(chosen) { return chosen }
        if let user = auth.get(User.self) { return user.language }
        return headers[.acceptLanguage].isEmpty ? "es" : preferredLanguage
    }

    func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        application.localizer.text("ui.\(key)", language: pageLanguage, arguments: arguments) ?? key
    }

    func render<Content: Encodable>(
        _ template: String, title: String, section: String, _ content: Content, status: HTTPStatus = .ok
    ) async throws -> Response {
        let user = auth.get(User.self)
        var organisationName = ""
        if let user { organisationName = try await Organisation.find(user.organisationID, on: db)?.name ?? "" }
        let language = pageLanguage
        let layout = Layout(
            lang: language, otherLang: language == "es" ? "en" : "es", title: text(title), section: section,
            csrf: csrfToken, flash: hasSession ? session.takeFlash() : nil,
            forms: (hasSession ? session.takeForm() : nil).map { [$0.name: $0] } ?? [:],
            user: user.map {
                .init(
                    name: $0.name, email: $0.email, role: $0.role.rawValue, roleLabel: text("role.\($0.role.rawValue)"))
            },
            canWrite: user?.role.allows(.collector) ?? false, isAdmin: user?.role.allows(.admin) ?? false,
            organisation: organisationName)
        let response = try await view.render(template, WebPage(layout: layout, page: content)).encodeResponse(for: self)
        response.status = status
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Back to where a form was posted from (same site only, a path `SafeRedirect` accepts), else to `fallback`.
    func redirectBack(fallback: String) -> Response {
        if let referer = headers.first(name: .referer), let url = URLComponents(string: referer), let host = url.host,
            host == headers.first(name: .host)?.split(separator: ":").first.map(String.init),
            let back = SafeRedirect.path(url.percentEncodedPath + (url.percentEncodedQuery.map { "?\($0)" } ?? ""))
        {
            return redirect(to: back)
        }
        return redirect(to: fallback)
    }
}
