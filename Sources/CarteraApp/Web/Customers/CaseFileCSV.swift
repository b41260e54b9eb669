import CarteraCore
import Vapor

/// The case file as CSV: open items first, then the timeline, one section after the other.
enum CaseFileCSV {
    static func make(_ page: CustomerPageContext, req: Request) -> String {
        var rows: [[String]] = [[req.text("casefile.title"), page.customer.name, page.customer.taxId, page.today]]
        rows.append([])
        rows.append([
            req.text("invoice.number"), req.text("invoice.issued"), req.text("invoice.due"), req.text("invoice.total"),
            req.text("invoice.balance"), req.text("invoice.days_overdue"),
        ])
        for invoice in page.invoices {
            rows.append([
                invoice.number, invoice.issued, invoice.due, invoice.total, invoice.balance, String(invoice.days),
            ])
        }
        rows.append([])
        rows.append([
            req.text("timeline.when"), req.text("timeline.what"), req.text("timeline.summary"),
            req.text("timeline.detail"),
        ])
        for entry in page.timeline {
            rows.append([entry.at, entry.what, entry.summary, entry.detail])
        }
        return CSVWriter().document(rows, byteOrderMark: false)
    }
}
