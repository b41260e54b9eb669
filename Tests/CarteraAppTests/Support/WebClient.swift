import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CarteraApp

/// A browser stand-in for page tests: keeps the session cookie, finds the CSRF token in the
/// last page, and posts forms url-encoded the way a browser does.
final class WebClient: @unchecked Sendable {
    let app: Application
    private(set) var cookie: String?
    private(set) var lastPage = ""

    struct Reply {
        let status: HTTPStatus
        let body: String
        let headers: HTTPHeaders
        var location: String? { headers.first(name: .location) }
    }

    init(app: Application, cookie: String? = nil) {
        self.app = app
        self.cookie = cookie
    }

    @discardableResult
    func get(_ path: String) async throws -> Reply {
        let reply = try await send(.GET, path, body: nil)
        if reply.status == .ok { lastPage = reply.body }
        return reply
    }

    /// Posts `fields`, adding the CSRF token of the last page unless `csrf` says otherwise.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: String?? = .none, referer: String? = nil) async throws
        -> Reply
    {
        var all = fields
        switch csrf {
        case .none: if let token = csrfToken { all.append(("_csrf", token)) }
        case .some(.some(let token)): all.append(("_csrf", token))
        case .some(.none): break
        }
        let body = all.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, body: body, referer: referer)
    }

    /// Posts a file the way a browser's multipart form does.
    @discardableResult
    func upload(_ path: String, file: String, named filename: String, fields: [(String, String)]) async throws -> Reply
    {
        let boundary = "----cartera\(UUID().uuidString)"
        var body = ""
        for (name, value) in fields + [("_csrf", csrfToken ?? "")] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        return try await send(.POST, path, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    var csrfToken: String? {
        guard let range = lastPage.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(lastPage[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Signs in through the form, as a person would.
    func signIn(_ email: String, _ password: String) async throws {
        try await get("/login")
        let reply = try await post("/login", [("email", email), ("password", password), ("next", "/")])
        try #require(reply.status == .seeOther, "sign-in failed: \(reply.status) \(reply.body.prefix(300))")
    }

    private func send(
        _ method: HTTPMethod, _ path: String, body: String?, referer: String? = nil, contentType: String? = nil
    ) async throws -> Reply {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        if let referer { headers.add(name: .referer, value: referer) }
        headers.add(name: .host, value: "localhost")
        var buffer: ByteBuffer?
        if let body {
            buffer = ByteBuffer(string: body)
            if let contentType {
                headers.replaceOrAdd(name: .contentType, value: contentType)
            } else {
                headers.contentType = .urlEncodedForm
            }
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: buffer)
        if let set = response.headers.setCookie?["cartera_session"] {
            cookie = set.expires.map { $0 < Date() } == true ? nil : "cartera_session=\(set.string)"
        }
        return Reply(status: response.status, body: response.body.string, headers: response.headers)
    }

    private func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension TestHarness {
    /// A person of this test's organisation, with a password good enough for the rules.
    @discardableResult
    func createUser(_ email: String, role: Role, password: String = "contraseña-segura") async throws -> User {
        try await UserService.create(
            .init(email: email, name: email, password: password, role: role.rawValue, language: "es"),
            organisationID: organisationID, passwordCost: 4, on: app.db)
    }

    func signedIn(_ email: String, role: Role) async throws -> WebClient {
        try await createUser(email, role: role)
        let client = WebClient(app: app)
        try await client.signIn(email, "contraseña-segura")
        return client
    }

    func apiKey(role: Role) async throws -> String {
        try await APIKeys.create(name: "\(role.rawValue)-key", role: role, organisationID: organisationID, on: app.db)
            .secret
    }
}
