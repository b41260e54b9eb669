import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The settings pages: admins change the organisation through the service the API uses; refusals come
/// back next to the field with what was typed; how to pay reaches the portal and the messages.
@Suite struct SettingsPagesTests {
    private func organisation(_ h: TestHarness) async throws -> Organisation {
        try #require(try await Organisation.find(h.organisationID, on: h.app.db))
    }

    @Test func anAdminSavesTheOrganisationAndOnlyAdminsMay() async throws {
        try await TestHarness.run { h in
            let admin = try await h.signedIn("admin@empresa.co", role: .admin)
            let page = try await admin.get("/settings")
            #expect(page.status == .ok)
            #expect(page.body.contains("Español (Colombia)") && page.body.contains("id=\"settings-tabs\""))
            #expect(!page.body.contains(">es-CO<"))
            let saved = try await admin.post(
                "/settings",
                [
                    ("_form", "organisation"), ("name", "Ferretería Nueva S.A.S."), ("defaultCurrency", "cop"),
                    ("locale", "es-CO"), ("timeZone", "America/Bogota"), ("senderName", "Cobranza Ferretería"),
                    ("senderEmail", "cobranza@ferreteria.co"), ("replyToEmail", "cartera@ferreteria.co"),
                ], referer: "http://localhost/settings")
            #expect(saved.status == .seeOther && saved.location == "/settings")
            let stored = try await organisation(h)
            #expect(stored.name == "Ferretería Nueva S.A.S." && stored.senderName == "Cobranza Ferretería")
            #expect(stored.senderEmail == "cobranza@ferreteria.co" && stored.replyToEmail == "cartera@ferreteria.co")
            // The API reads the same settings.
            let api = try await h.get("/api/v1/organisation")
            #expect(api.json["sender_name"].string == "Cobranza Ferretería")
            #expect(try await admin.get("/settings").body.contains("Configuración guardada."))

            for role in [Role.collector, .viewer] {
                let other = try await h.signedIn("\(role.rawValue)@empresa.co", role: role)
                #expect(try await other.get("/settings").status == .forbidden)
                #expect(try await other.get("/settings/reminders").status == .forbidden)
                #expect(try await other.get("/settings/api-keys").status == .forbidden)
                #expect(try await other.post("/settings", [("name", "Otra")]).status == .forbidden)
                #expect(!(try await other.get("/").body.contains("id=\"nav-settings\"")))
            }
            #expect(try await organisation(h).name == "Ferretería Nueva S.A.S.")
            #expect(try await admin.get("/").body.contains("id=\"nav-settings\""))
        }
    }

    @Test func aBadTimeZoneOrAmountIsShownNextToItsFieldAndNothingChanges() async throws {
        try await TestHarness.run { h in
            let admin = try await h.signedIn("admin@empresa.co", role: .admin)
            try await admin.get("/settings")
            let refused = try await admin.post(
                "/settings",
                [
                    ("_form", "organisation"), ("name", "Nombre Tecleado"), ("defaultCurrency", "COP"),
                    ("locale", "es-CO"), ("timeZone", "America/Bogotá-no"), ("senderName", ""),
                    ("senderEmail", ""), ("replyToEmail", ""),
                ], referer: "http://localhost/settings")
            #expect(refused.status == .seeOther && refused.location == "/settings")
            let back = try await admin.get("/settings")
            #expect(back.body.contains("id=\"time-zone-error\""))
            #expect(back.body.contains("Zona horaria"))
            #expect(
                back.body.contains("value=\"Nombre Tecleado\"") && back.body.contains("value=\"America/Bogotá-no\""))
            #expect(try await organisation(h).name == "Ferretería Prueba S.A.S.")
            #expect(try await organisation(h).timeZone == "America/Bogota")

            try await admin.get("/settings/reminders")
            let fee = try await admin.post(
                "/settings/reminders",
                [
                    ("_form", "reminders"), ("reminderHour", "9"), ("reminderKinds[]", "overdue"),
                    ("creditHoldDaysOverdue", "45"), ("lateFeePolicy", "fixed_per_step"),
                    ("lateFeeAmount", "15.000,5x"), ("lateInterestRate", ""), ("legalMaximumRate", ""),
                ], referer: "http://localhost/settings/reminders")
            #expect(fee.status == .seeOther)
            let reminders = try await admin.get("/settings/reminders")
            #expect(reminders.body.contains("id=\"late-fee-amount-error\""))
            #expect(reminders.body.contains("value=\"15.000,5x\""))
            let unchanged = try await organisation(h)
            #expect(unchanged.reminderHour == nil && unchanged.creditHoldDaysOverdue == 60)
            #expect(unchanged.lateFeePolicyName == "none")

            let good = try await admin.post(
                "/settings/reminders",
                [
                    ("_form", "reminders"), ("reminderHour", "9"), ("reminderKinds[]", "overdue"),
                    ("reminderKinds[]", "before_due"), ("creditHoldDaysOverdue", "45"),
                    ("lateFeePolicy", "fixed_per_step"), ("lateFeeAmount", "$ 15.000,50"),
                    ("lateInterestRate", ""), ("legalMaximumRate", "25,5"),
                ], referer: "http://localhost/settings/reminders")
            #expect(good.status == .seeOther)
            let changed = try await organisation(h)
            #expect(changed.reminderHour == 9 && changed.creditHoldDaysOverdue == 45)
            #expect(changed.lateFeeMinor == 1_500_050 && changed.legalMaximumBasisPoints == 2_550)
            #expect(changed.enabledReminderKinds == [.overdue, .beforeDue])
            let shown = try await admin.get("/settings/reminders")
            #expect(shown.body.contains("$ 15.000,50") && shown.body.contains("value=\"25,5\""))
        }
    }

    @Test func holidayPresetsAndRatesGoThroughTheService() async throws {
        try await TestHarness.run { h in
            let admin = try await h.signedIn("admin@empresa.co", role: .admin)
            try await admin.get("/settings/reminders")
            let preset = try await admin.post(
                "/settings/holidays", [("_form", "holiday_preset"), ("country", "CO"), ("year", "2026")],
                referer: "http://localhost/settings/reminders")
            #expect(preset.status == .seeOther)
            let holidays = StoredList<String>.decode(try await organisation(h).holidays)
            #expect(
                holidays.contains("2026-07-20") && holidays.contains("2026-08-07") && holidays.contains("2026-04-02"))
            let page = try await admin.get("/settings/reminders")
            #expect(page.body.contains("Batalla de Boyacá") && page.body.contains("20 jul 2026"))
            _ = try await admin.post(
                "/settings/holidays/remove", [("holidayDate", "2026-07-20")],
                referer: "http://localhost/settings/reminders")
            #expect(!StoredList<String>.decode(try await organisation(h).holidays).contains("2026-07-20"))

            try await admin.get("/settings/rates")
            let rates = try await admin.post(
                "/settings/rates",
                [
                    ("_form", "rates"), ("currency[]", "usd"), ("rate[]", "4.100,5"), ("currency[]", "EUR"),
                    ("rate[]", "4450"), ("currency[]", ""), ("rate[]", ""),
                ], referer: "http://localhost/settings/rates")
            #expect(rates.status == .seeOther)
            #expect(try await organisation(h).referenceRates == "EUR=4450,USD=4100.5")
            #expect(try await admin.get("/settings/rates").body.contains("value=\"4100,5\""))
        }
    }

    @Test func paymentInstructionsAndBankAccountsReachThePortalAndTheMessages() async throws {
        try await TestHarness.run { h in
            let admin = try await h.signedIn("admin@empresa.co", role: .admin)
            try await admin.get("/settings")
            _ = try await admin.post(
                "/settings/payment",
                [("_form", "payment"), ("paymentInstructions", "Cite el número de factura en la consignación.")],
                referer: "http://localhost/settings")
            let missing = try await admin.post(
                "/settings/bank-accounts",
                [
                    ("_form", "bank_account"), ("bankName", "Bancolombia"), ("bankAccountType", "savings"),
                    ("bankAccountNumber", ""), ("bankAccountHolder", "Ferretería Prueba S.A.S."),
                    ("bankAccountTaxId", "NIT 900.123.456-7"),
                ], referer: "http://localhost/settings")
            #expect(missing.status == .seeOther)
            let back = try await admin.get("/settings")
            #expect(back.body.contains("Número de cuenta") && back.body.contains("value=\"Bancolombia\""))
            #expect(try await organisation(h).bankAccountList.isEmpty)
            _ = try await admin.post(
                "/settings/bank-accounts",
                [
                    ("_form", "bank_account"), ("bankName", "Bancolombia"), ("bankAccountType", "savings"),
                    ("bankAccountNumber", "123-456789-01"), ("bankAccountHolder", "Ferretería Prueba S.A.S."),
                    ("bankAccountTaxId", "NIT 900.123.456-7"),
                ], referer: "http://localhost/settings")
            #expect(try await organisation(h).bankAccountList.map(\.number) == ["123-456789-01"])
            let api = try await h.get("/api/v1/organisation")
            #expect(api.json["bank_accounts"][0]["account_type"].string == "savings")

            let customer = try await h.customerWithContacts()
            let link = try #require(
                try await h.post("/api/v1/customers/\(customer)/portal-links", [:]).json["url"].string)
            let portalPath = String(link[try #require(link.range(of: "/portal/")).lowerBound...])
            let portal = try await WebClient(app: h.app).get(portalPath)
            #expect(portal.body.contains("Cite el número de factura en la consignación."))
            #expect(portal.body.contains("Bancolombia") && portal.body.contains("123-456789-01"))
            #expect(portal.body.contains("Cuenta de ahorros"))

            let composer = MessageComposer(
                organisation: try await organisation(h), localizer: h.app.localizer, language: "es")
            #expect(
                composer.howToPay
                    == "Bancolombia, cuenta de ahorros n.º 123-456789-01, a nombre de Ferretería Prueba S.A.S. "
                    + "(NIT 900.123.456-7)\nCite el número de factura en la consignación.")
            _ = try await admin.post(
                "/settings/bank-accounts/0/remove", [], referer: "http://localhost/settings")
            #expect(try await organisation(h).bankAccountList.isEmpty)
        }
    }

    @Test func anAPIKeyIsCreatedShownOnceAndRevoked() async throws {
        try await TestHarness.run { h in
            let admin = try await h.signedIn("admin@empresa.co", role: .admin)
            let list = try await admin.get("/settings/api-keys")
            #expect(list.status == .ok && list.body.contains("tests"))
            let created = try await admin.post(
                "/settings/api-keys", [("_form", "api_key"), ("name", "Contabilidad"), ("role", "viewer")])
            #expect(created.status == .ok)
            let secret = try #require(
                created.body.range(of: "id=\"new-api-key-secret\">").map {
                    String(created.body[$0.upperBound...].prefix { $0 != "<" })
                })
            #expect(secret.hasPrefix("ck_"))
            #expect(created.body.contains("consulta") && created.body.contains("Nunca"))
            #expect(try await h.send(.GET, "/api/v1/organisation", key: secret).status == .ok)
            #expect(try await admin.get("/settings/api-keys").body.contains(secret) == false)
            let key = try #require(try await APIKey.query(on: h.app.db).filter(\.$name == "Contabilidad").first())
            #expect(key.role == .viewer && key.lastUsedAt != nil)
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "api_key.created").count() == 1)
            let revoked = try await admin.post("/settings/api-keys/\(try key.requireID())/revoke", [])
            #expect(revoked.status == .seeOther)
            #expect(try await h.send(.GET, "/api/v1/organisation", key: secret).status == .unauthorized)
            #expect(try await admin.get("/settings/api-keys").body.contains("Revocada el"))
        }
    }

    @Test func thePeoplePageMovedUnderSettings() async throws {
        try await TestHarness.run { h in
            let admin = try await h.signedIn("admin@empresa.co", role: .admin)
            let old = try await admin.get("/users")
            #expect(old.status == .movedPermanently && old.location == "/settings/people")
            let people = try await admin.get("/settings/people")
            #expect(people.status == .ok && people.body.contains("admin@empresa.co"))
            let created = try await admin.post(
                "/settings/people",
                [
                    ("name", "Ana Gestora"), ("email", "ana@empresa.co"), ("password", "contraseña-segura"),
                    ("role", "collector"), ("language", "es"),
                ])
            #expect(created.status == .seeOther && created.location == "/settings/people")
            let ana = try #require(try await User.query(on: h.app.db).filter(\.$email == "ana@empresa.co").first())
            try await admin.get("/settings/people")
            #expect(
                try await admin.post("/settings/people/\(try ana.requireID())", [("name", "Ana María")]).status
                    == .seeOther)
            #expect(try await User.find(ana.id, on: h.app.db)?.name == "Ana María")
        }
    }
}
