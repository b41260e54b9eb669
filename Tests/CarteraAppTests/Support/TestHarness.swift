import CarteraCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CarteraApp

/// One application per test, wired by the real `configure`, on a fresh database: in-memory SQLite
/// by default, or a private schema of the PostgreSQL server named by `DATABASE_URL` (as in CI).
struct TestHarness {
    let app: Application
    let clock: FixedClock
    let organisationID: UUID
    let apiKey: String
    /// Where the file transport writes this test's email.
    let mailDirectory: URL

    static let defaultNow = ISO8601DateFormatter().date(from: "2026-03-15T15:00:00Z")!

    /// The test organisation's day at the clock (it keeps Bogotá's time).
    var today: LocalDate { LocalDate.today(at: clock.now(), in: TimeZone(identifier: "America/Bogota") ?? .current) }

    /// Whether the suite runs against PostgreSQL in this process.
    static var usesPostgres: Bool { postgresURL != nil }
    private static var postgresURL: String? {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func run(
        now: Date = defaultNow, adjust: (inout AppConfig) -> Void = { _ in }, _ body: (TestHarness) async throws -> Void
    ) async throws {
        let clock = FixedClock(now)
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let database: AppConfig.DatabaseLocation =
            postgresURL.map { .postgres(url: $0, searchPath: [schema]) } ?? .sqliteMemory
        let mailDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("cartera-mail-\(schema)")
        defer { try? FileManager.default.removeItem(at: mailDirectory) }
        try await withApp { app in
            var config = AppConfig(database: database, autoMigrate: false)
            config.scheduler.enabled = false
            config.delivery.mailDirectory = mailDirectory.path
            // Real bcrypt, at the lowest cost, so the many sign-ins of the suite stay fast.
            config.web.passwordCost = 4
            adjust(&config)
            try await configure(app, config: config, clock: clock)
            if usesPostgres {
                try await app.db.sql.raw("CREATE SCHEMA \(ident: schema)").run()
            }
            do {
                try await app.autoMigrate()
                let organisation = Organisation(
                    name: "Ferretería Prueba S.A.S.", defaultCurrency: "COP", locale: "es-CO",
                    timeZone: "America/Bogota")
                try await organisation.create(on: app.db)
                let key = try await APIKeys.create(
                    name: "tests", organisationID: try organisation.requireID(), on: app.db)
                try await body(
                    TestHarness(
                        app: app, clock: clock, organisationID: try organisation.requireID(), apiKey: key.secret,
                        mailDirectory: mailDirectory))
            } catch {
                try? await dropSchema(schema, app: app)
                throw error
            }
            try await dropSchema(schema, app: app)
        }
    }

    private static func dropSchema(_ schema: String, app: Application) async throws {
        guard usesPostgres else { return }
        try await app.db.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
    }

    // MARK: - HTTP

    struct Reply {
        let status: HTTPStatus
        let json: JSON
        let headers: HTTPHeaders
    }

    @discardableResult
    func send(
        _ method: HTTPMethod, _ path: String, json body: [String: Any]? = nil, rawBody: String? = nil,
        key: String?? = .none, headers extra: HTTPHeaders = [:]
    ) async throws -> Reply {
        var headers = extra
        switch key {
        case .none: headers.bearerAuthorization = BearerAuthorization(token: apiKey)
        case .some(.some(let other)): headers.bearerAuthorization = BearerAuthorization(token: other)
        case .some(.none): break
        }
        var buffer: ByteBuffer?
        if let body {
            buffer = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
            headers.contentType = .json
        } else if let rawBody {
            buffer = ByteBuffer(string: rawBody)
            if headers.contentType == nil { headers.contentType = .json }
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: buffer)
        let data = Data(buffer: response.body)
        let json = data.isEmpty ? JSON.null : try JSON(data: data)
        return Reply(status: response.status, json: json, headers: response.headers)
    }

    func get(_ path: String) async throws -> Reply { try await send(.GET, path) }
    func post(_ path: String, _ body: [String: Any]) async throws -> Reply { try await send(.POST, path, json: body) }
    func patch(_ path: String, _ body: [String: Any]) async throws -> Reply { try await send(.PATCH, path, json: body) }

    // MARK: - Fixtures through the API

    func createCustomer(_ name: String = "Comercializadora Los Andes S.A.S.", extra: [String: Any] = [:]) async throws
        -> String
    {
        let reply = try await post(
            "/api/v1/customers",
            ["legal_name": name, "tax_id": "900123456-8", "payment_terms": "net30"].merging(extra) { $1 })
        try #require(reply.status == .created, "customer not created: \(reply.json)")
        return try #require(reply.json["id"].string)
    }

    func createInvoice(
        customer: String, number: String, total: String, issued: String = "2026-03-01", extra: [String: Any] = [:]
    ) async throws -> JSON {
        let reply = try await post(
            "/api/v1/invoices",
            ["customer_id": customer, "number": number, "issue_date": issued, "total": total].merging(extra) { $1 })
        try #require(reply.status == .created, "invoice not created: \(reply.json)")
        return reply.json
    }
}
