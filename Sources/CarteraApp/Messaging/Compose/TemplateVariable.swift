/// Every value a message template may use, in the order the template page lists them, each with
/// its meaning in the locale files (`ui.template.variable.<name>`). This is the documented list:
/// `TemplateCatalog.variables` must name exactly these (a test holds them together), and the
/// composer fills them (`MessageComposer.values`). Names under `invoices.` are the columns of one
/// invoice row, the same in each of the three lists (`{{#invoices}}`, `{{#overdue_invoices}}`,
/// `{{#not_due_invoices}}`); `names` spells every name a template may use.
enum TemplateVariable: String, CaseIterable, Sendable {
    case organisationName = "organisation_name"
    case customerName = "customer_name"
    case contactName = "contact_name"
    case invoiceNumber = "invoice_number"
    case amount
    case dueDate = "due_date"
    case daysOverdue = "days_overdue"
    case totalBalance = "total_balance"
    case overdueTotal = "overdue_total"
    case notDueTotal = "not_due_total"
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
    case overdueInvoices = "overdue_invoices"
    case notDueInvoices = "not_due_invoices"
    case invoiceRowNumber = "invoices.number"
    case invoiceRowIssueDate = "invoices.issue_date"
    case invoiceRowDueDate = "invoices.due_date"
    case invoiceRowTotal = "invoices.total"
    case invoiceRowBalance = "invoices.balance"
    case invoiceRowDaysOverdue = "invoices.days_overdue"
    case invoiceRowStatusNote = "invoices.status_note"

    /// The locale key of what it means, under `ui.`.
    var meaningKey: String { "template.variable.\(rawValue)" }

    /// A list to repeat (`{{#invoices}}…{{/invoices}}`) rather than a value to insert.
    var isList: Bool {
        switch self {
        case .invoices, .overdueInvoices, .notDueInvoices: true
        default: false
        }
    }

    /// Every name a template may use: the values, the lists, and each row column inside each list
    /// ("overdue_invoices.balance").
    static var names: Set<String> {
        let lists = allCases.filter(\.isList).map(\.rawValue)
        return allCases.reduce(into: Set<String>()) { names, variable in
            guard let column = variable.nameInRow else {
                names.insert(variable.rawValue)
                return
            }
            for list in lists { names.insert("\(list).\(column)") }
        }
    }

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
