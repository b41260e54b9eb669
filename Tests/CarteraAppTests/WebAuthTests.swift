import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// Who may see and change what: signed-out visitors, CSRF, roles on every form and API write.
@Suite struct WebAuthTests {
    @Test func signedOutVisitorsAreSentToSignInAndComeBackAfter() async throws {
        try await TestHarness.run { h in
            try await h.createUser("ana@empresa.co", role: .collector)
            let browser = WebClient(app: h.app)
            let first = try await browser.get("/worklist")
            #expect(first.status == .seeOther)
            #expect(first.location == "/login?next=%2Fworklist")
            // given the sign-in form came from /login?next=/worklist
            try await browser.get("/login?next=/worklist")
            let signIn = try await browser.post(
                "/login", [("email", "ANA@empresa.co "), ("password", "contraseña-segura"), ("next", "/worklist")])
            #expect(signIn.status == .seeOther)
            #expect(signIn.location == "/worklist")
            let page = try await browser.get("/worklist")
            #expect(page.status == .ok)
            #expect(page.body.contains("ana@empresa.co"))
            // signing out ends the session on the server, not just in the browser
            #expect(try await browser.post("/logout", []).location == "/login")
            #expect(try await browser.get("/worklist").status == .seeOther)
        }
    }

    @Test func signingInStartsANewSession() async throws {
        try await TestHarness.run { h in
            try await h.createUser("ana@empresa.co", role: .collector)
            let browser = WebClient(app: h.app)
            try await browser.get("/login")
            let before = try #require(browser.cookie)
            try await browser.signIn("ana@empresa.co", "contraseña-segura")
            #expect(browser.cookie != before)
            #expect(try await browser.get("/worklist").status == .ok)
            // the id from before sign-in was deleted, so whoever knew it gains nothing
            let planted = WebClient(app: h.app, cookie: before)
            #expect(try await planted.get("/worklist").status == .seeOther)
        }
    }

    @Test func nextNeverLeavesTheSite() async throws {
        try await TestHarness.run { h in
            try await h.createUser("ana@empresa.co", role: .viewer)
            let browser = WebClient(app: h.app)
            try await browser.get("/login")
            let reply = try await browser.post(
                "/login",
                [("email", "ana@empresa.co"), ("password", "contraseña-segura"), ("next", "//evil.example/x")])
            #expect(reply.location == "/")
        }
    }

    @Test func wrongPasswordsAreThrottledPerEmail() async throws {
        try await TestHarness.run { h in
            try await h.createUser("ana@empresa.co", role: .collector)
            try await h.createUser("luis@empresa.co", role: .collector)
            let browser = WebClient(app: h.app)
            try await browser.get("/login")
            for _ in 0..<LoginThrottle.maximumFailuresPerEmail {
                let reply = try await browser.post(
                    "/login", [("email", "ana@empresa.co"), ("password", "no-es-esta-clave")])
                #expect(reply.status == .unauthorized)
                #expect(reply.body.contains("Correo o contraseña incorrectos"))
            }
            // then even the right password waits out the window
            let blocked = try await browser.post(
                "/login", [("email", "ana@empresa.co"), ("password", "contraseña-segura")])
            #expect(blocked.status == .tooManyRequests)
            #expect(try await browser.get("/").status == .seeOther)
            // another person is not locked out by Ana's failures
            try await WebClient(app: h.app).signIn("luis@empresa.co", "contraseña-segura")
            // and after 15 minutes Ana may try again
            h.clock.set(h.clock.now().addingTimeInterval(LoginThrottle.window + 1))
            try await WebClient(app: h.app).signIn("ana@empresa.co", "contraseña-segura")
            // an unknown email gets the same answer as a wrong password
            let unknown = try await browser.post(
                "/login", [("email", "nadie@empresa.co"), ("password", "contraseña-segura")])
            #expect(unknown.status == .unauthorized)
        }
    }

    @Test func sessionsExpireAfterTheirLifetime() async throws {
        try await TestHarness.run { h in
            let browser = try await h.signedIn("ana@empresa.co", role: .collector)
            #expect(try await browser.get("/worklist").status == .ok)
            h.clock.set(h.clock.now().addingTimeInterval(TimeInterval(AppConfig.Web().sessionHours * 3600 + 60)))
            #expect(try await browser.get("/worklist").status == .seeOther)
        }
    }

    @Test func disabledPeopleAreSignedOut() async throws {
        try await TestHarness.run { h in
            let browser = try await h.signedIn("ana@empresa.co", role: .collector)
            let user = try #require(try await User.query(on: h.app.db).filter(\.$email == "ana@empresa.co").first())
            user.disabledAt = h.clock.now()
            try await user.save(on: h.app.db)
            #expect(try await browser.get("/worklist").status == .seeOther)
        }
    }

    @Test func formsWithoutTheSessionTokenAreRefusedAndChangeNothing() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let browser = try await h.signedIn("ana@empresa.co", role: .collector)
            try await browser.get("/customers/\(customer)")
            let missing = try await browser.post(
                "/customers/\(customer)/notes", [("note", "sin token")], csrf: .some(nil))
            #expect(missing.status == .forbidden)
            #expect(missing.body.contains("csrf_invalid"))
            let forged = try await browser.post("/customers/\(customer)/notes", [("note", "token falso")], csrf: "AAAA")
            #expect(forged.status == .forbidden)
            // another session's token is no good either
            let other = try await h.signedIn("luis@empresa.co", role: .collector)
            try await other.get("/customers/\(customer)")
            #expect(
                try await browser.post("/customers/\(customer)/notes", [("note", "ajeno")], csrf: other.csrfToken)
                    .status == .forbidden)
            #expect(try await Interaction.query(on: h.app.db).count() == 0)
            // with it, the same form works
            let ok = try await browser.post("/customers/\(customer)/notes", [("note", "con token")])
            #expect(ok.status == .seeOther)
            #expect(try await Interaction.query(on: h.app.db).count() == 1)
        }
    }

    @Test func aViewerCannotPostAnyForm() async throws {
        try await TestHarness.run { h in
            let viewer = try await h.signedIn("vera@empresa.co", role: .viewer)
            try await viewer.get("/")
            // the portal's forms belong to the customer holding the link, not to a role; webhooks are signed by the provider
            let forms = webFormRoutes(h.app).filter {
                !Self.sessionForms.contains($0) && !$0.hasPrefix("/portal/") && !$0.hasPrefix("/webhooks/")
            }
            #expect(forms.count >= 15, "found only \(forms)")
            for path in forms {
                let reply = try await viewer.post(path, [("reason", "x"), ("note", "x")])
                #expect(reply.status == .forbidden, "\(path) answered \(reply.status)")
            }
            #expect(try await AuditEvent.query(on: h.app.db).count() == 0)
            // reading is allowed
            #expect(try await viewer.get("/worklist").status == .ok)
            #expect(try await viewer.get("/audit").status == .ok)
            #expect(try await viewer.get("/settings/people").status == .forbidden)
        }
    }

    @Test func aCollectorCannotDoWhatOnlyAdminsDo() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let invoice = try await h.createInvoice(customer: customer, number: "F-1", total: "100.00")
            let collector = try await h.signedIn("cora@empresa.co", role: .collector)
            try await collector.get("/invoices/\(invoice["id"].string!)")
            #expect(
                try await collector.post("/invoices/\(invoice["id"].string!)/write-off", [("reason", "x")]).status
                    == .forbidden)
            #expect(try await collector.post("/settings/people", [("email", "x@y.co")]).status == .forbidden)
            #expect(try await collector.get("/settings/people").status == .forbidden)
        }
    }

    @Test func apiKeysCarryARole() async throws {
        try await TestHarness.run { h in
            let viewerKey = try await h.apiKey(role: .viewer)
            let writes = h.app.routes.all.filter { $0.path.first?.description == "api" && $0.method != .GET }
            #expect(writes.count >= 30)
            for route in writes {
                let path =
                    "/"
                    + route.path.map { $0.description.hasPrefix(":") ? UUID().uuidString : $0.description }.joined(
                        separator: "/")
                let reply = try await h.send(route.method, path, json: [:], key: viewerKey)
                #expect(reply.status == .forbidden, "\(route.method) \(path) answered \(reply.status)")
                #expect(reply.json["error"]["code"].string == "forbidden")
            }
            #expect(try await h.send(.GET, "/api/v1/customers", key: viewerKey).status == .ok)
            #expect(try await h.send(.GET, "/api/v1/worklist", key: viewerKey).status == .ok)
            // collectors work accounts but do not change settings or write off
            let collectorKey = try await h.apiKey(role: .collector)
            #expect(
                try await h.send(.POST, "/api/v1/customers", json: ["legal_name": "Nuevo S.A.S."], key: collectorKey)
                    .status == .created)
            #expect(
                try await h.send(.PATCH, "/api/v1/organisation", json: ["name": "x"], key: collectorKey).status
                    == .forbidden)
            #expect(
                try await h.send(
                    .POST, "/api/v1/invoices/\(UUID())/write-off", json: ["reason": "x"], key: collectorKey
                ).status == .forbidden)
            #expect(try await h.send(.POST, "/api/v1/policies", json: [:], key: collectorKey).status == .forbidden)
        }
    }

    @Test func firstRunCreatesTheFirstAdminOnce() async throws {
        try await TestHarness.run { h in
            let browser = WebClient(app: h.app)
            #expect(try await browser.get("/login").location == "/setup")
            try await browser.get("/setup")
            // the code `serve` prints to its log
            let code = try await SetupCodes.issue(now: h.clock.now(), on: h.app.db)
            let created = try await browser.post(
                "/setup",
                [("name", "Marta"), ("email", "marta@empresa.co"), ("password", "una-clave-larga"), ("code", code)])
            #expect(created.status == .seeOther)
            #expect(try await browser.get("/settings/people").status == .ok)
            let admin = try #require(try await User.query(on: h.app.db).first())
            #expect(admin.role == .admin && admin.organisationID == h.organisationID)
            // once somebody exists the page is gone, and posting to it changes nothing
            let late = WebClient(app: h.app)
            #expect(try await late.get("/setup").location == "/login")
            try await late.get("/login")
            _ = try await late.post(
                "/setup",
                [("name", "Intruso"), ("email", "intruso@x.co"), ("password", "otra-clave-larga"), ("code", code)])
            #expect(try await User.query(on: h.app.db).count() == 1)
        }
    }

    /// Forms that belong to signing in and out, open to everyone with a session.
    static let sessionForms: Set<String> = ["/login", "/logout", "/language", "/setup", "/account/password"]

    private func webFormRoutes(_ app: Application) -> [String] {
        app.routes.all.filter { $0.method == .POST && $0.path.first?.description != "api" }.map { route in
            "/"
                + route.path.map { $0.description.hasPrefix(":") ? UUID().uuidString : $0.description }.joined(
                    separator: "/")
        }
    }
}
