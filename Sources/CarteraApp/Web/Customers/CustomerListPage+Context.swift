import CarteraCore
import Foundation

extension CustomerListPage.Context {
    /// Formatting only: names, tax ids in the country's style, balances, and the links that keep
    /// the filters while sorting or paging.
    init(data: CustomerListPageData, format: PageFormat) throws {
        let text = format.text
        let locale = format.composer.organisation.supportedLocale
        let filters = data.filters
        let names = Dictionary(uniqueKeysWithValues: try data.users.map { (try $0.requireID(), $0.name) })
        rows = try data.customers.map { customer in
            let id = try customer.requireID()
            let summary = data.summaries[id]
            let overdue = try summary?.balances.filter { $0.overdue != 0 }.map {
                Money(minorUnits: $0.overdue, currency: try Currency(code: $0.currency))
            }
            let risk = summary?.riskLevel ?? RiskQuery.noHistory.level
            return Row(
                url: AppURL.customer(id), name: customer.legalName,
                taxId: TaxIDText.display(customer.taxID, locale: locale),
                details: CustomerDetails.line(customer, collectors: names, withCurrency: false, text: text),
                currency: customer.currency, balance: format.moneyList(try summary?.owed() ?? []),
                overdue: format.moneyList(overdue ?? []), risk: text("risk.\(risk.rawValue)", [:]),
                tags: customer.tags.joined(separator: ", "))
        }
        collectors =
            [Option(value: "none", label: text("customers.unassigned", [:]), selected: filters.collector == "none")]
            + (try data.users.filter { $0.role.collects }.map { user in
                let id = try user.requireID().uuidString
                return Option(value: id, label: user.name, selected: filters.collector == id)
            })
        risks = RiskLevel.allCases.map {
            Option(value: $0.rawValue, label: text("risk.\($0.rawValue)", [:]), selected: filters.risk == $0.rawValue)
        }
        currencies = data.currencies.map {
            Option(value: $0, label: $0, selected: filters.currency?.uppercased() == $0)
        }
        var columns: [String: Column] = [:]
        let current = filters.sort ?? CustomerListing.Sort.name.rawValue
        for (sort, label) in [
            (CustomerListing.Sort.name, "customer.name"), (.taxID, "customer.tax_id"), (.balance, "customer.balance"),
            (.currency, "customers.currency"), (.overdue, "worklist.overdue"), (.risk, "customers.risk"),
        ] {
            var next = filters
            let descending = filters.dir == "desc"
            next.sort = sort.rawValue
            next.dir = current == sort.rawValue && !descending ? "desc" : nil
            next.page = nil
            columns[sort.rawValue] = Column(
                label: text(label, [:]), url: AppURL.customers(next),
                sorted: current == sort.rawValue ? (descending ? "descending" : "ascending") : nil)
        }
        self.columns = columns
        total = data.total
        page = data.page.page
        pages = max(1, (data.total + data.page.perPage - 1) / data.page.perPage)
        filtered = [filters.q, filters.collector, filters.tag, filters.risk, filters.currency, filters.calls]
            .contains { !($0 ?? "").isEmpty }
        var previous = filters
        var following = filters
        previous.page = data.page.page - 1
        following.page = data.page.page + 1
        self.filters = filters
        links = Links(previous: AppURL.customers(previous), next: AppURL.customers(following))
    }
}
