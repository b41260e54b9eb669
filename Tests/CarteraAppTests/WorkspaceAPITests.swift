import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// Calls, promises, disputes, plans, credit and escalation through the API, with the clock.
@Suite struct WorkspaceAPITests {
    /// A customer owing one invoice issued Feb 18 and due Mar 20 (net30), and it is now `today`.
    func owing(_ h: TestHarness, total: String = "1000000.00", today: String = "2026-04-01", extra: [String: Any] = [:])
        async throws -> (customer: String, invoice: String)
    {
        h.travel(to: "2026-02-18")
        let customer = try await h.customerWithContacts()
        if !extra.isEmpty { _ = try await h.patch("/api/v1/customers/\(customer)", extra) }
        let invoice = try await h.createInvoice(
            customer: customer, number: "FE-\(Int.random(in: 1000...9999))", total: total, issued: "2026-02-18")
        h.travel(to: today)
        return (customer, try #require(invoice["id"].string))
    }

    func tasks(_ h: TestHarness) async throws -> [JSON] { try await h.get("/api/v1/tasks").json.array }

    @Test func aPromiseFromACallPausesRemindersUntilItsDateAndABrokenOneRaisesATask() async throws {
        try await TestHarness.run { h in
            let (customer, invoice) = try await owing(h)
            let call = try await h.post(
                "/api/v1/customers/\(customer)/calls",
                [
                    "outcome": "promise", "promise_amount": "1000000.00", "promised_on": "2026-04-08",
                    "note": "Paga el miércoles de la otra semana",
                ])
            #expect(call.status == .created, "\(call.json)")
            #expect(call.json["promise_id"].string != nil)
            #expect(try await h.get("/api/v1/invoices/\(invoice)/reminders").json["paused"].bool == true)
            // while the promise holds, no reminder goes out (+20 would be due on Apr 9; the +10 step was skipped)
            try await h.runReminders()
            #expect(try await h.messages(customer: customer).filter { $0["kind"].string == "overdue" }.isEmpty)
            // the day after the promised date, with nothing paid: broken, a call task, reminders resume
            h.travel(to: "2026-04-09")
            try await h.runReminders()
            let promises = try await h.get("/api/v1/customers/\(customer)/promises").json.array
            #expect(promises.map { $0["status"].string } == ["broken"])
            #expect(try await tasks(h).contains { $0["title"].string?.contains("incumplió la promesa") == true })
            #expect(try await h.get("/api/v1/invoices/\(invoice)/reminders").json["paused"].bool == false)
            #expect(try await h.messages(customer: customer).contains { $0["kind"].string == "overdue" })
        }
    }

    @Test func aPaidPromiseIsKept() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await owing(h)
            _ = try await h.post(
                "/api/v1/customers/\(customer)/promises", ["amount": "400000.00", "promised_on": "2026-04-05"])
            h.travel(to: "2026-04-04")
            #expect(
                try await h.post(
                    "/api/v1/payments", ["customer_id": customer, "amount": "400000.00", "received_on": "2026-04-04"]
                ).status == .created)
            h.travel(to: "2026-04-06")
            try await h.runReminders()
            #expect(
                try await h.get("/api/v1/customers/\(customer)/promises").json.array.map { $0["status"].string } == [
                    "kept"
                ])
            #expect(try await tasks(h).isEmpty)
        }
    }

    @Test func callOutcomesDecideTheNextTask() async throws {
        try await TestHarness.run { h in
            let (customer, invoice) = try await owing(h)
            #expect(
                try await h.post("/api/v1/customers/\(customer)/calls", ["outcome": "no_answer"]).status == .created)
            #expect(
                try await h.post(
                    "/api/v1/customers/\(customer)/calls",
                    ["outcome": "wrong_number", "note": "El número es de otra empresa"]
                ).status == .created)
            #expect(
                try await h.post(
                    "/api/v1/customers/\(customer)/calls", ["outcome": "reached", "follow_up_on": "2026-04-10"]
                ).status == .created)
            let dispute = try await h.post(
                "/api/v1/customers/\(customer)/calls",
                ["outcome": "dispute", "invoice_id": invoice, "dispute_reason": "Mercancía llegó averiada"])
            #expect(dispute.status == .created)
            let due = Dictionary(grouping: try await tasks(h), by: { $0["due_on"].string ?? "" }).mapValues {
                $0.map { $0["kind"].string ?? "" }.sorted()
            }
            #expect(due == ["2026-04-01": ["follow_up"], "2026-04-03": ["call"], "2026-04-10": ["call"]])
            #expect(try await h.get("/api/v1/invoices/\(invoice)/reminders").json["paused"].bool == true)
            let calls = try await h.get("/api/v1/customers/\(customer)/calls").json.array
            #expect(calls.count == 4)
            #expect(calls.allSatisfy { $0["author"].string == "api_key:tests" })
        }
    }

    @Test func badCallsNameTheFieldAndChangeNothing() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await owing(h)
            let cases: [([String: Any], String)] = [
                (["outcome": "voicemail"], "outcome"),
                ([:], "outcome"),
                (["outcome": "promise", "promised_on": "2026-04-08"], "promise_amount"),
                (["outcome": "promise", "promise_amount": "-5", "promised_on": "2026-04-08"], "promise_amount"),
                (["outcome": "promise", "promise_amount": "5.00", "promised_on": "2026-03-01"], "promised_on"),
                (["outcome": "promise", "promise_amount": "5.00", "promised_on": "8/4/2026"], "promised_on"),
                (["outcome": "dispute"], "invoice_id"),
                (["outcome": "reached", "follow_up_on": "2026-03-01"], "follow_up_on"),
                (["outcome": "reached", "contact_id": UUID().uuidString], "contact_id"),
            ]
            for (body, field) in cases {
                let reply = try await h.post("/api/v1/customers/\(customer)/calls", body)
                #expect(reply.status == .unprocessableEntity, "\(body) → \(reply.status)")
                #expect(reply.json["error"]["field"].string == field, "\(body) → \(reply.json)")
            }
            #expect(try await h.get("/api/v1/customers/\(customer)/calls").json.array.isEmpty)
            #expect(try await h.get("/api/v1/customers/\(customer)/promises").json.array.isEmpty)
            #expect(try await tasks(h).isEmpty)
            #expect(try await h.post("/api/v1/customers/\(UUID())/calls", ["outcome": "reached"]).status == .notFound)
        }
    }

    @Test func aDisputeResolvedWithACreditNoteIssuesItAndResumesReminders() async throws {
        try await TestHarness.run { h in
            let (_, invoice) = try await owing(h)
            let opened = try await h.post(
                "/api/v1/invoices/\(invoice)/disputes", ["reason": "Cobro doble del flete", "amount": "150000.00"])
            #expect(opened.status == .created)
            #expect(opened.json["amount"].string == "150000.00")
            #expect(try await h.post("/api/v1/invoices/\(invoice)/disputes", ["reason": "otra"]).status == .conflict)
            let tooMuch = try await h.post("/api/v1/invoices/\(UUID())/disputes", ["reason": "x"])
            #expect(tooMuch.status == .notFound)
            let id = try #require(opened.json["id"].string)
            let missingNumber = try await h.post("/api/v1/disputes/\(id)/resolve", ["resolution": "credit_note"])
            #expect(missingNumber.json["error"]["field"].string == "credit_note_number")
            let resolved = try await h.post(
                "/api/v1/disputes/\(id)/resolve", ["resolution": "credit_note", "credit_note_number": "NC-77"])
            #expect(resolved.status == .ok, "\(resolved.json)")
            #expect(resolved.json["resolution"].string == "credit_note")
            let after = try await h.get("/api/v1/invoices/\(invoice)").json
            #expect(after["balance"].string == "850000.00")
            #expect(try await h.get("/api/v1/credit-notes").json["items"][0]["number"].string == "NC-77")
            #expect(try await h.get("/api/v1/invoices/\(invoice)/reminders").json["paused"].bool == false)
            #expect(try await h.post("/api/v1/disputes/\(id)/resolve", ["resolution": "rejected"]).status == .conflict)
        }
    }

    @Test func aThreeInstalmentPlanRemindsEachInstalmentOnceAndBreaksWhenOneIsMissed() async throws {
        try await TestHarness.run { h in
            let (customer, invoice) = try await owing(h, total: "1000000.00")
            let plan = try await h.post(
                "/api/v1/customers/\(customer)/payment-plans",
                [
                    "invoice_ids": [invoice], "instalments": 3, "first_due_on": "2026-04-15",
                    "note": "Acuerdo telefónico",
                ])
            #expect(plan.status == .created, "\(plan.json)")
            let instalments = plan.json["instalments"].array
            #expect(instalments.map { $0["amount"].string } == ["333333.34", "333333.33", "333333.33"])
            #expect(instalments.map { $0["due_on"].string } == ["2026-04-15", "2026-05-15", "2026-06-15"])
            #expect(try await h.get("/api/v1/invoices/\(invoice)/reminders").json["paused"].bool == true)
            // the same invoice cannot be in two plans
            let twice = try await h.post(
                "/api/v1/customers/\(customer)/payment-plans",
                ["invoice_ids": [invoice], "instalments": 2, "first_due_on": "2026-04-20"])
            #expect(twice.status == .conflict)

            // three days before the first instalment its reminder goes out, once, however often the pass runs
            h.travel(to: "2026-04-12")
            try await h.runReminders()
            try await h.runReminders()
            let reminders = try await h.messages(customer: customer).filter {
                ($0["subject"].string ?? "").contains("Cuota 1 de 3")
            }
            #expect(reminders.count == 1)
            // the first instalment is paid on time
            h.travel(to: "2026-04-14")
            #expect(
                try await h.post(
                    "/api/v1/payments", ["customer_id": customer, "amount": "333333.34", "received_on": "2026-04-14"]
                ).status == .created)
            h.travel(to: "2026-04-16")
            try await h.runReminders()
            let standing = try await h.get("/api/v1/customers/\(customer)/payment-plans").json[0]
            #expect(standing["status"].string == "active")
            #expect(standing["instalments"].array.map { $0["state"].string } == ["paid", "pending", "pending"])
            // the second is missed: the plan breaks, a task appears and dunning takes over again
            h.travel(to: "2026-05-18")
            try await h.runReminders()
            let broken = try await h.get("/api/v1/customers/\(customer)/payment-plans").json[0]
            #expect(broken["status"].string == "broken")
            #expect(try await tasks(h).contains { $0["title"].string?.contains("cuota 2") == true })
            #expect(try await h.get("/api/v1/invoices/\(invoice)/reminders").json["paused"].bool == false)
        }
    }

    @Test func badPlansAreRefusedWithTheField() async throws {
        try await TestHarness.run { h in
            let (customer, invoice) = try await owing(h)
            let cases: [([String: Any], String)] = [
                (["instalments": 3, "first_due_on": "2026-04-15"], "invoice_ids"),
                (
                    ["invoice_ids": [UUID().uuidString], "instalments": 3, "first_due_on": "2026-04-15"],
                    "invoice_ids[0]"
                ),
                (["invoice_ids": [invoice], "instalments": 0, "first_due_on": "2026-04-15"], "instalments"),
                (["invoice_ids": [invoice], "instalments": 3, "first_due_on": "2026-03-15"], "first_due_on"),
                (["invoice_ids": [invoice], "instalments": 3], "first_due_on"),
                (
                    [
                        "invoice_ids": [invoice], "instalments": 2, "first_due_on": "2026-04-15",
                        "down_payment": "2000000.00",
                    ], "down_payment"
                ),
                (
                    [
                        "invoice_ids": [invoice],
                        "schedule": [
                            ["due_on": "2026-04-15", "amount": "600000.00"],
                            ["due_on": "2026-05-15", "amount": "300000.00"],
                        ],
                    ], "instalments"
                ),
            ]
            for (body, field) in cases {
                let reply = try await h.post("/api/v1/customers/\(customer)/payment-plans", body)
                #expect(reply.status == .unprocessableEntity, "\(body) → \(reply.status)")
                #expect(reply.json["error"]["field"].string == field, "\(body) → \(reply.json)")
            }
            #expect(try await h.get("/api/v1/customers/\(customer)/payment-plans").json.array.isEmpty)
            // custom amounts that add up are fine
            let custom = try await h.post(
                "/api/v1/customers/\(customer)/payment-plans",
                [
                    "invoice_ids": [invoice],
                    "schedule": [
                        ["due_on": "2026-04-15", "amount": "700000.00"],
                        ["due_on": "2026-05-15", "amount": "300000.00"],
                    ],
                ])
            #expect(custom.status == .created, "\(custom.json)")
        }
    }

    @Test func theCreditCheckSaysWhetherANewSaleIsAllowedAndWhy() async throws {
        try await TestHarness.run { h in
            let (customer, invoice) = try await owing(
                h, total: "800000.00", today: "2026-03-25", extra: ["credit_limit": "1000000.00"])
            let fits = try await h.get("/api/v1/customers/\(customer)/credit-check?amount=200000.00").json
            #expect(fits["allowed"].bool == true)
            #expect(fits["available_credit"].string == "200000.00")
            let tooBig = try await h.get("/api/v1/customers/\(customer)/credit-check?amount=200000.01").json
            #expect(tooBig["allowed"].bool == false && tooBig["on_hold"].bool == false)
            #expect(tooBig["reasons"].array.map { $0["code"].string } == ["sale_exceeds_limit"])
            // a hold by hand, with its reason, until released
            #expect(
                try await h.post("/api/v1/customers/\(customer)/credit-hold", ["reason": "Cheque devuelto"]).json[
                    "credit_hold_reason"
                ].string == "Cheque devuelto")
            let held = try await h.get("/api/v1/customers/\(customer)/credit-check?amount=1.00").json
            #expect(held["allowed"].bool == false && held["on_hold"].bool == true)
            #expect(held["reasons"][0]["code"].string == "manual_hold")
            #expect(held["reasons"][0]["message"].string?.contains("Cheque devuelto") == true)
            #expect(
                try await h.post("/api/v1/customers/\(customer)/credit-hold", ["reason": "otra vez"]).status
                    == .conflict)
            #expect(
                try await h.post("/api/v1/customers/\(customer)/credit-hold/release", ["reason": "Pagó en efectivo"])
                    .status == .ok)
            // more than 60 days overdue (the organisation's default) is an automatic hold
            h.travel(to: "2026-05-20")
            let late = try await h.get("/api/v1/customers/\(customer)/credit-check").json
            #expect(late["reasons"].array.map { $0["code"].string } == ["overdue_too_long"])
            #expect(late["oldest_days_overdue"].int == 61)
            // a payment brings exposure and the hold down at once: nothing stored to go stale
            _ = try await h.post("/api/v1/payments", ["customer_id": customer, "amount": "800000.00"])
            #expect(try await h.get("/api/v1/customers/\(customer)/credit-check").json["allowed"].bool == true)
            _ = invoice
            #expect(
                try await h.get("/api/v1/customers/\(customer)/credit-check?amount=abc").json["error"]["field"].string
                    == "amount")
        }
    }

    @Test func escalationStopsEveryReminderAndWriteOffClosesTheInvoice() async throws {
        try await TestHarness.run { h in
            let (customer, invoice) = try await owing(h)
            let escalated = try await h.post(
                "/api/v1/customers/\(customer)/escalation",
                ["agency": "Cobranzas Jurídicas Ltda.", "note": "Expediente enviado"])
            #expect(escalated.status == .ok)
            #expect(escalated.json["escalated_to"].string == "Cobranzas Jurídicas Ltda.")
            #expect(escalated.json["do_not_contact"].bool == true)
            let before = try await h.messages(customer: customer).count
            try await h.runReminders()
            #expect(try await h.messages(customer: customer).count == before)
            #expect(
                try await h.get("/api/v1/customers/\(customer)/credit-check").json["reasons"].array.contains {
                    $0["code"].string == "sent_to_collection"
                })
            let written = try await h.post(
                "/api/v1/invoices/\(invoice)/write-off", ["reason": "Incobrable según abogado"])
            #expect(written.status == .ok, "\(written.json)")
            #expect(written.json["status"].string == "written_off")
            #expect(written.json["balance"].string == "0.00")
            #expect(
                try await h.post("/api/v1/invoices/\(invoice)/write-off", ["reason": "otra vez"]).status == .conflict)
            let audit = try await h.get("/api/v1/audit-events?entity_id=\(invoice)").json.array
            #expect(
                audit.contains {
                    $0["action"].string == "invoice.written_off"
                        && $0["details"]["reason"].string == "Incobrable según abogado"
                })
            #expect(
                try await h.post("/api/v1/customers/\(customer)/escalation/recall", [:]).json["escalated_to"] == .null)
        }
    }

    @Test func theTimelineTellsTheWholeStoryNewestFirst() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await owing(h)
            _ = try await h.post("/api/v1/customers/\(customer)/notes", ["note": "Cliente pide copia de la factura"])
            h.travel(to: "2026-04-02")
            _ = try await h.post(
                "/api/v1/customers/\(customer)/calls",
                ["outcome": "promise", "promise_amount": "500000.00", "promised_on": "2026-04-10"])
            _ = try await h.post(
                "/api/v1/payments", ["customer_id": customer, "amount": "100000.00", "received_on": "2026-04-02"])
            let timeline = try await h.send(
                .GET, "/api/v1/customers/\(customer)/timeline", headers: ["Accept-Language": "es"]
            ).json.array
            let kinds = timeline.compactMap { $0["kind"].string }
            for kind in ["invoice", "message", "note", "call", "promise", "payment"] {
                #expect(kinds.contains(kind), "\(kind) missing from \(kinds)")
            }
            let stamps = timeline.compactMap { $0["at"].string }
            #expect(stamps == stamps.sorted(by: >))
            #expect(kinds.last == "invoice")
            #expect(timeline.contains { $0["summary"].string?.hasPrefix("Promesa de pago de $ 500.000,00") == true })
            // words, not codes: the promised day, the payment method, the message's channel and state
            let summaries = timeline.compactMap { $0["summary"].string }
            #expect(
                summaries.contains { $0.hasPrefix("Promesa de pago de $ 500.000,00 para el 10 abr 2026") },
                "\(summaries)")
            #expect(summaries.contains("Pago recibido: $ 100.000,00 (Transferencia)"), "\(summaries)")
            #expect(!summaries.contains { $0.contains("(transfer)") || $0.contains("(email") || $0.contains("2026-") })
        }
    }

    @Test func theWorklistPutsActionFirstThenMoneyDaysTimesRisk() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-01-02")
            let big = try await h.createCustomer("Grande S.A.S.")
            let late = try await h.createCustomer("Tardío S.A.S.")
            let calm = try await h.createCustomer("Tranquilo S.A.S.")
            // due Feb 1
            _ = try await h.createInvoice(customer: big, number: "B-1", total: "9000000.00", issued: "2026-01-02")
            _ = try await h.createInvoice(customer: late, number: "L-1", total: "1000000.00", issued: "2026-01-02")
            // not yet due
            _ = try await h.createInvoice(customer: calm, number: "C-1", total: "50000.00", issued: "2026-03-01")
            h.travel(to: "2026-03-03") // 30 days late
            let list = try await h.get("/api/v1/worklist").json.array
            #expect(list.map { $0["legal_name"].string } == ["Grande S.A.S.", "Tardío S.A.S."])
            // medium risk (no history): 9 000 000 × 30 × 2
            #expect(list[0]["score"].int == 9_000_000 * 30 * 2)
            // a call task due today puts the small account first
            _ = try await h.post(
                "/api/v1/customers/\(late)/calls", ["outcome": "no_answer", "follow_up_on": "2026-03-03"])
            let reordered = try await h.get("/api/v1/worklist").json.array
            #expect(reordered.map { $0["legal_name"].string } == ["Tardío S.A.S.", "Grande S.A.S."])
            #expect(reordered[0]["needs_action_today"].bool == true && reordered[0]["call_tasks_due"].int == 1)
            // paused invoices do not count
            _ = try await h.post(
                "/api/v1/customers/\(big)/promises", ["amount": "9000000.00", "promised_on": "2026-03-20"])
            #expect(try await h.get("/api/v1/worklist").json.array.map { $0["legal_name"].string } == ["Tardío S.A.S."])
            #expect(try await h.get("/api/v1/worklist?scope=nobody").status == .unprocessableEntity)
        }
    }
}

@Suite struct CreditSettingsAPITests {
    @Test func holdDaysAndReferenceRatesAreOrganisationSettings() async throws {
        try await TestHarness.run { h in
            let settings = try await h.patch(
                "/api/v1/organisation", ["credit_hold_days_overdue": 30, "reference_rates": "usd = 4100.5"])
            #expect(settings.status == .ok)
            #expect(settings.json["credit_hold_days_overdue"].int == 30)
            #expect(settings.json["reference_rates"].string == "USD=4100.5")
            let off = try await h.patch("/api/v1/organisation", ["credit_hold_days_overdue": 0])
            #expect(off.json["credit_hold_days_overdue"] == .null)
            for (body, field) in [
                (["reference_rates": "USD"], "reference_rates"),
                (["credit_hold_days_overdue": -1], "credit_hold_days_overdue"),
            ] as [([String: Any], String)] {
                let reply = try await h.patch("/api/v1/organisation", body)
                #expect(reply.status == .unprocessableEntity)
                #expect(reply.json["error"]["field"].string == field)
            }
            #expect(try await h.get("/api/v1/organisation").json["reference_rates"].string == "USD=4100.5")
            // a USD customer of a COP organisation: its exposure is in USD, and a COP invoice never mixes in
            let customer = try await h.createCustomer(
                "Importadora S.A.S.", extra: ["currency": "USD", "credit_limit": "1000.00"])
            _ = try await h.createInvoice(
                customer: customer, number: "US-1", total: "900.00", extra: ["currency": "USD"])
            let check = try await h.get("/api/v1/customers/\(customer)/credit-check?amount=100.00").json
            #expect(
                check["currency"].string == "USD" && check["exposure"].string == "900.00"
                    && check["allowed"].bool == true)
        }
    }
}
