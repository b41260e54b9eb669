/// An open invoice row. `openBalance` is what is still owed: the file's open balance column, or
/// the total when it has none.
public struct ImportedInvoice: Hashable, Sendable {
    public let line: Int
    public let customerCode: String?
    public let customerName: String?
    public let number: String
    public let issueDate: LocalDate
    public let dueDate: LocalDate
    public let total: Money
    public let openBalance: Money
    public let reference: String?

    static func read(_ row: inout ImportRow) -> ImportedInvoice? {
        let customer = row.customer()
        let number = row.required(.invoiceNumber)
        let issued = row.date(.issueDate, required: true)
        let due = row.date(.dueDate, required: true)
        if let issued, let due, due < issued { row.fail(.dueDate, .dueBeforeIssue) }
        let currency = row.currency()
        let total = row.positiveMoney(.amount, currency: currency)
        let balance = row.money(.openBalance, currency: currency, required: false)
        if let balance, balance.isNegative {
            row.fail(.openBalance, .negativeAmount)
        } else if let balance, let total, total.isPositive, balance > total {
            row.fail(.openBalance, .balanceExceedsAmount)
        }
        guard row.errors.isEmpty, let number, let issued, let due, let total else { return nil }
        return ImportedInvoice(
            line: row.line, customerCode: customer.code, customerName: customer.name, number: number, issueDate: issued,
            dueDate: due, total: total, openBalance: balance ?? total, reference: row.text(.reference))
    }
}
