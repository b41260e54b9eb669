import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CarteraApp

/// Sessions only when needed and purged; the first-run code; changing, resetting and ending
/// someone's access; revoking API keys.
@Suite struct SessionsAndAccountsTests {
    @Test("session rows are not created by anonymous views")
    func anonymousViewsCreateNoSessionRows() async throws {
        try await TestHarness.run { h in
            try await h.createUser("ana@empresa.co", role: .viewer)
            let browser = WebClient(app: h.app)
            // given a visitor who looks around, fails a sign-in and comes back with a stale cookie
            #expect(try await browser.get("/login").status == .ok)
            let token = browser.csrfToken
            #expect(
                try await browser.post("/login", [("email", "ana@empresa.co"), ("password", "no-es-esta-clave")]).status
                    == .unauthorized)
            #expect(try await browser.get("/worklist").status == .seeOther)
            #expect(try await browser.get("/no-existe").status == .notFound)
            #expect(try await browser.get("/static/app.css").status == .ok)
            #expect(try await WebClient(app: h.app, cookie: "cartera_session=caducada").get("/login").status == .ok)
            _ = try await h.send(.GET, "/health", key: .some(nil))
            _ = try await h.get("/api/v1/customers")
            // then nothing was stored for them
            #expect(try await WebSessionRecord.query(on: h.app.db).count() == 0)
            // and the sign-in form still works with the token their cookie carries
            let signIn = try await browser.post(
                "/login", [("email", "ana@empresa.co"), ("password", "contraseña-segura"), ("next", "/")], csrf: token)
            #expect(signIn.status == .seeOther)
            #expect(try await WebSessionRecord.query(on: h.app.db).count() == 1)
            // a token made for another cookie is no good
            let other = WebClient(app: h.app)
            try await other.get("/login")
            #expect(
                try await other.post(
                    "/login", [("email", "ana@empresa.co"), ("password", "contraseña-segura")], csrf: token
                ).status == .forbidden)
        }
    }

    @Test("expired sessions are purged by the daily pass")
    func expiredSessionsArePurged() async throws {
        try await TestHarness.run { h in
            let browser = try await h.signedIn("ana@empresa.co", role: .collector)
            #expect(try await WebSessionRecord.query(on: h.app.db).count() == 1)
            let stored = try #require(try await WebSessionRecord.query(on: h.app.db).first())
            #expect(
                stored.keyHash.count == 64 && !(browser.cookie ?? "").contains(stored.keyHash),
                "only the id's hash is stored")
            try await BackgroundJobs.purgeSignInRecords(app: h.app)
            #expect(try await WebSessionRecord.query(on: h.app.db).count() == 1, "a live session stays")
            h.clock.set(h.clock.now().addingTimeInterval(TimeInterval(AppConfig.Web().sessionHours * 3600 + 60)))
            _ = try await BackgroundJobs.runReminders(app: h.app)
            #expect(try await WebSessionRecord.query(on: h.app.db).count() == 0)
            #expect(try await browser.get("/worklist").status == .seeOther)
        }
    }

    @Test("the first-run page needs the code serve prints")
    func setupNeedsTheCode() async throws {
        try await TestHarness.run { h in
            let browser = WebClient(app: h.app)
            let page = try await browser.get("/setup")
            #expect(page.status == .ok && page.body.contains("name=\"code\""))
            let fields = [("name", "Marta"), ("email", "marta@empresa.co"), ("password", "una-clave-larga")]
            // without a code, or with a made-up one, nobody becomes admin
            #expect(try await browser.post("/setup", fields).status == .forbidden)
            let wrong = try await browser.post("/setup", fields + [("code", "AAAA-BBBB-CCCC-DDDD")])
            #expect(wrong.status == .forbidden && wrong.body.contains("id=\"setup-error\""))
            #expect(try await User.query(on: h.app.db).count() == 0)
            // serve prints one when it starts on an installation nobody can sign in to
            try await SetupCodeAnnouncer().didBootAsync(h.app)
            #expect(try await SetupCode.query(on: h.app.db).count() == 1)
            let code = try await SetupCodes.issue(now: h.clock.now(), on: h.app.db)
            let created = try await browser.post(
                "/setup", fields + [("code", code.lowercased().replacingOccurrences(of: "-", with: " "))])
            #expect(created.status == .seeOther && created.location == "/")
            #expect(try await User.query(on: h.app.db).first()?.role == .admin)
            #expect(try await SetupCode.query(on: h.app.db).count() == 0, "no code is good once an admin exists")
            try await SetupCodeAnnouncer().didBootAsync(h.app)
            #expect(try await SetupCode.query(on: h.app.db).count() == 0)
        }
    }

    @Test("people change their own password, and their other sessions end")
    func passwordChange() async throws {
        try await TestHarness.run { h in
            let here = try await h.signedIn("ana@empresa.co", role: .viewer)
            let elsewhere = WebClient(app: h.app)
            try await elsewhere.signIn("ana@empresa.co", "contraseña-segura")
            let form = try await here.get("/account/password")
            #expect(form.status == .ok && form.body.contains("id=\"password-form\""))
            // a wrong current password, or two new ones that differ, change nothing
            let wrong = try await here.post(
                "/account/password",
                [
                    ("currentPassword", "no-es-esta-clave"), ("newPassword", "otra-clave-larga"),
                    ("confirmPassword", "otra-clave-larga"),
                ])
            #expect(wrong.status == .seeOther)
            #expect(try await here.get("/account/password").body.contains("La contraseña actual no es correcta"))
            _ = try await here.post(
                "/account/password",
                [
                    ("currentPassword", "contraseña-segura"), ("newPassword", "otra-clave-larga"),
                    ("confirmPassword", "otra-clave-largo"),
                ])
            #expect(try await here.get("/account/password").body.contains("no coinciden"))
            #expect(try await elsewhere.get("/worklist").status == .ok)
            // the right one changes it: this session stays, the other one ends
            let changed = try await here.post(
                "/account/password",
                [
                    ("currentPassword", "contraseña-segura"), ("newPassword", "otra-clave-larga"),
                    ("confirmPassword", "otra-clave-larga"),
                ])
            #expect(changed.status == .seeOther)
            #expect(try await here.get("/account/password").body.contains("Contraseña cambiada"))
            #expect(try await elsewhere.get("/worklist").status == .seeOther)
            try await WebClient(app: h.app).signIn("ana@empresa.co", "otra-clave-larga")
            let old = WebClient(app: h.app)
            try await old.get("/login")
            #expect(
                try await old.post("/login", [("email", "ana@empresa.co"), ("password", "contraseña-segura")]).status
                    == .unauthorized)
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "user.password_changed").count() == 1)
        }
    }

    @Test("an admin resets a password and signs someone out everywhere")
    func adminResetAndSignOutEverywhere() async throws {
        try await TestHarness.run { h in
            let admin = try await h.signedIn("jefe@empresa.co", role: .admin)
            let ana = try await h.signedIn("ana@empresa.co", role: .collector)
            let anaID = try #require(
                try await User.query(on: h.app.db).filter(\.$email == "ana@empresa.co").first()?.id)
            let users = try await admin.get("/settings/people")
            #expect(
                users.body.contains("/settings/people/\(anaID)/password")
                    && users.body.contains("/settings/people/\(anaID)/sign-out"))
            // a collector may do neither
            #expect(try await ana.post("/settings/people/\(anaID)/sign-out", []).status == .forbidden)
            // reset: Ana's sessions end and the new password works
            #expect(
                try await admin.post("/settings/people/\(anaID)/password", [("password", "nueva-clave-temporal")])
                    .status
                    == .seeOther)
            #expect(try await ana.get("/worklist").status == .seeOther)
            let laptop = WebClient(app: h.app)
            let phone = WebClient(app: h.app)
            try await laptop.signIn("ana@empresa.co", "nueva-clave-temporal")
            try await phone.signIn("ana@empresa.co", "nueva-clave-temporal")
            // sign out everywhere: both end at once, the admin's own session stays
            try await admin.get("/settings/people")
            #expect(try await admin.post("/settings/people/\(anaID)/sign-out", []).status == .seeOther)
            #expect(try await laptop.get("/worklist").status == .seeOther)
            #expect(try await phone.get("/worklist").status == .seeOther)
            #expect(try await admin.get("/settings/people").status == .ok)
            let actions = try await AuditEvent.query(on: h.app.db).all().map(\.action)
            #expect(actions.contains("user.password_reset") && actions.contains("user.signed_out"))
        }
    }

    @Test("revoke-api-key and the API revoke a key at once on this instance")
    func revokeAPIKey() async throws {
        try await TestHarness.run { h in
            let created = try await APIKeys.create(
                name: "integracion", role: .viewer, organisationID: h.organisationID, on: h.app.db)
            #expect(
                try await h.send(.GET, "/api/v1/customers", key: created.secret).status == .ok,
                "now remembered for 30 s")
            // the command: by prefix
            let output = try await RecordingConsole.run(
                RevokeAPIKeyCommand(), ["--prefix", created.key.prefix], app: h.app)
            #expect(output.contains("Revoked"))
            #expect(try await h.send(.GET, "/api/v1/customers", key: created.secret).status == .unauthorized)
            await #expect {
                try await RecordingConsole.run(RevokeAPIKeyCommand(), ["--prefix", "ck_00000000"], app: h.app)
            } throws: {
                ($0 as? CommandArgumentError)?.field == "--prefix"
            }
            // the API: admins only, and the key is refused from the next request on
            let other = try await APIKeys.create(
                name: "otra", role: .collector, organisationID: h.organisationID, on: h.app.db)
            let otherID = try other.key.requireID()
            #expect(try await h.send(.GET, "/api/v1/customers", key: other.secret).status == .ok)
            #expect(
                try await h.send(.POST, "/api/v1/api-keys/\(otherID)/revoke", key: other.secret).status == .forbidden)
            let revoked = try await h.post("/api/v1/api-keys/\(otherID)/revoke", [:])
            #expect(
                revoked.status == .ok && revoked.json["revoked_at"].string != nil
                    && revoked.json["prefix"].string == other.key.prefix)
            #expect(try await h.send(.GET, "/api/v1/customers", key: other.secret).status == .unauthorized)
            #expect(try await h.post("/api/v1/api-keys/\(UUID())/revoke", [:]).status == .notFound)
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "api_key.revoked").count() == 2)
        }
    }
}
