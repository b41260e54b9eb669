import Fluent
import Vapor

/// Signs in the person the session names, unless the session is older than the configured
/// lifetime or the account was disabled since.
struct SessionUserAuthenticator: AsyncMiddleware {
    let sessionLifetime: TimeInterval

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.hasSession, let userID = request.session.userID {
            let signedInAt = request.session.signedInAt ?? .distantPast
            if request.application.clock.now().timeIntervalSince(signedInAt) > sessionLifetime {
                request.session.signOut()
            } else if let user = try await User.query(on: request.db).filter(\.$id == userID).filter(
                \.$disabledAt == nil
            ).first() {
                request.auth.login(user)
            } else {
                request.session.signOut()
            }
        }
        return try await next.respond(to: request)
    }
}

/// Pages need a signed-in person: a page view goes to the sign-in page and comes back after;
/// anything else is refused with 401.
struct RequireSignIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.auth.has(User.self) else {
            if request.method == .GET {
                let back = request.url.path + (request.url.query.map { "?\($0)" } ?? "")
                return request.redirect(to: AppURL.signIn(next: back))
            }
            throw ServiceError(.unauthorized, code: "signed_out", message: "Sign in first")
        }
        return try await next.respond(to: request)
    }
}
