/// What a file holds. Each kind has its fields, in the order the generic layout writes them and in
/// the order header recognition gives them a word both could claim ("Nombre" is the contact's name
/// in a contacts file, the customer's in a customers file).
public enum ImportKind: String, CaseIterable, Codable, Sendable {
    case customers, contacts, invoices, payments

    public var fields: [ImportField] {
        switch self {
        case .customers: [.customerCode, .customerName, .taxID, .email, .phone, .currency, .creditLimit, .paymentTerms]
        case .contacts: [.customerCode, .contactName, .customerName, .email, .phone, .role]
        case .invoices:
            [
                .customerCode, .customerName, .invoiceNumber, .issueDate, .dueDate, .amount, .openBalance, .currency,
                .reference, .transactionType,
            ]
        case .payments: [.customerCode, .customerName, .invoiceNumber, .paidDate, .amount, .currency, .reference]
        }
    }

    /// Columns the header must have: each group needs at least one of its fields. A row that leaves
    /// all of a group's columns empty is `.missingValue` on the group's first field.
    public var requiredColumns: [[ImportField]] {
        switch self {
        case .customers: [[.customerName]]
        case .contacts: [[.customerCode, .customerName], [.contactName, .email]]
        case .invoices: [[.customerCode, .customerName], [.invoiceNumber], [.issueDate], [.dueDate], [.amount]]
        case .payments: [[.customerCode, .customerName], [.paidDate], [.amount]]
        }
    }

    /// Fields whose repeats within one file are refused. Invoice numbers are unique per
    /// organisation in the app, so the check is over the whole file, not per customer.
    var uniqueField: ImportField? {
        switch self {
        case .customers: .customerCode
        case .invoices: .invoiceNumber
        case .contacts, .payments: nil
        }
    }
}
