import Vapor

/// Every state-changing form carries the token of `Request.csrfToken` in `_csrf`; a POST without it,
/// or with another one, is refused with 403 before any handler runs.
///
/// The token is read from the body, so the body must be there first. Vapor hands a request to the
/// middleware as soon as its head arrives and collects the body only in the route's handler: a small
/// form has usually arrived whole by then, a file upload from a real browser has not, and reading
/// the token from a body still streaming found nothing (every import upload was refused with 403).
/// So a body still streaming is collected here, up to the application's default body limit. Routes
/// that stream their body (uploads, written to a temporary file as they arrive: `StreamedUpload`)
/// are registered with `.verifiesFormTokenItself()` and call `CSRFProtection.verify` with the `_csrf`
/// field they read; every other route is checked here before its handler runs.
struct CSRFProtection: AsyncMiddleware {
    static let fieldName = "_csrf"
    fileprivate static let handlerVerifiesKey = "cartera.verifies_form_token_itself"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method != .GET && request.method != .HEAD {
            if request.route?.userInfo[AnySendableHashable(Self.handlerVerifiesKey)] != nil, request.body.data == nil {
                return try await next.respond(to: request)
            }
            if request.body.data == nil {
                let limit = request.application.routes.defaultMaxBodySize.value
                _ = try await request.eventLoop.flatSubmit { request.body.collect(max: limit) }.get()
            }
            try Self.verify(
                (try? request.content.get(String.self, at: Self.fieldName))
                    ?? request.headers.first(name: "X-CSRF-Token"), for: request)
        }
        return try await next.respond(to: request)
    }

    /// Refuses the request unless `sent` is its session's (or visitor's) token.
    static func verify(_ sent: String?, for request: Request) throws {
        guard let sent, let expected = expectedToken(request), equal(sent, expected) else {
            throw ServiceError(
                .forbidden, code: "csrf_invalid",
                message: "The form expired or did not come from this site. Reload the page and try again.")
        }
    }

    /// A signed-in session's own token; for a visitor, the one derived from their cookie.
    private static func expectedToken(_ request: Request) -> String? {
        if request.session.userID != nil {
            return request.session.hasCSRFToken ? request.session.csrfToken : nil
        }
        return request.expectedVisitorToken
    }

    /// Constant time, so the comparison does not leak how much of a guess was right.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Route {
    /// For a route with `body: .stream`: its handler reads the `_csrf` field from the stream and calls
    /// `CSRFProtection.verify` before acting on anything it received.
    @discardableResult
    func verifiesFormTokenItself() -> Route {
        userInfo[AnySendableHashable(CSRFProtection.handlerVerifiesKey)] = true
        return self
    }
}
