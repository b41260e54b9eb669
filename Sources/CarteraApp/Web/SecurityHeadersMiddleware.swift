import Vapor

/// The headers every response carries, errors and static files included (it is the outermost
/// middleware). No inline script anywhere (the one script is `/static/app.js`), so the policy
/// allows scripts from this site only; no page may be framed, so forms such as write-off and
/// escalation cannot be clicked through a disguised frame; the portal sends no Referer, so a
/// customer's link (its secret) does not travel to a site they open from it; HSTS once the public
/// address is https.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    /// Pages: scripts, styles, images and requests from this site only, nothing inline.
    /// Stripe Checkout is the one place a form leads elsewhere (the portal's "pay online" redirects there).
    let pagePolicy: String
    /// The API answers JSON and printable letters (HTML with inline CSS): nothing may run or load.
    static let apiPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    /// A message as the customer saw it (`/messages/<id>/view`): its own inline CSS, nothing that runs or
    /// loads, framed only by our own message page.
    static let messagePolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
    let strictTransportSecurity: String?

    init(publicURL: String, onlinePayments: Bool) {
        let formTargets = onlinePayments ? "'self' https://checkout.stripe.com" : "'self'"
        pagePolicy =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action \(formTargets); frame-ancestors 'none'"
        strictTransportSecurity = publicURL.lowercased().hasPrefix("https://") ? "max-age=31536000" : nil
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let path = request.url.path
        let isMessageView = path.hasPrefix("/messages/") && path.hasSuffix("/view")
        let policy = path.hasPrefix("/api/") ? Self.apiPolicy : isMessageView ? Self.messagePolicy : pagePolicy
        let headers =
            [
                ("Content-Security-Policy", policy),
                ("X-Frame-Options", isMessageView ? "SAMEORIGIN" : "DENY"),
                ("X-Content-Type-Options", "nosniff"),
                ("Referrer-Policy", path.hasPrefix("/portal/") ? "no-referrer" : "same-origin"),
                ("Cross-Origin-Opener-Policy", "same-origin"),
            ] + (strictTransportSecurity.map { [("Strict-Transport-Security", $0)] } ?? [])
        for (name, value) in headers {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }
}
