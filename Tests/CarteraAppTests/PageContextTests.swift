import CarteraCore
import Foundation
import Testing

@testable import CarteraApp

/// Page contexts are built from a hand-made data value, without a database or a request: what a
/// page says is checked where it is worded.
@Suite struct PageContextTests {
    let organisation = Organisation(
        name: "Empresa S.A.S.", defaultCurrency: "COP", locale: "es-CO", timeZone: "America/Bogota")
    let today = try! LocalDate(iso: "2026-04-01")

    func format(_ language: String = "es") throws -> PageFormat {
        PageFormat(organisation: organisation, localizer: try Localizer.loadBundled(), language: language)
    }

    func customer() -> Customer {
        let customer = Customer()
        customer.id = UUID()
        customer.legalName = "Ferretería El Progreso S.A.S."
        customer.taxID = "900123456-7"
        customer.paymentTerms = "net30"
        customer.currency = "COP"
        customer.language = "es"
        customer.notes = ""
        customer.tags = ["ferretería", "bogotá"]
        customer.doNotContact = false
        customer.creditLimitMinor = 50_000_000
        return customer
    }

    func invoice(of customer: Customer, number: String, due: String, balanceMinor: Int64) -> Invoice {
        let invoice = Invoice()
        invoice.id = UUID()
        invoice.$customer.id = customer.id!
        invoice.number = number
        invoice.issueDate = "2026-02-16"
        invoice.dueDate = due
        invoice.currency = "COP"
        invoice.totalMinor = 90_000_000
        invoice.balanceMinor = balanceMinor
        return invoice
    }

    func promise(of customer: Customer) -> PaymentPromise {
        let promise = PaymentPromise()
        promise.$customer.id = customer.id!
        promise.promisedOn = "2026-04-10"
        promise.currency = "COP"
        promise.amountMinor = 25_000_000
        promise.status = .active
        promise.note = ""
        return promise
    }

    func customerData() throws -> CustomerPageData {
        let customer = customer()
        let open = [invoice(of: customer, number: "FE-2001", due: "2026-03-18", balanceMinor: 90_000_000)]
        return CustomerPageData(
            customer: customer, users: [], contacts: [], consents: [:],
            contactRules: CustomerContactRules(customer: customer, organisation: organisation, around: today),
            open: open, holds: [],
            balances: try CustomerPageData.balances(open: open, unapplied: ["COP": 10_000_000], fees: [:], asOf: today),
            credit: try CreditService.assess(customer, open: open, organisation: organisation, today: today),
            risk: RiskQuery.noHistory, promises: [promise(of: customer)], plans: [], disputes: [], tasks: [],
            payments: [], timeline: [],
            today: today, creditHoldDaysOverdue: 60)
    }

    @Test func customerPageSaysAmountsDatesAndStatesInWords() throws {
        // given a customer owing $ 900.000 since 18 March, over a limit of $ 500.000, with $ 100.000 unapplied
        let data = try customerData()

        // when
        let page = try CustomerPageContext(
            data: data, format: try format(), links: CustomerPageLinks(try data.customer.requireID()))

        // then amounts are in Colombian format, dates in words, states in Spanish
        let row = try #require(page.invoices.first)
        #expect(row.balance == "$ 900.000,00")
        #expect(row.due == "18 mar 2026")
        #expect(page.customer.language == "español")
        #expect(row.days == 14)
        #expect(row.bucket == "days_1_30")
        let balance = try #require(page.balances.first)
        #expect(balance.open == "$ 900.000,00")
        #expect(balance.credit == "$ 100.000,00")
        #expect(balance.net == "$ 800.000,00")
        #expect(balance.buckets.map(\.label).contains("1–30"))
        #expect(page.credit.onHold)
        #expect(page.credit.limit == "$ 500.000,00")
        #expect(page.credit.reasons.contains { $0.contains("supera el cupo $ 500.000,00") })
        #expect(page.customer.assignedTo == "Sin asignar")
        let promise = try #require(page.promises.first)
        #expect(promise.amount == "$ 250.000,00")
        #expect(promise.date == "10 abr 2026")
        #expect(promise.statusLabel != "active" && !promise.statusLabel.hasPrefix("promise."))
        #expect(page.riskLabel != page.risk && !page.riskLabel.hasPrefix("risk."))
    }

    @Test func customerPageInEnglishUsesUSAmounts() throws {
        let data = try customerData()
        let page = try CustomerPageContext(
            data: data, format: try format("en"), links: CustomerPageLinks(try data.customer.requireID()))
        #expect(page.invoices.first?.balance == "$900,000.00")
        #expect(page.customer.assignedTo != "customer.unassigned")
    }

    @Test func dashboardSaysFiguresInWords() throws {
        // given $ 900.000 owed 14 days late and one dispute open for 10 days
        let currency = try Currency(code: "COP")
        var aging = AgingReport(asOf: today, currency: currency)
        try aging.add(
            balance: Money(minorUnits: 90_000_000, currency: currency), dueDate: try LocalDate(iso: "2026-03-18"))
        let debtor = customer()
        let data = DashboardPageData(
            currencies: [.init(aging: aging, invoiceCount: 1, collectedThisMonth: .zero(currency), dso: 45)],
            debtors: [.init(customer: debtor, balances: [try aging.total], rank: 1)], risks: [:],
            promisesToday: [(promise(of: debtor), debtor)], disputeAges: [("0_7", 0), ("8_30", 1), ("31_plus", 0)],
            tasksDue: 2, today: today)

        // when
        let page = try DashboardPage.Context(data: data, format: try format())

        // then
        #expect(page.today == "1 abr 2026")
        let figures = try #require(page.currencies.first)
        #expect(figures.receivable == "$ 900.000,00")
        #expect(figures.overdue == "$ 900.000,00")
        #expect(figures.overdueShare == 100)
        #expect(figures.dso == "45")
        #expect(page.debtors.first?.balance == "$ 900.000,00")
        #expect(page.debtors.first.map { !$0.riskLabel.hasPrefix("risk.") && $0.riskLabel != $0.risk } == true)
        #expect(page.promisesToday.first?.amount == "$ 250.000,00")
        #expect(page.openDisputes == 1)
        #expect(page.disputeAges.allSatisfy { !$0.label.hasPrefix("dashboard.") })
    }

    @Test func timelineRowsSayTheDayAndWhatHappenedInWords() throws {
        let format = try format()
        let paid = TimelineEntry(
            at: "2026-03-15 10:22", kind: "payment", summary: "Pago recibido", detail: "", link: nil)
        let row = TimelineRow(paid, format: format, text: format.text)
        #expect(row.at == "15 mar 2026 10:22")
        #expect(row.what == "Pago")
        let invoice = TimelineEntry(at: "2026-02-01", kind: "invoice", summary: "", detail: "", link: nil)
        #expect(TimelineRow(invoice, format: format, text: format.text).at == "1 feb 2026")
    }
}
