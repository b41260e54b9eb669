import CarteraCore
import Fluent
import Foundation
import Testing

@testable import CarteraApp

/// Every figure in every bundled message means what its words say, checked against a ledger
/// computed by hand: overdue totals hold only overdue balances, not-yet-due invoices are listed
/// apart with their own total, and disputed, promised and in-plan invoices carry their note.
@Suite struct MessageFiguresTests {
    /// One invoice of the ledger as the customer should read it, on 15 Mar 2026.
    struct Row {
        let number: String
        let balance: [String: String]
        let daysOverdue: Int
        let note: [String: String]?
        var isOverdue: Bool { daysOverdue > 0 }
    }

    /// The hand-computed ledger (COP, today 2026-03-15, net 30):
    /// FE-101 1.000.000,00 due 9 feb, 400.000,00 paid → 600.000,00, 34 days late;
    /// FE-102 2.500.000,00 due 19 feb, disputed, 24 days; FE-104 3.200.000,00 due 24 feb, in a plan,
    /// 19 days; FE-103 750.000,50 due 3 mar, promised for 25 mar, 12 days; FE-106 500.000,00 due today
    /// (not yet due); FE-105 1.800.000,00 due 22 mar.
    static let rows: [Row] = [
        Row(number: "FE-101", balance: ["es": "$ 600.000,00", "en": "$600,000.00"], daysOverdue: 34, note: nil),
        Row(
            number: "FE-102", balance: ["es": "$ 2.500.000,00", "en": "$2,500,000.00"], daysOverdue: 24,
            note: ["es": "en disputa", "en": "in dispute"]),
        Row(
            number: "FE-104", balance: ["es": "$ 3.200.000,00", "en": "$3,200,000.00"], daysOverdue: 19,
            note: ["es": "en plan de pagos", "en": "in a payment plan"]),
        Row(
            number: "FE-103", balance: ["es": "$ 750.000,50", "en": "$750,000.50"], daysOverdue: 12,
            note: ["es": "con promesa de pago hasta el 25 mar 2026", "en": "promised to be paid by Mar 25, 2026"]),
        Row(number: "FE-106", balance: ["es": "$ 500.000,00", "en": "$500,000.00"], daysOverdue: 0, note: nil),
        Row(number: "FE-105", balance: ["es": "$ 1.800.000,00", "en": "$1,800,000.00"], daysOverdue: 0, note: nil),
    ]
    /// 600.000,00 + 2.500.000,00 + 3.200.000,00 + 750.000,50
    static let overdue = ["es": "$ 7.050.000,50", "en": "$7,050,000.50"]
    /// 500.000,00 + 1.800.000,00
    static let notDue = ["es": "$ 2.300.000,00", "en": "$2,300,000.00"]
    static let total = ["es": "$ 9.350.000,50", "en": "$9,350,000.50"]
    static let payment = ["es": "$ 400.000,00", "en": "$400,000.00"]
    /// 3.200.000,00 in 4 instalments
    static let instalment = ["es": "$ 800.000,00", "en": "$800,000.00"]

    /// What a figure is, by the words just before it (on its line).
    enum Figure { case overdue, notDue, total, stillOwed, payment, instalment }

    static let labels: [String: [(String, Figure)]] = [
        "es": [
            ("(Total vencido:?|Saldo vencido|vencidas por|Tiene|de los cuales)", .overdue),
            ("Total por vencer:", .notDue),
            ("(Total por pagar:|pendiente al .* es)", .total),
            ("Saldo pendiente total:", .stillOwed),
            ("pago de", .payment),
            ("(, por|de pago \\()", .instalment),
        ],
        "en": [
            ("(Total overdue:?|Second notice:|second notice\\.|FINAL NOTICE\\.|of which)", .overdue),
            ("Total coming due:", .notDue),
            ("(Total due:|balance as of .* is)", .total),
            ("Total still open:", .stillOwed),
            ("payment of", .payment),
            ("(, 2026:|payment plan \\()", .instalment),
        ],
    ]
    /// Headings under which the invoices listed are not yet due, or overdue.
    static let notDueHeadings = ["es": ["Próximas a vencer:", "Por vencer:"], "en": ["Coming due:"]]
    static let overdueHeadings = [
        "es": ["Además, estas facturas ya vencieron:", "Vencidas:"],
        "en": [
            "These invoices are already overdue:", "Overdue:",
        ],
    ]

    struct Ledger {
        let organisation: Organisation
        let customer: Customer
        let invoices: [Invoice]
        let holds: [UUID: [HoldNote]]
    }

    /// The ledger, built through the API.
    static func ledger(_ h: TestHarness) async throws -> (id: String, ledger: Ledger) {
        let customer = try await h.customerWithContacts()
        func invoice(_ number: String, _ total: String, _ issued: String) async throws -> String {
            let created = try await h.createInvoice(customer: customer, number: number, total: total, issued: issued)
            return try #require(created["id"].string)
        }
        let partlyPaid = try await invoice("FE-101", "1000000.00", "2026-01-10")
        let disputed = try await invoice("FE-102", "2500000.00", "2026-01-20")
        let promised = try await invoice("FE-103", "750000.50", "2026-02-01")
        let planned = try await invoice("FE-104", "3200000.00", "2026-01-25")
        _ = try await invoice("FE-105", "1800000.00", "2026-02-20")
        _ = try await invoice("FE-106", "500000.00", "2026-02-13")
        try #require(
            try await h.post("/api/v1/invoices/\(disputed)/disputes", ["reason": "Mercancía averiada"]).status
                == .created)
        let promise = try await h.post(
            "/api/v1/customers/\(customer)/promises",
            ["amount": "750000.50", "promised_on": "2026-03-25", "invoice_ids": [promised]])
        try #require(promise.status == .created, "\(promise.json)")
        let plan = try await h.post(
            "/api/v1/customers/\(customer)/payment-plans",
            ["invoice_ids": [planned], "instalments": 4, "first_due_on": "2026-04-01"])
        try #require(plan.status == .created, "\(plan.json)")
        let payment = try await h.post(
            "/api/v1/payments",
            [
                "customer_id": customer, "amount": "400000.00", "received_on": "2026-03-15",
                "allocations": [["invoice_id": partlyPaid, "amount": "400000.00"]],
            ])
        try #require(payment.status == .created, "\(payment.json)")
        let record = try #require(try await Customer.find(UUID(uuidString: customer), on: h.app.db))
        let invoices = try await Invoice.query(on: h.app.db).filter(\.$customer.$id == record.requireID()).owed()
            .sort(\.$dueDate).sort(\.$number).all()
        let context = try await ServiceContext.make(
            db: h.app.db, actor: Actor(organisationID: h.organisationID, name: "test"), app: h.app)
        let holds = try await HoldNote.inForce(on: invoices, in: context)
        return (
            customer,
            Ledger(organisation: context.organisation, customer: record, invoices: invoices, holds: holds)
        )
    }

    /// A template as the code that sends it fills it: the invoices and extra values its caller passes.
    static func render(
        _ key: TemplateKey, language: String, channel: ReminderChannel, ledger: Ledger, h: TestHarness
    ) throws -> RenderedMessage? {
        guard let source = h.app.messaging.catalog.bundled(key: key.rawValue, language: language, channel: channel)
        else { return nil }
        let composer = MessageComposer(
            organisation: ledger.organisation, localizer: h.app.messaging.localizer, language: language)
        let today = try LocalDate(iso: "2026-03-15")
        let byNumber = Dictionary(uniqueKeysWithValues: ledger.invoices.map { ($0.number, $0) })
        var invoices = ledger.invoices
        var extra: [String: TemplateValue] = [:]
        switch key {
        case .newInvoice:
            invoices = [try #require(byNumber["FE-105"])]
        case .paymentReceived:
            // as EventReminders.paymentReceived: the invoices the payment settled, the balance still owed
            invoices = [try #require(byNumber["FE-101"])]
            extra["total_balance"] = .text(try composer.total(ledger.invoices))
            extra["payment_amount"] = .text(payment[language]!)
            extra["payment_date"] = .text(composer.date(today))
        case .instalmentDue:
            invoices = [try #require(byNumber["FE-104"])]
            extra["instalment_number"] = .text("1")
            extra["instalment_count"] = .text("4")
            extra["instalment_amount"] = .text(instalment[language]!)
            extra["instalment_due_date"] = .text(composer.date(try LocalDate(iso: "2026-04-01")))
        case .beforeDue, .firstNotice, .overdue, .overdueFirm, .finalNotice, .debtSummary:
            break
        }
        let values = try composer.values(
            customer: ledger.customer, contact: nil, invoices: invoices, today: today, holds: ledger.holds,
            portalLink: "https://cartera.example.co/portal/x", extra: extra)
        return try RenderedMessage(
            source: source, values: values, email: channel == .email ? EmailLayout(composer) : nil)
    }

    /// Which heading the rows come under before any other heading: the key's own subject.
    static func firstSection(_ key: TemplateKey) -> Bool? {
        switch key {
        case .firstNotice, .overdue, .overdueFirm, .finalNotice: true
        case .beforeDue: false
        case .newInvoice, .paymentReceived, .instalmentDue, .debtSummary: nil
        }
    }

    /// Checks every figure of `text` and returns what was wrong.
    static func problems(in text: String, key: TemplateKey, language: String, names: String) -> [String] {
        var problems: [String] = []
        let money = try! Regex("\\$ ?[0-9][0-9.,]*[0-9]")
        let byNumber = Dictionary(uniqueKeysWithValues: rows.map { ($0.number, $0) })
        var overdueSection = firstSection(key)
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if notDueHeadings[language]!.contains(trimmed) { overdueSection = false }
            if overdueHeadings[language]!.contains(trimmed) { overdueSection = true }
            let figures = line.matches(of: money)
            if trimmed.hasPrefix("•") {
                guard let numberRange = line.firstRange(of: try! Regex("FE-[0-9]+")),
                    let row = byNumber[String(line[numberRange])]
                else {
                    problems.append("\(names): a row without a known invoice: \(line)")
                    continue
                }
                for figure in figures where String(line[figure.range]) != row.balance[language]! {
                    problems.append("\(names): \(row.number) shows \(line[figure.range]): \(line)")
                }
                if figures.isEmpty { problems.append("\(names): \(row.number) without its balance: \(line)") }
                let days = language == "es" ? "(\(row.daysOverdue) días de mora)" : "(\(row.daysOverdue) days overdue)"
                if row.isOverdue != line.contains(days) {
                    problems.append("\(names): \(row.number) days overdue wrong: \(line)")
                }
                for other in rows.compactMap({ $0.note?[language] })
                where line.contains(other) != (row.note?[language] == other) {
                    problems.append("\(names): \(row.number) note wrong: \(line)")
                }
                if let section = overdueSection, section != row.isOverdue {
                    problems.append("\(names): \(row.number) listed under the wrong heading: \(line)")
                }
                continue
            }
            for figure in figures {
                let shown = String(line[figure.range])
                let before = String(line[..<figure.range.lowerBound])
                let labelled = labels[language]!.first { pattern, _ in before.contains(try! Regex(pattern + "\\s*$")) }
                let expected: String?
                switch labelled?.1 {
                case .overdue?: expected = overdue[language]
                case .notDue?: expected = notDue[language]
                case .total?, .stillOwed?: expected = total[language]
                case .payment?: expected = payment[language]
                case .instalment?: expected = instalment[language]
                case nil:
                    // "su factura FE-101 por $ 600.000,00": the invoice it names
                    let named = before.matches(of: try! Regex("FE-[0-9]+")).last.map { String(before[$0.range]) }
                    expected = named.flatMap { byNumber[$0]?.balance[language] }
                }
                guard let expected else {
                    problems.append("\(names): a figure without a known label: \(line)")
                    continue
                }
                if shown != expected { problems.append("\(names): \(shown) where \(expected) is meant: \(line)") }
            }
        }
        return problems
    }

    @Test(arguments: ["es", "en"])
    func everyBundledTemplateShowsTheLedgersFigures(language: String) async throws {
        try await TestHarness.run { h in
            let (_, ledger) = try await Self.ledger(h)
            #expect(ledger.invoices.map(\.number) == Self.rows.map(\.number))
            var rendered = 0
            for key in TemplateKey.allCases {
                for channel in ReminderChannel.allCases where channel.hasTemplate {
                    guard let message = try Self.render(key, language: language, channel: channel, ledger: ledger, h: h)
                    else { continue }
                    rendered += 1
                    let names = "\(key.rawValue)/\(language)/\(channel.rawValue)"
                    let problems =
                        Self.problems(in: message.subject, key: key, language: language, names: names + " subject")
                        + Self.problems(in: message.text, key: key, language: language, names: names)
                    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))\n\(message.text)")
                    guard channel != .sms, Self.firstSection(key) != nil || key == .debtSummary else { continue }
                    // every open invoice listed exactly once, the overdue total said
                    for row in Self.rows {
                        #expect(
                            message.text.components(separatedBy: "\(row.number) ").count == 2, "\(names): \(row.number)"
                        )
                    }
                    #expect(message.text.contains(Self.overdue[language]!), "\(names)")
                    if channel == .email {
                        // the HTML tables: one per list, each footed by its own rows' sum
                        let html = message.html
                        #expect(
                            !html.contains(Self.total[language]!) || key == .beforeDue || key == .debtSummary,
                            "\(names)")
                        for row in Self.rows {
                            #expect(
                                html.components(separatedBy: ">\(row.number)<").count == 2,
                                "\(names) html \(row.number)")
                            if let note = row.note?[language] {
                                #expect(html.contains(note), "\(names) html \(row.number)")
                            }
                        }
                    }
                }
            }
            #expect(rendered >= 20)
        }
    }

    /// The real thank-you and statement, as queued: the balance still owed after the payment, and a
    /// statement that lists every open invoice with its note and both totals.
    @Test func theThankYouAndTheStatementAsQueued() async throws {
        try await TestHarness.run { h in
            let (customer, _) = try await Self.ledger(h)
            let thanks = try await OutboxMessage.query(on: h.app.db).filter(\.$kind == .paymentReceived).all()
            #expect(thanks.count == 1)
            let thankYou = try #require(thanks.first)
            #expect(thankYou.bodyText.contains("Saldo pendiente total: $ 9.350.000,50."))
            #expect(thankYou.bodyText.contains("recibimos su pago de $ 400.000,00"))
            #expect(thankYou.bodyText.components(separatedBy: "Aplicado a:").count == 2)
            #expect(
                Self.problems(in: thankYou.bodyText, key: .paymentReceived, language: "es", names: "thank-you").isEmpty)

            let sent = try await h.post("/api/v1/customers/\(customer)/statement/send", [:])
            #expect(sent.status == .created || sent.status == .ok, "\(sent.json)")
            let statement = try #require(
                try await OutboxMessage.query(on: h.app.db).filter(\.$kind == .debtSummary).first())
            let problems = Self.problems(in: statement.bodyText, key: .debtSummary, language: "es", names: "statement")
            #expect(problems.isEmpty, "\(problems)\n\(statement.bodyText)")
            for expected in [
                "Total vencido: $ 7.050.000,50.", "Total por vencer: $ 2.300.000,00.",
                "Total por pagar: $ 9.350.000,50.",
                "en disputa", "con promesa de pago hasta el 25 mar 2026", "en plan de pagos",
            ] {
                #expect(statement.bodyText.contains(expected), "\(expected)\n\(statement.bodyText)")
            }
        }
    }

    /// A day's batch with an overdue invoice and one not yet due: the message, led by the overdue step,
    /// says "Total vencido" of the overdue balance only and lists the other one apart.
    @Test func aReminderRunsOverdueTotalIsTheOverdueBalanceOnly() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-03-11")
            let customer = try await h.customerWithContacts()
            // due 1 Mar (+10 on 11 Mar) and due 21 Mar (−10 on 11 Mar)
            _ = try await h.createInvoice(
                customer: customer, number: "FE-201", total: "3170588.24", issued: "2026-01-30")
            _ = try await h.createInvoice(
                customer: customer, number: "FE-202", total: "18784375.00", issued: "2026-02-19")
            try await h.runReminders()
            let queued = try await OutboxMessage.query(on: h.app.db).all()
            let reminder = try #require(queued.first { $0.kind == .overdue }, "\(queued.map(\.kind))")
            let text = reminder.bodyText
            #expect(text.contains("Total vencido: $ 3.170.588,24."), "\(text)")
            #expect(!text.contains("21.954.963,24"), "\(text)")
            let heading = try #require(text.range(of: "Próximas a vencer:"), "\(text)")
            let overdue = try #require(text.range(of: "FE-201"))
            let notDue = try #require(text.range(of: "FE-202"))
            #expect(overdue.lowerBound < heading.lowerBound && heading.lowerBound < notDue.lowerBound)
            #expect(text.contains("Total por vencer: $ 18.784.375,00."), "\(text)")
        }
    }
}
