import CarteraCore
import Foundation

/// One aging table of the reports page (by customer or by collector): a page of rows, the whole
/// organisation's totals under them (the same on every page) and the pager.
struct AgingTable: Encodable {
    struct Row: Encodable {
        let url: String?
        let name: String
        let currency: String
        let buckets: [String]
        let total: String
    }
    struct Pager: Encodable {
        let page: Int
        let pages: Int
        let previous: String?
        let next: String?
    }

    let rows: [Row]
    let totals: [Row]
    /// "N filas": how many rows the table holds over all pages.
    let count: String
    let pager: Pager?

    init(
        _ page: AgingBreakdown.Page, totals: [AgingReport], linked: Bool, format: PageFormat,
        text: (String) -> String, link: (Int) -> String
    ) {
        func row(_ report: AgingReport, name: String, url: String?) -> Row {
            Row(
                url: url, name: name, currency: report.currency.code,
                buckets: AgingBucket.allCases.map { format.money(report.buckets[$0] ?? .zero(report.currency)) },
                total: format.money(report.total))
        }
        rows = page.rows.map { item in
            row(
                item.report, name: item.id == nil ? text("reports.unassigned") : item.name,
                url: linked ? item.id.map { AppURL.customer($0.uuidString) } : nil)
        }
        self.totals = totals.map { row($0, name: text("reports.organisation_total"), url: nil) }
        count = format.text("reports.aging_rows", ["count": format.integer(Int64(page.total))])
        let number = page.request.page
        pager =
            page.pages > 1 || number > 1
            ? Pager(
                page: number, pages: page.pages, previous: number > 1 ? link(number - 1) : nil,
                next: page.hasMore ? link(number + 1) : nil) : nil
    }
}
