import CarteraCore
import Vapor

/// Errors on pages become pages: signed-out visitors go to the sign-in page, a refused form goes
/// back where it came from with the reason on top (nothing was changed: the transaction rolled
/// back), and anything else is an error page in the visitor's language.
struct WebErrorMiddleware: AsyncMiddleware {
    struct ErrorPage: Encodable {
        let status: Int
        let code: String
        let message: String
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let apiError = APIErrorMiddleware.translate(error)
            if apiError.status.code >= 500 {
                request.logger.error("Unhandled page error: \(String(reflecting: error))")
            }
            let message = request.application.localizer.errorMessage(code: apiError.code, field: apiError.field, fallback: apiError.message, language: request.pageLanguage)
            if apiError.status == .unauthorized && request.method == .GET {
                return request.redirect(to: "/login")
            }
            let isFormRefusal = request.method == .POST && [.unprocessableEntity, .conflict, .badRequest, .notFound].contains(apiError.status)
            if isFormRefusal && request.hasSession {
                request.session.flash(message, kind: .error)
                let response = request.redirectBack(fallback: "/")
                return response
            }
            return try await request.render("error", title: "error.title", section: "", ErrorPage(status: Int(apiError.status.code), code: apiError.code, message: message), status: apiError.status)
        }
    }
}
