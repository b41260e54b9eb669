import CarteraCore
import Fluent
import Testing
import Vapor

@testable import CarteraApp

/// One invoice walked through the standard policy with the clock, asserting exactly which
/// messages exist each day. Due Friday 2026-03-20; reminders go out Monday to Friday.
@Suite struct DunningWalkTests {
    static let days = (0..<90).map { LocalDateText.day(from: "2026-03-01", plus: $0) }

    /// Runs dunning every day from March 1 and returns day -> new (kind, channel/step) entries.
    func walk(
        _ h: TestHarness, customer: String, through last: String = "2026-05-29",
        on day: (String) async throws -> Void = { _ in }
    ) async throws -> [String: [String]] {
        // Monthly statements are tested on their own; here they would only add noise.
        try await h.send(.PATCH, "/api/v1/organisation", json: ["summary_frequency": "off"])
        var seen = Set(try await h.messages(customer: customer).compactMap { $0["id"].string })
        var byDay: [String: [String]] = [:]
        for date in Self.days where date <= last {
            h.travel(to: date)
            try await day(date)
            try await h.runReminders()
            for message in try await h.messages(customer: customer) where !seen.contains(message["id"].string!) {
                seen.insert(message["id"].string!)
                byDay[date, default: []].append("\(message["kind"].string!)/\(message["channel"].string!)")
            }
            for task in try await h.get("/api/v1/tasks").json.array where !seen.contains(task["id"].string!) {
                seen.insert(task["id"].string!)
                byDay[date, default: []].append("task/\(task["kind"].string!)")
            }
        }
        return byDay
    }

    @Test func theWholePolicyDayByDay() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-18")
            let customer = try await h.customerWithContacts()
            let invoice = try await h.createInvoice(
                customer: customer, number: "FE-1001", total: "1250000.00", issued: "2026-02-18")
            #expect(invoice["due_date"].string == "2026-03-20")
            let newInvoice = try await h.messages(customer: customer)
            #expect(newInvoice.map { $0["kind"].string } == ["new_invoice"])
            #expect(
                newInvoice.first?["recipient_address"].string == "tesoreria@progreso.com.co", "billing contact first")

            let byDay = try await walk(h, customer: customer)

            #expect(
                byDay == [
                    "2026-03-10": ["before_due/email"], // −10
                    "2026-03-20": ["before_due/email"], // due day
                    "2026-03-30": ["overdue/email"], // +10
                    "2026-04-09": ["overdue/email"], // +20 second notice
                    "2026-04-20": ["task/call"], // +30 is Sunday 19 April
                    "2026-05-04": ["overdue/email"], // +45 final notice (Monday)
                    "2026-05-19": ["overdue/letter", "task/letter"], // +60 letter
                ])
            let subjects = try await h.messages(customer: customer).compactMap { $0["subject"].string }
            #expect(subjects.contains("Aviso final antes de cobro prejurídico — Ferretería El Progreso S.A.S."))
            #expect(subjects.contains("Segundo aviso: facturas vencidas por $ 1.250.000,00"))
            let history = try await h.get("/api/v1/invoices/\(try #require(invoice["id"].string))/reminders").json
            #expect(
                history["delivered"].array.compactMap { $0["step"].string } == [
                    "before_10", "due_day", "after_10", "after_20", "call_30", "final_45", "letter_60",
                ])
            #expect(history["next"].isNull)
        }
    }

    @Test func payingStopsTheChainAndTriggersTheThankYou() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-18")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(
                customer: customer, number: "FE-1002", total: "500000.00", issued: "2026-02-18")
            let byDay = try await walk(h, customer: customer, through: "2026-05-29") { date in
                if date == "2026-04-01" {
                    let paid = try await h.post(
                        "/api/v1/payments", ["customer_id": customer, "amount": "500000.00", "reference": "TRX-77"])
                    try #require(paid.status == .created)
                }
            }
            #expect(
                byDay == [
                    "2026-03-10": ["before_due/email"],
                    "2026-03-20": ["before_due/email"],
                    "2026-03-30": ["overdue/email"],
                    "2026-04-01": ["payment_received/email"],
                ])
            let thanks = try #require(
                try await h.messages(customer: customer).first { $0["kind"].string == "payment_received" })
            #expect(thanks["subject"].string == "Recibimos su pago — gracias")
            #expect(thanks["body_text"].string?.contains("$ 500.000,00") == true)
        }
    }

    @Test func aDisputePausesTheChainAndResolvingItResumes() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-18")
            let customer = try await h.customerWithContacts()
            let invoice = try #require(
                try await h.createInvoice(
                    customer: customer, number: "FE-1003", total: "80000.00", issued: "2026-02-18")["id"].string)
            var disputeID = ""
            let byDay = try await walk(h, customer: customer, through: "2026-05-10") { date in
                if date == "2026-03-25" {
                    disputeID = try #require(
                        try await h.post("/api/v1/invoices/\(invoice)/disputes", ["reason": "Mercancía llegó averiada"])
                            .json["id"].string)
                    #expect(try await h.get("/api/v1/invoices/\(invoice)/reminders").json["paused"].bool == true)
                }
                if date == "2026-04-29" {
                    let resolved = try await h.post("/api/v1/disputes/\(disputeID)/resolve", ["resolution": "rejected"])
                    #expect(resolved.json["status"].string == "resolved")
                }
            }
            // +10 and +30 fall inside the dispute; on resolution only the latest due step (+30 call) comes, then +45
            #expect(
                byDay == [
                    "2026-03-10": ["before_due/email"],
                    "2026-03-20": ["before_due/email"],
                    "2026-04-29": ["task/call"],
                    "2026-05-04": ["overdue/email"],
                ])
        }
    }

    @Test func aPromiseToPayHoldsRemindersUntilItsDate() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-18")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(
                customer: customer, number: "FE-1004", total: "80000.00", issued: "2026-02-18")
            let byDay = try await walk(h, customer: customer, through: "2026-04-24") { date in
                if date == "2026-03-23" {
                    let promise = try await h.post(
                        "/api/v1/customers/\(customer)/promises",
                        ["amount": "80000.00", "promised_on": "2026-04-15", "note": "Paga el 15"])
                    #expect(promise.status == .created)
                    #expect(promise.json["invoice_ids"].array.count == 1)
                }
            }
            // +10 (Mar 30) is held; the day after the promised date the promise is broken (a call task for
            // the collector) and the chain resumes with the latest step
            #expect(
                byDay == [
                    "2026-03-10": ["before_due/email"],
                    "2026-03-20": ["before_due/email"],
                    "2026-04-16": ["overdue/email", "task/call"],
                    "2026-04-20": ["task/call"],
                ])
        }
    }

    @Test func oneMessagePerCustomerPerDayCoveringEveryInvoiceDue() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-01")
            let customer = try await h.customerWithContacts()
            try await h.send(.PATCH, "/api/v1/organisation", json: ["reminder_kinds": ["before_due", "overdue"]])
            _ = try await h.createInvoice(
                customer: customer, number: "A-1", total: "100.00", issued: "2026-02-01",
                extra: ["due_date": "2026-03-20"])
            _ = try await h.createInvoice(
                customer: customer, number: "A-2", total: "200.00", issued: "2026-02-01",
                extra: ["due_date": "2026-03-30"])
            // Monday 30 March: A-1 reaches +10 and A-2 its due day
            h.travel(to: "2026-03-30")
            let dry = try await h.get("/api/v1/reminders/dry-run").json
            #expect(dry["planned"].array.count == 1)
            // The customer never got a reminder: A-1's first overdue message is a first notice.
            #expect(Set(dry["planned"][0]["steps"].array.compactMap(\.string)) == ["first_notice", "due_day"])
            #expect(try await h.messages(customer: customer).isEmpty, "a dry run changes nothing")
            let report = try await h.runReminders()
            #expect(report["messages_queued"].int == 1)
            let messages = try await h.messages(customer: customer)
            #expect(messages.count == 1)
            #expect(messages[0]["kind"].string == "overdue", "the firmer step leads")
            let body = try #require(messages[0]["body_text"].string)
            #expect(body.contains("A-1") && body.contains("A-2"))
            #expect(body.contains("Total vencido: $ 100,00") && body.contains("$ 200,00"), "both: \(body)")
            #expect(!body.contains("avisos anteriores") && !body.contains("Segundo aviso"))
            let again = try await h.runReminders()
            #expect(again["messages_queued"].int == 0)
            #expect(try await h.messages(customer: customer).count == 1)
        }
    }

    @Test func monthlyStatementGoesOutOnTheFirstWorkingDayUnlessARemindersWentOut() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-18")
            let customer = try await h.customerWithContacts()
            let other = try await h.customerWithContacts("Textiles La Sabana Ltda.")
            _ = try await h.createInvoice(customer: customer, number: "S-1", total: "100.00", issued: "2026-02-18")
            _ = try await h.createInvoice(
                customer: other, number: "S-2", total: "100.00", issued: "2026-01-20", extra: ["due_date": "2026-02-20"]
            )
            // Sunday 1 March is not a working day; Monday 2 March is the first one. S-2 is +10 that day.
            h.travel(to: "2026-03-01")
            #expect(try await h.runReminders()["summaries_queued"].int == 0)
            h.travel(to: "2026-03-02")
            let report = try await h.runReminders()
            #expect(report["summaries_queued"].int == 1)
            let statement = try #require(
                try await h.messages(customer: customer).first { $0["kind"].string == "debt_summary" })
            #expect(statement["subject"].string == "Estado de cuenta de Ferretería El Progreso S.A.S. al 2 mar 2026")
            #expect(
                try await h.messages(customer: other).filter { $0["kind"].string == "debt_summary" }.isEmpty,
                "one message a day: the reminder already went")
            h.travel(to: "2026-03-03")
            #expect(try await h.runReminders()["summaries_queued"].int == 0)
        }
    }

    @Test func catchUpAfterDowntimeSendsOnlyTheLatestStep() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-18")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(customer: customer, number: "FE-9", total: "100.00", issued: "2026-02-18")
            h.travel(to: "2026-04-22") // the server was off since before the first reminder
            try await h.runReminders()
            // Nobody at the customer heard from us yet: one first notice, not the +30 call nor a burst.
            let dunning = try await h.messages(customer: customer).filter { $0["kind"].string != "new_invoice" }
            #expect(dunning.count == 1)
            #expect(dunning.first?["body_text"].string?.contains("Le escribimos para revisar juntos") == true)
            #expect(try await h.get("/api/v1/tasks").json.array.isEmpty)
            // The call counts from that first contact: +30 − +10 = 20 days later (Tuesday 12 May); the second
            // notice (+20 − +10 = 10 days later, a Saturday) goes on the next run. What the run plans, not what
            // the contact rules let out that day.
            h.travel(to: "2026-05-11")
            #expect(
                try await h.get("/api/v1/reminders/dry-run").json["planned"][0]["steps"].array.compactMap(\.string) == [
                    "after_20"
                ])
            try await h.runReminders()
            h.travel(to: "2026-05-12")
            #expect(
                try await h.get("/api/v1/reminders/dry-run").json["planned"][0]["steps"].array.compactMap(\.string) == [
                    "call_30"
                ],
                "the call, 20 days after the first notice")
        }
    }

    @Test func doNotContactAndSwitchedOffKindsAreRespected() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-18")
            let quiet = try await h.customerWithContacts("Cliente Silencioso S.A.S.")
            _ = try await h.patch("/api/v1/customers/\(quiet)", ["do_not_contact": true])
            let noBefore = try await h.customerWithContacts("Sin Preaviso Ltda.")
            _ = try await h.patch("/api/v1/customers/\(noBefore)", ["reminders_off": ["before_due", "new_invoice"]])
            _ = try await h.createInvoice(customer: quiet, number: "Q-1", total: "100.00", issued: "2026-02-18")
            _ = try await h.createInvoice(customer: noBefore, number: "N-1", total: "100.00", issued: "2026-02-18")
            let quietDays = try await walk(h, customer: quiet, through: "2026-03-31")
            #expect(quietDays.isEmpty)
            #expect(try await h.messages(customer: quiet).isEmpty)
            #expect(try await h.messages(customer: noBefore).map { $0["kind"].string } == ["overdue"])
        }
    }
}

enum LocalDateText {
    static func day(from start: String, plus days: Int) -> String {
        (try! CarteraCore.LocalDate(iso: start)).addingClamped(days: days).iso
    }
}
