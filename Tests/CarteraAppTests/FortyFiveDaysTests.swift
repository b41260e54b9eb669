import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// Forty-five days of a Colombian company's collections after go-live, with the clock injected: a
/// real ledger imported on day 0 (invoices up to 200 days overdue, a partial payment, an unapplied
/// credit, a bank line in review, a dispute, a payment plan), then the daily pass every day and the
/// outbox worker four times a day, inside and outside the hours the law allows. Every customer's
/// history is then checked against the rules the README states.
@Suite struct FortyFiveDaysTests {
    static let bogota = TimeZone(identifier: "America/Bogota")!
    static let goLive = "2026-10-05" // a Monday
    static let festivos = ["2026-10-12", "2026-11-02", "2026-11-16"]

    private func instant(_ day: LocalDate, utcHour: Int, minute: Int = 0) -> Date {
        ISO8601DateFormatter().date(
            from: "\(day.iso)T\(String(format: "%02d:%02d", utcHour, minute)):00Z")!
    }

    private func customerID(_ h: TestHarness, _ name: String) async throws -> String {
        let customer = try #require(
            try await Customer.query(on: h.app.db).filter(\.$legalName == name).first(), "no customer \(name)")
        return try customer.requireID().uuidString
    }

    private func invoiceID(_ h: TestHarness, _ number: String) async throws -> String {
        let invoice = try #require(
            try await Invoice.query(on: h.app.db).filter(\.$number == number).first(), "no invoice \(number)")
        return try invoice.requireID().uuidString
    }

    private func deliver(_ h: TestHarness, at moment: Date) async throws {
        h.clock.set(moment)
        _ = try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "sim")
    }

    /// The amount after "Total vencido:" on its line, as written.
    private func overdueTotal(in text: String) -> String? {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Total vencido: ") }) else {
            return nil
        }
        var amount = String(line.dropFirst("Total vencido: ".count))
        if amount.hasSuffix(".") { amount.removeLast() }
        return amount
    }

    /// Invoice numbers listed as overdue ("• Factura X — venció el …").
    private func listedOverdue(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("• Factura "), trimmed.contains(" — venció el ") else { return nil }
            return trimmed.dropFirst("• Factura ".count).split(separator: " ").first.map(String.init)
        }
    }

    @Test func fortyFiveDaysAfterGoLive() async throws {
        try await TestHarness.run { h in
            let day0 = try LocalDate(iso: Self.goLive)
            h.clock.set(instant(day0, utcHour: 12, minute: 30)) // 7:30 in Bogotá
            let settings = try await h.patch(
                "/api/v1/organisation", ["holidays": Self.festivos, "summary_frequency": "monthly"])
            try #require(settings.status == .ok, "\(settings.json)")

            // Day 0: the ledger arrives as a CSV from the old system.
            let ledger =
                ImportTests.header
                    + """
                    A,Distribuidora Andina S.A.S.,A-1,2026-02-17,2026-03-19,1200000.00,1200000.00,COP,
                    A,Distribuidora Andina S.A.S.,A-2,2026-07-07,2026-08-06,800000.00,300000.00,COP,
                    A,Distribuidora Andina S.A.S.,A-3,2026-09-20,2026-10-20,450000.00,450000.00,COP,
                    B,Comercial Caribe S.A.S.,B-1,2026-07-27,2026-08-26,600000.00,600000.00,COP,
                    C,Ferretería del Sur S.A.S.,C-1,2026-06-07,2026-07-07,950000.00,950000.00,COP,
                    D,Textiles del Valle S.A.S.,D-1,2026-08-06,2026-09-05,700000.00,700000.00,COP,
                    D,Textiles del Valle S.A.S.,D-2,2026-08-26,2026-09-25,250000.00,250000.00,COP,
                    E,Café del Quindío S.A.S.,E-1,2026-08-21,2026-09-20,900000.00,900000.00,COP,
                    F,Lácteos del Norte S.A.S.,F-1,2026-08-16,2026-09-15,500000.00,500000.00,COP,

                    """
            let imported = try await ImportFixtures.post(h, ledger, query: "kind=invoices&preset=generic&dry_run=false")
            try #require(imported.status == .created || imported.status == .ok, "\(imported.json)")
            #expect(try await h.get("/api/v1/organisation").json["collections_start"].string == Self.goLive)

            let names = [
                "Distribuidora Andina S.A.S.", "Comercial Caribe S.A.S.", "Ferretería del Sur S.A.S.",
                "Textiles del Valle S.A.S.", "Café del Quindío S.A.S.", "Lácteos del Norte S.A.S.",
            ]
            var customers: [String: String] = [:]
            for (index, name) in names.enumerated() {
                let id = try await customerID(h, name)
                customers[name] = id
                let added = try await h.post(
                    "/api/v1/customers/\(id)/contacts",
                    ["name": "Tesorería \(index + 1)", "role": "billing", "email": "tesoreria\(index + 1)@cliente.co"])
                try #require(added.status == .created, "\(added.json)")
            }
            let caribe = customers["Comercial Caribe S.A.S."]!
            let sur = customers["Ferretería del Sur S.A.S."]!
            let valle = customers["Textiles del Valle S.A.S."]!
            let quindio = customers["Café del Quindío S.A.S."]!
            let norte = customers["Lácteos del Norte S.A.S."]!

            // Caribe paid B-1 by transfer and nobody applied it yet: an unapplied credit.
            let credit = try await h.post(
                "/api/v1/payments",
                [
                    "customer_id": caribe, "received_on": "2026-10-02", "amount": "600000.00", "method": "transfer",
                    "auto_allocate": false,
                ])
            try #require(credit.status == .created, "\(credit.json)")
            // Sur's transfer for C-1 is in the bank file with tomorrow's value date: it waits in review.
            let statement = "date,amount,reference,payer_name\n2026-10-06,950000.00,PAGO C-1,Ferreteria del Sur\n"
            let upload = try await h.send(
                .POST, "/api/v1/bank-statements?format=csv", rawBody: statement, headers: ["Content-Type": "text/csv"])
            try #require(upload.json["review"].int == 1, "\(upload.json)")
            // Valle disputes D-1; Quindío agreed a plan for E-1.
            let dispute = try await h.post(
                "/api/v1/invoices/\(try await invoiceID(h, "D-1"))/disputes", ["reason": "Llegaron 20 rollos de menos"])
            try #require(dispute.status == .created, "\(dispute.json)")
            let plan = try await h.post(
                "/api/v1/customers/\(quindio)/payment-plans",
                ["invoice_ids": [try await invoiceID(h, "E-1")], "instalments": 3, "first_due_on": "2026-10-15"])
            try #require(plan.status == .created, "\(plan.json)")
            // Anything queued by the set-up (a thank-you for the credit) is not a reminder.
            let before = Set(try await OutboxMessage.query(on: h.app.db).all().compactMap(\.id))

            var checkedTotals = 0
            for offset in 0..<45 {
                let day = day0.addingClamped(days: offset)
                // Each working morning the treasurer loads yesterday's bank file (only the bank's fee).
                if offset > 0, day.weekday <= 5, !Self.festivos.contains(day.iso) {
                    h.clock.set(instant(day, utcHour: 12, minute: 30))
                    let fee =
                        "date,amount,reference,payer_name\n\(day.addingClamped(days: -1).iso),-9500.00,COMISION \(offset),Banco\n"
                    let loaded = try await h.send(
                        .POST, "/api/v1/bank-statements?format=csv", rawBody: fee, headers: ["Content-Type": "text/csv"]
                    )
                    try #require(loaded.status == .created, "\(loaded.json)")
                }
                h.clock.set(instant(day, utcHour: 13)) // 8:00 in Bogotá, the reminder hour
                try await h.runReminders()
                // Every overdue total written today is the ledger's for the invoices it lists.
                let queued = try await OutboxMessage.query(on: h.app.db).filter(\.$scheduledOn == day.iso).all()
                let balances = Dictionary(
                    try await Invoice.query(on: h.app.db).all().map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a }
                )
                for message in queued where !before.contains(message.id!) {
                    guard let written = overdueTotal(in: message.bodyText) else { continue }
                    let listed = listedOverdue(in: message.bodyText)
                    #expect(!listed.isEmpty, "a total with no invoice listed: \(message.bodyText)")
                    var sum: Int64 = 0
                    for number in listed {
                        let invoice = try #require(balances[number])
                        #expect(try invoice.due < day, "\(number) is listed as overdue on \(day.iso)")
                        sum += invoice.balanceMinor
                    }
                    let expected = Money(minorUnits: sum, currency: .cop).formatted(locale: .esCO)
                    #expect(written == expected, "\(day.iso): wrote \(written), ledger \(expected)")
                    checkedTotals += 1
                }
                if offset == 5 { // Saturday 10 October, 10:00: Norte pays part of F-1
                    h.clock.set(instant(day, utcHour: 15))
                    let paid = try await h.post(
                        "/api/v1/payments",
                        [
                            "customer_id": norte, "received_on": day.iso, "amount": "200000.00",
                            "method": "transfer",
                        ])
                    try #require(paid.status == .created, "\(paid.json)")
                }
                // The worker at 8:00, 11:00, 18:30 and 20:00 (the last is outside every window).
                try await deliver(h, at: instant(day, utcHour: 13))
                try await deliver(h, at: instant(day, utcHour: 16))
                try await deliver(h, at: instant(day, utcHour: 23, minute: 30))
                try await deliver(h, at: instant(day.addingClamped(days: 1), utcHour: 1))
            }
            #expect(checkedTotals > 0)

            let rules = ContactRules.rules(for: .colombia)
            let holidays = Set(try Self.festivos.map { try LocalDate(iso: $0) })
            let sent = try await OutboxMessage.query(on: h.app.db).filter(\.$sentAt != nil).all()
                .filter { !before.contains($0.id!) }
            #expect(sent.count > 10, "the simulation sent \(sent.count)")
            // Nothing outside the hours the law allows, nor on a Sunday or festivo.
            for message in sent {
                let at = try #require(message.sentAt)
                #expect(
                    rules.allows(at, in: Self.bogota, holidays: holidays),
                    "\(message.subject) sent at \(at) (\(LocalDate.today(at: at, in: Self.bogota).iso))")
            }
            // At most one message a day per customer, and the weekly limits.
            let byCustomer = Dictionary(grouping: sent, by: { $0.$customer.id })
            for (customer, messages) in byCustomer {
                let days = messages.map { LocalDate.today(at: $0.sentAt!, in: Self.bogota) }
                let perDay = Dictionary(grouping: days, by: { $0 })
                for (day, list) in perDay {
                    #expect(list.count <= (rules.maxPerDay ?? .max), "\(customer) got \(list.count) on \(day.iso)")
                }
                let weeks = Dictionary(
                    grouping: zip(days, messages), by: { $0.0.addingClamped(days: 1 - $0.0.weekday) })
                for (monday, list) in weeks {
                    if let limit = rules.maxPerWeek { #expect(list.count <= limit, "week of \(monday.iso)") }
                    if let limit = rules.maxChannelsPerWeek {
                        #expect(Set(list.map(\.1.channel)).count <= limit, "channels in the week of \(monday.iso)")
                    }
                }
            }

            // The first reminder each overdue customer got is a first notice; later steps count from it.
            let deliveries = try await ReminderDelivery.query(on: h.app.db).sort(\.$runOn).all()
            let invoices = try await Invoice.query(on: h.app.db).all()
            let customerOf = Dictionary(
                uniqueKeysWithValues: try invoices.map { (try $0.requireID(), $0.$customer.id) })
            let firstOverdueOffset = CollectionPolicy.standard.steps.first { $0.offsetDays > 0 }!.offsetDays
            let offsets = Dictionary(
                uniqueKeysWithValues: CollectionPolicy.standard.steps.map { ($0.key, $0.offsetDays) })
            let overdueAtGoLive = Set(try invoices.filter { try $0.due < day0 }.map { try $0.requireID() })
            var firstContact: [UUID: LocalDate] = [:]
            var customersContacted: Set<UUID> = []
            for delivery in deliveries {
                let day = try LocalDate(iso: delivery.runOn)
                let invoice = delivery.$invoice.id
                let customer = try #require(customerOf[invoice])
                if customersContacted.insert(customer).inserted {
                    #expect(delivery.stepKey == "first_notice", "a customer's first reminder: \(delivery.stepKey)")
                }
                guard let first = firstContact[invoice] else {
                    firstContact[invoice] = day
                    if overdueAtGoLive.contains(invoice) {
                        #expect(delivery.stepKey == "first_notice", "first step of an old invoice: \(delivery.stepKey)")
                    }
                    continue
                }
                if let offset = offsets[delivery.stepKey], offset > firstOverdueOffset {
                    let earliest = first.addingClamped(days: offset - firstOverdueOffset)
                    #expect(day >= earliest, "\(delivery.stepKey) on \(day.iso), before \(earliest.iso)")
                }
            }
            // No letter or final notice before the policy's own step, counted from the first contact.
            #expect(deliveries.contains { $0.stepKey == "final_45" }, "the simulation reaches a final notice")
            #expect(Set(firstContact.keys.compactMap { customerOf[$0] }).count >= 3)
            // The unapplied credit and the line in review held those customers: no reminder, a task.
            for held in [caribe, sur] {
                let id = UUID(uuidString: held)!
                #expect(!deliveries.contains { customerOf[$0.$invoice.id] == id }, "\(held) was reminded")
                let tasks = try await CollectionTask.query(on: h.app.db).filter(\.$customer.$id == id)
                    .filter(\.$dedupeKey =~ "safety_hold:").count()
                #expect(tasks >= 1, "a task to look at \(held)")
            }
            // The disputed invoice was never chased; its neighbour was.
            let d1 = UUID(uuidString: try await invoiceID(h, "D-1"))!
            #expect(!deliveries.contains { $0.$invoice.id == d1 })
            #expect(deliveries.contains { customerOf[$0.$invoice.id] == UUID(uuidString: valle)! })
            // The payment on day 5 got exactly one thank-you.
            let thanks = try await OutboxMessage.query(on: h.app.db).filter(\.$kind == .paymentReceived)
                .filter(\.$customer.$id == UUID(uuidString: norte)!).filter(\.$status != .cancelled).all()
            #expect(thanks.count == 1, "\(thanks.map(\.subject))")
            #expect(thanks.first?.bodyText.contains("$ 200.000,00") == true)
        }
    }
}
