import Vapor

/// Every state-changing form carries the session's token in `_csrf`; a POST without it, or with
/// another one, is refused with 403 before any handler runs.
struct CSRFProtection: AsyncMiddleware {
    static let fieldName = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method != .GET && request.method != .HEAD {
            let sent = (try? request.content.get(String.self, at: Self.fieldName)) ?? request.headers.first(name: "X-CSRF-Token")
            guard request.hasSession, request.session.hasCSRFToken, let sent, Self.equal(sent, request.session.csrfToken) else {
                throw APIError(.forbidden, code: "csrf_invalid", message: "The form expired or did not come from this site. Reload the page and try again.")
            }
        }
        return try await next.respond(to: request)
    }

    /// Constant time, so the comparison does not leak how much of a guess was right.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
