import CarteraCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CarteraApp

/// A seeded random walk of what people and the daily pass do to an organisation's ledger, through the
/// HTTP API: customers, invoices in several currencies, payments, reversals, credit notes, write-offs,
/// voids, disputes, promises, plans, holds, tasks and the passing of days. An operation may be refused
/// (4xx: the walk picks targets from a cache that can be stale, and asks for odd things on purpose);
/// a 5xx is a bug and is recorded as a test issue with the request that caused it.
struct RandomLedgerOperations {
    enum Kind: String, CaseIterable, Sendable {
        case createCustomer, createInvoice, issueDraft, payAutomatically, payNamedInvoices, payUnapplied
        case applyCredit, reversePayment, creditNote, writeOff, voidInvoice, openDispute, resolveDispute
        case promiseFromCall, promise, callWithoutPromise, createPlan, cancelPlan, holdOn, holdOff
        case creditHoldOn, creditHoldOff, createTask, completeTask, rescheduleTask, assign, readWorklist
        case dayChange

        /// How often each is picked, out of the sum of all weights.
        var weight: Int {
            switch self {
            case .createCustomer: 6
            case .createInvoice: 170
            case .issueDraft: 10
            case .payAutomatically: 85
            case .payNamedInvoices: 80
            case .payUnapplied: 20
            case .applyCredit: 25
            case .reversePayment: 25
            case .creditNote: 35
            case .writeOff: 15
            case .voidInvoice: 20
            case .openDispute: 35
            case .resolveDispute: 30
            case .promiseFromCall: 40
            case .promise: 20
            case .callWithoutPromise: 25
            case .createPlan: 25
            case .cancelPlan: 10
            case .holdOn: 25
            case .holdOff: 20
            case .creditHoldOn: 8
            case .creditHoldOff: 8
            case .createTask: 25
            case .completeTask: 25
            case .rescheduleTask: 10
            case .assign: 10
            case .readWorklist: 10
            case .dayChange: 20
            }
        }
    }

    struct CustomerFacts {
        let id: String
        let currency: String
    }

    struct InvoiceFacts {
        let id: UUID
        let customer: UUID
        let currency: String
        let status: String
        let balance: Int64
    }

    /// Customers the walk grows to; a few dozen, as the issue asks.
    static let customerLimit = 36
    /// The invoice currencies: the organisation's COP, USD and EUR with reference rates, CLP (no
    /// decimals) without one.
    static let currencies = ["COP", "USD", "EUR", "CLP"]
    /// How many operations between re-reads of what is open (the targets the walk picks from).
    static let refreshEvery = 10

    let h: TestHarness
    private var rng: SeededGenerator
    private var collectors: [String] = []
    private var customers: [CustomerFacts] = []
    private var serial = 0
    private var sinceRefresh = Int.max

    // What is open, as last read from the database.
    private var invoices: [InvoiceFacts] = []
    private var payments: [(id: UUID, unapplied: Int64)] = []
    private var creditNotes: [UUID] = []
    private var disputes: [UUID] = []
    private var plans: [UUID] = []
    private var tasks: [UUID] = []
    private var manualHolds: [UUID] = []

    private(set) var tried: [Kind: Int] = [:]
    private(set) var refused: [Kind: Int] = [:]
    private(set) var requests = 0
    private(set) var serverErrors: [String] = []
    private(set) var days = 0
    /// Why operations were refused, per kind: the API's error code and how often.
    private(set) var refusals: [Kind: [String: Int]] = [:]
    /// Time spent in requests and in the daily passes.
    private(set) var requestTime = Duration.zero
    private(set) var dailyPassTime = Duration.zero
    private(set) var timeByKind: [Kind: Duration] = [:]
    private var log: [String] = []

    init(_ h: TestHarness, seed: UInt64) {
        self.h = h
        rng = SeededGenerator(seed: seed)
    }

    var today: LocalDate { h.today }

    /// The last operations, newest last, for a failure message.
    var logTail: String { log.suffix(30).joined(separator: "\n") }

    /// Collectors to assign accounts to, and the organisation's reference rates.
    mutating func prepare() async throws {
        for name in ["Ana Cobros", "Luis Cartera"] {
            let user = try await UserService.create(
                .init(
                    email: "\(name.split(separator: " ")[0].lowercased())@ferreteria.co", name: name,
                    password: "contraseña-segura", role: "collector", language: "es"),
                organisationID: h.organisationID, passwordCost: 4, on: h.app.db)
            collectors.append(try #require(user.id).uuidString)
        }
        let rates = try await h.patch("/api/v1/organisation", ["reference_rates": "USD=4100,EUR=4450.5"])
        try #require(rates.status == .ok, "\(rates.json)")
        for _ in 0..<8 { try await run(.createCustomer) }
    }

    /// One operation, picked by weight; one with nothing to act on gives way to another.
    mutating func step() async throws {
        if sinceRefresh >= Self.refreshEvery { try await refresh() }
        sinceRefresh += 1
        for _ in 0..<20 {
            if try await perform(pick()) { return }
        }
        try await run(.createInvoice)
    }

    private mutating func pick() -> Kind {
        let kinds = Kind.allCases.filter { $0 != .createCustomer || customers.count < Self.customerLimit }
        var roll = Int.random(in: 0..<kinds.reduce(0) { $0 + $1.weight }, using: &rng)
        for kind in kinds {
            if roll < kind.weight { return kind }
            roll -= kind.weight
        }
        return .createInvoice
    }

    private mutating func run(_ kind: Kind) async throws {
        _ = try await perform(kind)
    }

    /// False when there was nothing to do it to (no open invoice, no dispute…): nothing was sent.
    private mutating func perform(_ kind: Kind) async throws -> Bool {
        let today = today
        serial += 1
        let n = serial
        switch kind {
        case .createCustomer:
            let currency = chance(0.7) ? "COP" : "USD"
            var body: [String: Any] = [
                "legal_name": "Cliente \(customers.count + 1) S.A.S.", "tax_id": "900\(100_000 + n)-1",
                "tax_id_kind": "other",
                "payment_terms": ["net30", "net15", "net60", "2/10 net30", "eom30"].randomElement(using: &rng)
                    ?? "net30",
                "currency": currency,
            ]
            if chance(0.6), let collector = collectors.randomElement(using: &rng) {
                body["assigned_user_id"] = collector
            }
            let reply = try await send(kind, .POST, "/api/v1/customers", body)
            guard reply.status == .created, let id = reply.json["id"].string else { return true }
            customers.append(CustomerFacts(id: id, currency: currency))
            if chance(0.7) {
                _ = try await send(
                    kind, .POST, "/api/v1/customers/\(id)/contacts",
                    ["name": "Tesorería \(customers.count)", "role": "billing", "email": "tesoreria\(n)@cliente.co"])
            }
        case .createInvoice:
            guard let customer = customers.randomElement(using: &rng) else { return false }
            let currency = chance(0.75) ? customer.currency : Self.currencies.randomElement(using: &rng) ?? "COP"
            let issued = today.addingClamped(days: -Int.random(in: 0...150, using: &rng))
            var body: [String: Any] = [
                "customer_id": customer.id, "number": "F-\(n)", "issue_date": issued.iso, "currency": currency,
                "total": amount(invoiceMinor(currency), currency),
            ]
            if chance(0.5) { body["due_date"] = issued.addingClamped(days: Int.random(in: 0...75, using: &rng)).iso }
            if chance(0.05) { body["status"] = "draft" }
            let reply = try await send(kind, .POST, "/api/v1/invoices", body)
            if reply.status == .created, let id = reply.json["id"].string.flatMap(UUID.init(uuidString:)),
                let owner = UUID(uuidString: customer.id)
            {
                invoices.append(
                    InvoiceFacts(
                        id: id, customer: owner, currency: currency, status: reply.json["status"].string ?? "open",
                        balance: 0))
            }
        case .issueDraft:
            guard let invoice = invoices.filter({ $0.status == "draft" }).randomElement(using: &rng) else {
                return false
            }
            try await send(kind, .POST, "/api/v1/invoices/\(invoice.id)/issue", [:])
        case .payAutomatically, .payUnapplied:
            guard let invoice = owedInvoice() else { return false }
            var body = paymentBody(invoice.customer, currency: invoice.currency, minor: paymentMinor(invoice), today)
            if kind == .payUnapplied { body["auto_allocate"] = false }
            try await send(kind, .POST, "/api/v1/payments", body)
        case .payNamedInvoices:
            guard let first = owedInvoice() else { return false }
            let others = invoices.filter {
                $0.customer == first.customer && $0.currency == first.currency && $0.id != first.id && $0.balance > 0
            }
            var named = [first]
            if chance(0.4), let second = others.randomElement(using: &rng) { named.append(second) }
            let parts = named.map { (invoice: $0, minor: paymentMinor($0)) }
            var body = paymentBody(
                first.customer, currency: first.currency,
                minor: parts.reduce(0) { $0 + $1.minor } + (chance(0.2) ? invoiceMinor(first.currency) / 10 : 0), today)
            body["allocations"] = parts.map {
                ["invoice_id": $0.invoice.id.uuidString, "amount": amount($0.minor, first.currency)]
            }
            try await send(kind, .POST, "/api/v1/payments", body)
        case .applyCredit:
            if chance(0.5), let note = creditNotes.randomElement(using: &rng) {
                try await send(kind, .POST, "/api/v1/credit-notes/\(note)/allocations", [:])
            } else {
                guard let payment = payments.filter({ $0.unapplied > 0 }).randomElement(using: &rng) else {
                    return false
                }
                try await send(kind, .POST, "/api/v1/payments/\(payment.id)/allocations", [:])
            }
        case .reversePayment:
            guard let payment = payments.randomElement(using: &rng) else { return false }
            try await send(kind, .POST, "/api/v1/payments/\(payment.id)/reverse", ["reason": "Cheque devuelto"])
        case .creditNote:
            guard let invoice = owedInvoice() else { return false }
            var body: [String: Any] = [
                "customer_id": invoice.customer.uuidString, "number": "NC-\(n)", "currency": invoice.currency,
                "amount": amount(max(1, paymentMinor(invoice) / 2), invoice.currency), "reason": "Descuento comercial",
            ]
            if chance(0.7) { body["invoice_id"] = invoice.id.uuidString }
            try await send(kind, .POST, "/api/v1/credit-notes", body)
        case .writeOff:
            guard let invoice = owedInvoice() else { return false }
            try await send(kind, .POST, "/api/v1/invoices/\(invoice.id)/write-off", ["reason": "Incobrable"])
        case .voidInvoice:
            guard let invoice = owedInvoice() ?? invoices.randomElement(using: &rng) else { return false }
            try await send(kind, .POST, "/api/v1/invoices/\(invoice.id)/void", ["reason": "Emitida por error"])
        case .openDispute:
            guard let invoice = owedInvoice() else { return false }
            var body: [String: Any] = ["reason": "Mercancía incompleta"]
            if chance(0.4) { body["amount"] = amount(max(1, invoice.balance / 3), invoice.currency) }
            try await send(kind, .POST, "/api/v1/invoices/\(invoice.id)/disputes", body)
        case .resolveDispute:
            guard let dispute = disputes.randomElement(using: &rng) else { return false }
            let resolution = ["credit_note", "corrected", "rejected"].randomElement(using: &rng) ?? "rejected"
            var body: [String: Any] = ["resolution": resolution]
            if resolution == "credit_note" { body["credit_note_number"] = "NCD-\(n)" }
            try await send(kind, .POST, "/api/v1/disputes/\(dispute)/resolve", body)
        case .promiseFromCall, .promise:
            guard let invoice = owedInvoice() else { return false }
            var named = [invoice]
            for other in invoices
            where other.customer == invoice.customer && other.currency == invoice.currency && other.id != invoice.id
                && other.balance > 0
            {
                if chance(0.3) { named.append(other) }
            }
            let promisedOn = today.addingClamped(days: Int.random(in: 0...10, using: &rng)).iso
            let promised = amount(max(1, named.reduce(0) { $0 + $1.balance } / (chance(0.7) ? 1 : 2)), invoice.currency)
            let ids = named.map(\.id.uuidString)
            if kind == .promise {
                try await send(
                    kind, .POST, "/api/v1/customers/\(invoice.customer)/promises",
                    ["promised_on": promisedOn, "amount": promised, "currency": invoice.currency, "invoice_ids": ids])
            } else {
                try await send(
                    kind, .POST, "/api/v1/customers/\(invoice.customer)/calls",
                    [
                        "outcome": "promise", "promised_on": promisedOn, "promise_amount": promised,
                        "currency": invoice.currency, "invoice_ids": ids, "note": "Paga el viernes",
                    ])
            }
        case .callWithoutPromise:
            guard let customer = customers.randomElement(using: &rng) else { return false }
            let outcome =
                ["reached", "no_answer", "wrong_number", "refused", "dispute"].randomElement(using: &rng) ?? "reached"
            var body: [String: Any] = ["outcome": outcome, "note": "Llamada"]
            if chance(0.5) { body["follow_up_on"] = today.addingClamped(days: Int.random(in: 1...7, using: &rng)).iso }
            if outcome == "dispute" {
                guard
                    let invoice = invoices.filter({ $0.customer.uuidString == customer.id }).randomElement(using: &rng)
                else { return false }
                body["invoice_id"] = invoice.id.uuidString
                body["dispute_reason"] = "No recibió la mercancía"
            }
            try await send(kind, .POST, "/api/v1/customers/\(customer.id)/calls", body)
        case .createPlan:
            guard let invoice = owedInvoice() else { return false }
            var body: [String: Any] = [
                "invoice_ids": [invoice.id.uuidString], "instalments": Int.random(in: 2...6, using: &rng),
                "first_due_on": today.addingClamped(days: Int.random(in: 0...20, using: &rng)).iso,
                "note": "Plan \(100_000 + n)",
            ]
            if chance(0.3) { body["every_days"] = Int.random(in: 7...30, using: &rng) }
            try await send(kind, .POST, "/api/v1/customers/\(invoice.customer)/payment-plans", body)
        case .cancelPlan:
            guard let plan = plans.randomElement(using: &rng) else { return false }
            try await send(kind, .POST, "/api/v1/payment-plans/\(plan)/cancel", ["reason": "Renegociado"])
        case .holdOn:
            guard let invoice = owedInvoice() else { return false }
            let until = today.addingClamped(days: Int.random(in: 0...15, using: &rng)).iso
            let body: [String: Any] = ["reason": "Cliente en conversación", "until": until]
            try await send(kind, .POST, "/api/v1/invoices/\(invoice.id)/hold", body)
        case .holdOff:
            guard let invoice = manualHolds.randomElement(using: &rng) ?? owedInvoice()?.id else { return false }
            try await send(kind, .POST, "/api/v1/invoices/\(invoice)/hold/release", [:])
        case .creditHoldOn, .creditHoldOff:
            guard let customer = customers.randomElement(using: &rng) else { return false }
            let path = kind == .creditHoldOn ? "credit-hold" : "credit-hold/release"
            try await send(kind, .POST, "/api/v1/customers/\(customer.id)/\(path)", ["reason": "Revisión de cupo"])
        case .createTask:
            guard let customer = customers.randomElement(using: &rng) else { return false }
            try await send(
                kind, .POST, "/api/v1/tasks",
                [
                    "customer_id": customer.id,
                    "kind": ["call", "letter", "follow_up"].randomElement(using: &rng) ?? "call",
                    "due_on": today.addingClamped(days: Int.random(in: 0...5, using: &rng)).iso,
                    "note": "Llamar a tesorería (\(100_000 + n))",
                ])
        case .completeTask:
            guard let task = tasks.randomElement(using: &rng) else { return false }
            if chance(0.2) {
                var chosen = [task]
                for other in tasks where other != task && chance(0.2) { chosen.append(other) }
                try await send(kind, .POST, "/api/v1/tasks/complete", ["task_ids": chosen.map(\.uuidString)])
            } else {
                try await send(kind, .POST, "/api/v1/tasks/\(task)/complete", [:])
            }
        case .rescheduleTask:
            guard let task = tasks.randomElement(using: &rng) else { return false }
            try await send(
                kind, .POST, "/api/v1/tasks/\(task)/reschedule",
                ["due_on": today.addingClamped(days: Int.random(in: 0...6, using: &rng)).iso])
        case .assign:
            guard let customer = customers.randomElement(using: &rng) else { return false }
            try await send(
                kind, .POST, "/api/v1/customers/\(customer.id)/assign",
                ["user_id": chance(0.2) ? NSNull() as Any : collectors.randomElement(using: &rng) ?? NSNull()])
        case .readWorklist:
            try await send(kind, .GET, "/api/v1/worklist?scope=all", nil)
        case .dayChange:
            try await changeDay(by: Int.random(in: 1...10, using: &rng))
        }
        return true
    }

    /// Time passes as on a server: the scheduler's first tick of the new day (summaries, the daily pass,
    /// digests, the outbox), as after a weekend or the server being down; one time in four, a tick on
    /// each day in between. (Every day each time would make the daily passes most of the test's time.)
    private mutating func changeDay(by count: Int) async throws {
        tried[.dayChange, default: 0] += 1
        let everyDay = chance(0.25)
        for day in 1...count {
            h.clock.advance(days: 1)
            days += 1
            guard everyDay || day == count else { continue }
            let started = ContinuousClock.now
            defer { dailyPassTime += ContinuousClock.now - started }
            do {
                try await BackgroundJobs.refreshSummaries(app: h.app)
                _ = try await BackgroundJobs.runReminders(app: h.app)
                _ = try await BackgroundJobs.sendStaffDigests(app: h.app)
                _ = try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "property")
            } catch {
                let text = "daily pass on \(today.iso) failed: \(String(reflecting: error))"
                serverErrors.append(text)
                Issue.record("\(text)\n\(logTail)")
            }
        }
        note("\(Kind.dayChange.rawValue) +\(count) → \(today.iso)\(everyDay ? "" : " (one pass)")")
        sinceRefresh = Int.max
    }

    @discardableResult
    private mutating func send(_ kind: Kind, _ method: HTTPMethod, _ path: String, _ body: [String: Any]?)
        async throws -> TestHarness.Reply
    {
        tried[kind, default: 0] += 1
        requests += 1
        let started = ContinuousClock.now
        let reply = try await h.send(method, path, json: body)
        requestTime += ContinuousClock.now - started
        timeByKind[kind, default: .zero] += ContinuousClock.now - started
        let bodyText =
            body.flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) }
            .flatMap { String(data: $0, encoding: .utf8) } ?? ""
        note("\(kind.rawValue) \(method) \(path) \(bodyText) → \(reply.status.code)")
        if reply.status.code >= 500 {
            let text = "\(method) \(path) \(bodyText) answered \(reply.status.code): \(reply.json)"
            serverErrors.append(text)
            Issue.record("\(text)\n\(logTail)")
        } else if reply.status.code >= 400 {
            refused[kind, default: 0] += 1
            refusals[kind, default: [:]][reply.json["error"]["code"].string ?? "\(reply.status.code)", default: 0] += 1
        }
        return reply
    }

    private mutating func note(_ line: String) {
        log.append("#\(serial) \(today.iso) \(line)")
        if log.count > 200 { log.removeFirst(100) }
    }

    // MARK: - Targets

    /// What is open now, read straight from the tables (cheaper than asking the API), in an order of
    /// what the walk wrote (numbers, references, notes), not of random ids, so a seed replays its walk.
    private mutating func refresh() async throws {
        sinceRefresh = 0
        let sql = try h.app.db.sql
        let org = h.organisationID
        struct InvoiceRow: Decodable {
            let id: UUID
            let customer_id: UUID
            let currency: String
            let status: String
            let balance_minor: Int64
        }
        invoices = try await sql.raw(
            """
            SELECT id, customer_id, currency, status, balance_minor FROM invoices
            WHERE organisation_id = \(bind: org) AND (status = 'draft' OR status IN (\(SQLOwed.list))) ORDER BY number
            """
        ).all(decoding: InvoiceRow.self).map {
            InvoiceFacts(
                id: $0.id, customer: $0.customer_id, currency: $0.currency, status: $0.status, balance: $0.balance_minor
            )
        }
        struct PaymentRow: Decodable {
            let id: UUID
            let unapplied: Int64
        }
        payments = try await sql.raw(
            """
            SELECT id, amount_minor - allocated_minor AS unapplied FROM payments
            WHERE organisation_id = \(bind: org) AND reversed_on IS NULL ORDER BY received_on DESC, reference LIMIT 200
            """
        ).all(decoding: PaymentRow.self).map { ($0.id, $0.unapplied) }
        creditNotes = try await ids(
            "SELECT id FROM credit_notes WHERE organisation_id = \(bind: org) AND allocated_minor < amount_minor ORDER BY number LIMIT 100"
        )
        disputes = try await ids(
            """
            SELECT d.id FROM disputes d JOIN invoices i ON i.id = d.invoice_id
            WHERE d.organisation_id = \(bind: org) AND d.status = 'open' ORDER BY i.number, d.opened_on
            """)
        plans = try await ids(
            "SELECT id FROM payment_plans WHERE organisation_id = \(bind: org) AND status = 'active' ORDER BY note")
        tasks = try await ids(
            """
            SELECT t.id FROM collection_tasks t JOIN customers c ON c.id = t.customer_id
            WHERE t.organisation_id = \(bind: org) AND t.status = 'open' ORDER BY t.due_on, c.legal_name, t.kind, t.title
            LIMIT 200
            """)
        manualHolds = try await ids(
            """
            SELECT h.invoice_id AS id FROM dunning_holds h JOIN invoices i ON i.id = h.invoice_id
            WHERE h.organisation_id = \(bind: org) AND h.reason = 'manual' AND h.released_at IS NULL ORDER BY i.number
            """)
    }

    private func ids(_ query: SQLQueryString) async throws -> [UUID] {
        struct Row: Decodable { let id: UUID }
        return try await h.app.db.sql.raw(query).all(decoding: Row.self).map(\.id)
    }

    private mutating func owedInvoice() -> InvoiceFacts? {
        invoices.filter { $0.status != "draft" && $0.balance > 0 }.randomElement(using: &rng)
    }

    // MARK: - Amounts

    private mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < probability }

    /// An invoice total in minor units, of a size usual for the currency.
    private mutating func invoiceMinor(_ currency: String) -> Int64 {
        switch currency {
        case "COP": Int64.random(in: 5_000_000...500_000_000, using: &rng)
        case "CLP": Int64.random(in: 10_000...2_000_000, using: &rng)
        default: Int64.random(in: 1_000...500_000, using: &rng)
        }
    }

    /// All of what is owed, part of it, or more (the rest stays as credit).
    private mutating func paymentMinor(_ invoice: InvoiceFacts) -> Int64 {
        let roll = Double.random(in: 0..<1, using: &rng)
        if roll < 0.5 || invoice.balance < 2 { return max(1, invoice.balance) }
        if roll < 0.9 { return Int64.random(in: 1..<invoice.balance, using: &rng) }
        return invoice.balance + invoice.balance / 5
    }

    private mutating func paymentBody(_ customer: UUID, currency: String, minor: Int64, _ today: LocalDate)
        -> [String: Any]
    {
        var body: [String: Any] = [
            "customer_id": customer.uuidString, "amount": amount(minor, currency), "currency": currency,
            "method": "transfer", "reference": "P-\(100_000 + serial)",
        ]
        if chance(0.3) { body["received_on"] = today.addingClamped(days: -Int.random(in: 0...5, using: &rng)).iso }
        return body
    }

    /// Minor units written as the API reads them ("1234.05", or "1234" for CLP).
    private func amount(_ minor: Int64, _ currency: String) -> String {
        if currency == "CLP" { return String(minor) }
        let cents = minor % 100
        return "\(minor / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
