import Foundation

/// One invoice's page and the forms posted from it.
extension AppURL {
    static func invoice(_ id: UUID) -> String { path("invoices", id) }
    static func invoiceDisputes(_ id: UUID) -> String { path("invoices", id, "disputes") }
    static func invoiceWriteOff(_ id: UUID) -> String { path("invoices", id, "write-off") }
    static func disputeResolve(_ id: UUID) -> String { path("disputes", id, "resolve") }
    static func lateFeeWaive(_ id: UUID) -> String { path("late-fees", id, "waive") }
}
