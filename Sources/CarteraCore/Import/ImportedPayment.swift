/// A payment received, from a payment-history file. `invoiceNumber` is nil for a payment on account.
public struct ImportedPayment: Hashable, Sendable {
    public let line: Int
    public let customerCode: String?
    public let customerName: String?
    public let invoiceNumber: String?
    public let paidDate: LocalDate
    public let amount: Money
    public let reference: String?

    static func read(_ row: inout ImportRow) -> ImportedPayment? {
        let customer = row.customer()
        let paid = row.date(.paidDate, required: true)
        let amount = row.positiveMoney(.amount, currency: row.currency())
        guard row.errors.isEmpty, let paid, let amount else { return nil }
        return ImportedPayment(
            line: row.line, customerCode: customer.code, customerName: customer.name,
            invoiceNumber: row.text(.invoiceNumber), paidDate: paid, amount: amount, reference: row.text(.reference))
    }
}
