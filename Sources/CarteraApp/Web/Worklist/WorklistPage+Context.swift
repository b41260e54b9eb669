import CarteraCore
import Foundation

extension WorklistPage.Context {
    /// Formatting only: words, amounts and dates from what `WorklistPageData.read` found.
    init(data: WorklistPageData, format: PageFormat, filters: WorklistPageData.Filters = .init()) throws {
        let text = format.text
        let names = Dictionary(uniqueKeysWithValues: try data.users.map { (try $0.requireID(), $0.name) })
        let first = (data.page - 1) * WorklistPageData.limit
        let rows = try data.items.enumerated().map { index, item in
            var badges: [String] = []
            if item.callTasksDue > 0 {
                let key = item.callTasksDue == 1 ? "worklist.badge.call" : "worklist.badge.calls"
                badges.append(text(key, ["count": String(item.callTasksDue)]))
            }
            if item.letterTasksDue > 0 {
                let key = item.letterTasksDue == 1 ? "worklist.badge.letter" : "worklist.badge.letters"
                badges.append(text(key, ["count": String(item.letterTasksDue)]))
            }
            if item.recentBrokenPromises > 0 { badges.append(text("worklist.badge.broken_promise", [:])) }
            if item.newDisputes > 0 { badges.append(text("worklist.badge.new_dispute", [:])) }
            if item.promisesDueToday > 0 { badges.append(text("worklist.badge.promise_today", [:])) }
            let id = try item.customer.requireID()
            return Row(
                position: first + index + 1, customerId: id, customerURL: AppURL.customer(id),
                assignURL: AppURL.customerForm(id, .assign), name: item.customer.legalName,
                overdue: format.moneyList(item.overdue), days: item.maximumDaysOverdue, risk: item.risk.level.rawValue,
                riskLabel: text("risk.\(item.risk.level.rawValue)", [:]),
                riskReason: RiskText.reason(item.risk, text: text), why: WorklistText.why(item, format: format),
                needsAction: item.needsActionToday, badges: badges,
                assignedTo: item.customer.assignedUserID.flatMap { names[$0] },
                assignedUserId: item.customer.assignedUserID?.uuidString ?? "")
        }
        let collectors = try data.users.filter { $0.role.collects && $0.disabledAt == nil }.map {
            Option(id: try $0.requireID().uuidString, name: $0.name)
        }
        func page(_ number: Int) -> String {
            AppURL.worklist(
                scope: data.scope, tag: filters.tag, currency: filters.currency, calls: filters.calls, page: number)
        }
        self.init(
            scope: data.scope, filters: filters, rows: rows, collectors: collectors, today: format.date(data.today),
            links: Links(filters), page: data.page, previous: data.page > 1 ? page(data.page - 1) : nil,
            next: data.hasMore ? page(data.page + 1) : nil)
    }
}
