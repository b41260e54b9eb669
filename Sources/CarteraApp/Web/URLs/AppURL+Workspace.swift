import Foundation

/// Reports, imports and exports, reconciliation, the audit log and user administration.
extension AppURL {
    static func reportCollectionCSV(from: String, to: String, withinDays: Int) -> String {
        "/reports/collection.csv" + query(["from": from, "to": to, "within_days": String(withinDays)])
    }
    /// The reports page for a period, with the aging tables' currency and pages.
    static func reports(
        from: String, to: String, withinDays: Int, currency: String, customerPage: Int, collectorPage: Int
    ) -> String {
        reports
            + query([
                "from": from, "to": to, "within_days": String(withinDays), "currency": currency,
                "customer_page": String(customerPage), "collector_page": String(collectorPage),
            ])
    }
    static func reportAgingByCustomerCSV(asOf: String) -> String {
        "/reports/aging-by-customer.csv" + query(["as_of": asOf])
    }
    static func reportAgingByCollectorCSV(asOf: String) -> String {
        "/reports/aging-by-collector.csv" + query(["as_of": asOf])
    }

    static func importPreview(_ id: String) -> String { path("import", id) }
    static func importMapping(_ id: String) -> String { path("import", id, "mapping") }
    static func importCommit(_ id: String) -> String { path("import", id, "commit") }
    static func importProgress(_ id: String) -> String { path("import", id, "progress") }
    /// A CSV export: `customers.csv`, `invoices.csv`, `payments.csv`, `aging.csv`.
    static func export(_ file: String) -> String { path("exports", file) }

    static let reconciliationImport = "/reconciliation/import"
    static func reconciliationMatch(_ line: UUID) -> String { path("reconciliation", line, "match") }
    static func reconciliationIgnore(_ line: UUID) -> String { path("reconciliation", line, "ignore") }

    static func audit(page: Int, action: String, actor: String) -> String {
        audit + query(["page": String(page), "action": action, "actor": actor])
    }
}
