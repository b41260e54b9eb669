/// Every value a message template may use, in the order the template page lists them, each with
/// its meaning in the locale files (`ui.template.variable.<name>`). This is the documented list:
/// `TemplateCatalog.variables` must name exactly these (a test holds them together), and the
/// composer fills them (`MessageComposer.values`). Names under `invoices.` are the columns of one
/// invoice row, used inside `{{#invoices}} … {{/invoices}}`.
enum TemplateVariable: String, CaseIterable, Sendable {
    case organisationName = "organisation_name"
    case customerName = "customer_name"
    case contactName = "contact_name"
    case invoiceNumber = "invoice_number"
    case amount
    case dueDate = "due_date"
    case daysOverdue = "days_overdue"
    case totalBalance = "total_balance"
    case discountOffer = "discount_offer"
    case howToPay = "how_to_pay"
    case bankAccounts = "bank_accounts"
    case paymentInstructions = "payment_instructions"
    case portalLink = "portal_link"
    case paymentAmount = "payment_amount"
    case paymentDate = "payment_date"
    case statementDate = "statement_date"
    case instalmentNumber = "instalment_number"
    case instalmentCount = "instalment_count"
    case instalmentAmount = "instalment_amount"
    case instalmentDueDate = "instalment_due_date"
    case invoices
    case invoiceRowNumber = "invoices.number"
    case invoiceRowIssueDate = "invoices.issue_date"
    case invoiceRowDueDate = "invoices.due_date"
    case invoiceRowTotal = "invoices.total"
    case invoiceRowBalance = "invoices.balance"
    case invoiceRowDaysOverdue = "invoices.days_overdue"

    /// The locale key of what it means, under `ui.`.
    var meaningKey: String { "template.variable.\(rawValue)" }

    /// A list to repeat (`{{#invoices}}…{{/invoices}}`) rather than a value to insert.
    var isList: Bool { self == .invoices }

    /// The name inside its list, for a row's column ("number" in `invoices.number`).
    var nameInRow: String? {
        rawValue.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init)
    }

    /// How it is written in a template: `{{customer_name}}`, `{{#invoices}} … {{/invoices}}`, `{{number}}`.
    var written: String {
        if isList { return "{{#\(rawValue)}} … {{/\(rawValue)}}" }
        return "{{\(nameInRow ?? rawValue)}}"
    }
}
