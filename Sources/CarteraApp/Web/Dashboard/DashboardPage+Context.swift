import CarteraCore
import Foundation

extension DashboardPage.Context {
    /// Formatting only: words, amounts and dates from what `DashboardPageData.read` found.
    init(data: DashboardPageData, format: PageFormat) throws {
        let text = format.text
        self.init(
            today: format.date(data.today),
            currencies: data.currencies.map { figures in
                let total = figures.aging.total.minorUnits
                return Figures(
                    currency: figures.aging.currency.code, receivable: format.money(figures.aging.total),
                    overdue: format.money(figures.overdue),
                    overdueShare: total > 0 ? Ratio.truncated(figures.overdue.minorUnits, total, by: 100) ?? 0 : 0,
                    collectedThisMonth: format.money(figures.collectedThisMonth),
                    dso: figures.dso.map(String.init) ?? "—",
                    invoiceCount: figures.invoiceCount,
                    chart: AgingChart(
                        report: figures.aging, format: format, labels: { text("aging.\($0.rawValue)", [:]) }))
            },
            debtors: try data.debtors.map { debtor in
                let id = try debtor.customer.requireID()
                let risk = (data.risks[id] ?? RiskQuery.noHistory).level
                return Debtor(
                    id: id, url: AppURL.customer(id), name: debtor.customer.legalName,
                    balance: format.moneyList(debtor.balances),
                    risk: risk.rawValue, riskLabel: text("risk.\(risk.rawValue)", [:]))
            },
            promisesToday: try data.promisesToday.map { item in
                Promise(
                    customerId: try item.customer.requireID(),
                    customerURL: AppURL.customer(try item.customer.requireID()), customer: item.customer.legalName,
                    amount: format.money(item.promise.amountMinor, item.promise.currency))
            },
            disputeAges: data.disputeAges.map {
                DisputeAge(label: text("dashboard.dispute_age.\($0.bucket)", [:]), count: $0.count)
            },
            openDisputes: data.disputeAges.reduce(0) { $0 + $1.count }, tasksDue: data.tasksDue)
    }
}
