/// A value an import row can carry. The raw value is the machine name errors report and the
/// column header the generic layout (our own CSV export) writes.
public enum ImportField: String, CaseIterable, Codable, Sendable {
    /// The customer's id in the system the file comes from; how invoices, contacts and payments
    /// find their customer when present, the name being the fallback.
    case customerCode = "customer_code"
    case customerName = "customer_name"
    case taxID = "tax_id"
    case email
    case phone
    case currency
    case creditLimit = "credit_limit"
    /// "30", "30 días", "net30", "2/10 net30", "contado".
    case paymentTerms = "payment_terms"
    case contactName = "contact_name"
    case role
    case invoiceNumber = "invoice_number"
    case issueDate = "issue_date"
    case dueDate = "due_date"
    /// The invoice total, or the payment's amount.
    case amount
    /// What is still owed on the invoice; the total when the file has no such column.
    case openBalance = "open_balance"
    case paidDate = "paid_date"
    case reference
    /// "Invoice", "Payment", "Credit Memo": accounting exports list every open document, and only
    /// invoices are imported as invoices.
    case transactionType = "transaction_type"

    /// Money columns: totals rows fill these and nothing else.
    var isAmount: Bool { self == .amount || self == .openBalance || self == .creditLimit }
    var isCustomer: Bool { self == .customerCode || self == .customerName }
}
