import Foundation
import Vapor

/// `/settings/api-keys` (admins): the organisation's keys — name, role, when made and last used —,
/// a new key with a role (its secret shown once, on the page the form answers with, never stored),
/// and revoking one (the same revocation as the API's `POST /api-keys/{id}/revoke`).
struct APIKeysPage {
    func index(req: Request) async throws -> Response {
        try await render(req, newKey: "")
    }

    struct CreateForm: Content {
        var name: String?
        var role: String?
    }

    func create(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let form = try req.content.decode(CreateForm.self)
        let role = try FieldParser.enumValue(form.role ?? Role.viewer.rawValue, Role.self, "role")
        let created = try await APIKeyService.create(name: form.name, role: role, in: context)
        req.session.flash(req.text("flash.api_key_created", ["name": created.key.name]))
        return try await render(req, newKey: created.secret)
    }

    func revoke(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let key = try await APIKeyRevocation.revoke(
            id: try req.uuidParameter("apiKeyID", entity: "api_key"), in: context, app: req.application)
        req.session.flash(req.text("flash.api_key_revoked", ["name": key.name]))
        return req.redirect(to: AppURL.apiKeys)
    }

    private func render(_ req: Request, newKey: String) async throws -> Response {
        let context = try await req.serviceContext()
        return try await req.render(
            "settings/api-keys", title: "api_keys.title", section: "settings",
            try APIKeysContext(
                keys: try await APIKeyService.list(in: context), newKey: newKey, timeZone: context.timeZone,
                format: context.pageFormat(language: req.pageLanguage)))
    }
}
