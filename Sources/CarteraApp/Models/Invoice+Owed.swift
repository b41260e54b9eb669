import CarteraCore
import Fluent
import SQLKit

extension QueryBuilder where Model == Invoice {
    /// Only invoices the customer still owes on (`InvoiceStatus.owed`).
    @discardableResult
    func owed() -> Self {
        filter(\.$status ~~ InvoiceStatus.owed)
    }
}

/// `InvoiceStatus.owed` for raw SQL: `status IN (\(SQLOwed.list))` renders the owed statuses as quoted literals.
/// Literals rather than binds, so the statement text (and its plan) is the same for every call.
enum SQLOwed {
    static var list: SQLQueryString {
        "\(literals: InvoiceStatus.owed.map(\.rawValue), joinedBy: ", ")"
    }
}
