import Foundation

/// One invoice's page and the forms posted from it.
extension AppURL {
    static func invoice(_ id: UUID) -> String { path("invoices", id) }
    /// The new-invoice form posts to `invoices`; the draft's edit form posts to `invoice(id)`.
    static let invoices = "/invoices"
    static let invoiceNew = "/invoices/new"
    static func invoiceNew(customer: UUID) -> String { invoiceNew + query(["customer": customer.uuidString]) }
    static func invoiceEdit(_ id: UUID) -> String { path("invoices", id, "edit") }
    static func invoiceIssue(_ id: UUID) -> String { path("invoices", id, "issue") }
    static func invoiceVoid(_ id: UUID) -> String { path("invoices", id, "void") }
    static func invoiceDisputes(_ id: UUID) -> String { path("invoices", id, "disputes") }
    static func invoiceWriteOff(_ id: UUID) -> String { path("invoices", id, "write-off") }
    static func disputeResolve(_ id: UUID) -> String { path("disputes", id, "resolve") }
    static func lateFeeWaive(_ id: UUID) -> String { path("late-fees", id, "waive") }
}
