import SQLKit

/// The day an invoice was settled, for raw SQL: the day of its last allocation (payment or credit
/// note), read from the allocations' (invoice, day) index. The one definition the payment history
/// and the reports' reminder steps share; NULL for an invoice with no allocation.
enum SQLSettled {
    /// `alias`: the invoices table's alias in the surrounding query.
    static func day(ofInvoice alias: String) -> SQLQueryString {
        "(SELECT MAX(a.applied_on) FROM allocations a WHERE a.invoice_id = \(unsafeRaw: alias).id)"
    }
}
