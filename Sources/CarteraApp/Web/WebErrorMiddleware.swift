import CarteraCore
import Vapor

/// Errors on pages become pages: signed-out visitors go to the sign-in page, a refused form goes
/// back where it came from with the reason on top (nothing was changed: the transaction rolled
/// back), and anything else is an error page in the visitor's language. An unknown address is a
/// 404 page for a browser (it asks for text/html) and the API's JSON error for anything else and
/// anywhere under `/api`.
struct UnknownPage: Error {
    static let code = "route_not_found"
}

struct WebErrorMiddleware: AsyncMiddleware {
    struct ErrorPage: Encodable {
        let status: Int
        let code: String
        let message: String
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch is UnknownPage {
            let accept = request.headers[.accept].joined(separator: ",")
            guard !request.url.path.hasPrefix("/api/"), accept.contains("text/html") else { throw Abort(.notFound) }
            let message = request.application.localizer.errorMessage(
                code: UnknownPage.code, field: nil, fallback: "There is no page at this address",
                language: request.pageLanguage)
            return try await request.render(
                "error", title: "error.title", section: "",
                ErrorPage(status: 404, code: UnknownPage.code, message: message), status: .notFound)
        } catch {
            let apiError = JSONErrorMiddleware.translate(error)
            if apiError.status.code >= 500 {
                request.logger.error("Unhandled page error: \(String(reflecting: error))")
            }
            let field = apiError.field.map(FormMemory.formField)
            let message = request.application.localizer.errorMessage(
                code: apiError.code, field: field, fallback: apiError.message, language: request.pageLanguage,
                labelled: true)
            if apiError.status == .unauthorized && request.method == .GET {
                return request.redirect(to: AppURL.signIn)
            }
            let isFormRefusal =
                request.method == .POST
                && [.unprocessableEntity, .conflict, .badRequest, .notFound].contains(apiError.status)
            if isFormRefusal && request.hasSession {
                // What was typed goes back into the form, the reason next to its field and on top.
                if var form = FormMemory(request: request) {
                    if let field { form.errors[field] = message }
                    request.session.remember(form)
                }
                request.session.flash(message, kind: .error)
                let response = request.redirectBack(fallback: AppURL.home)
                return response
            }
            return try await request.render(
                "error", title: "error.title", section: "",
                ErrorPage(status: Int(apiError.status.code), code: apiError.code, message: message),
                status: apiError.status)
        }
    }
}
