import CarteraCore
import Foundation

/// The invoice form, formatted: values as they go back into the fields (typed, else the draft's,
/// else the chosen customer's defaults), terms in words with what the browser needs to show the
/// due date they give, and the line rows.
struct InvoiceFormContext: Encodable {
    struct Values: Encodable {
        var number = "", issueDate = "", dueDate = "", total = "", notes = "", discountPercent = "", discountDays = ""
    }
    struct TermsChoice: Encodable {
        let value: String
        let label: String
        let selected: Bool
        let netDays: Int
        let endOfMonth: Bool
    }
    struct Row: Encodable {
        let description: String
        let quantity: String
        let unitPrice: String
        let descriptionError: String?
        let quantityError: String?
        let unitPriceError: String?
    }
    struct Links: Encodable {
        let action: String
        let cancel: String
        let script: String
    }

    let isNew: Bool
    let heading: String
    let customers: [FormOption]
    let values: Values
    let terms: [TermsChoice]
    let currencies: [FormOption]
    let rows: [Row]
    let lineError: String?
    let due: String
    /// The same sentence with `{date}` left in, for the browser to fill when the terms change.
    let dueTemplate: String
    let today: String
    let amountExample: String
    let language: String
    let links: Links

    /// Rows the form starts with; "Agregar línea" adds more.
    static let minimumRows = 3

    init(data: InvoiceFormData, format: PageFormat) {
        let invoice = data.invoice
        let typed = data.typed
        let customer = data.customer
        isNew = invoice == nil
        heading =
            invoice.map { format.text("invoice_form.edit_heading", ["number": $0.number]) }
            ?? format.text("invoice_form.new_heading")
        links = Links(
            action: invoice?.id.map { AppURL.invoice($0) } ?? AppURL.invoices,
            cancel: invoice?.id.map { AppURL.invoice($0) } ?? customer?.id.map { AppURL.customer($0) }
                ?? AppURL.customers,
            script: AppURL.static("invoice-form.js"))
        amountExample = format.amountExample
        today = data.today.iso
        language = format.composer.language
        customers =
            [FormOption(value: "", label: format.text("invoice_form.choose_customer"), selected: customer == nil)]
            + data.customers.compactMap { row in
                row.id.map { id in
                    let tax = row.taxID.map { " · " + TaxID.formatted($0) } ?? ""
                    return FormOption(value: id.uuidString, label: row.legalName + tax, selected: id == customer?.id)
                }
            }

        func value(_ field: String, _ stored: String?) -> String { typed?.values[field] ?? stored ?? "" }
        var values = Values()
        values.number = value("number", invoice?.number)
        values.issueDate = value("issue_date", invoice?.issueDate ?? data.today.iso)
        values.dueDate = value("due_date", invoice?.dueDate)
        let currency =
            typed?.values["currency"] ?? invoice?.currency ?? customer?.currency
            ?? data.organisation.defaultCurrency
        values.total = value(
            "total",
            invoice.flatMap { invoice in
                data.lines.isEmpty ? (try? invoice.total).map { Self.typed($0, format: format) } : nil
            })
        values.notes = value("notes", invoice?.notes)
        let storedTerms = invoice.flatMap { try? PaymentTerms(code: $0.paymentTerms) }
        // A draft whose terms carry a discount shows it in the discount fields, on terms without it.
        let baseCode = storedTerms.flatMap { terms in
            terms.discount.map { _ in (try? PaymentTerms(netDays: terms.netDays, basis: terms.basis))?.code }
                ?? terms.code
        }
        if let discount = storedTerms?.discount, typed == nil {
            values.discountPercent = BasisPoints.rateText(Int(discount.basisPoints)).replacingOccurrences(
                of: ".", with: String(format.composer.moneyLocale.decimalMark))
            values.discountDays = String(discount.days)
        } else {
            values.discountPercent = value("discount_percent", nil)
            values.discountDays = value("discount_days", nil)
        }
        self.values = values

        let chosenTerms = typed?.values["payment_terms"] ?? baseCode ?? customer?.paymentTerms ?? "net30"
        terms = TermsText.options(current: chosenTerms, format: format).map { option in
            let parsed = try? PaymentTerms(code: option.value)
            return TermsChoice(
                value: option.value, label: option.label, selected: option.selected, netDays: parsed?.netDays ?? 0,
                endOfMonth: parsed?.basis == .endOfMonth)
        }
        var codes = ["COP", "USD", "EUR", "CLP", "MXN"]
        for code in [data.organisation.defaultCurrency, currency] where !codes.contains(code) {
            codes.insert(code, at: 0)
        }
        currencies = codes.map {
            let name = format.text("currency.\($0)")
            return FormOption(
                value: $0, label: name == "currency.\($0)" ? $0 : "\(name) (\($0))", selected: $0 == currency)
        }

        let issued = (try? LocalDate(iso: values.issueDate)) ?? data.today
        let dueDate =
            (try? LocalDate(iso: values.dueDate))
            ?? (try? PaymentTerms(code: chosenTerms).dueDate(issuedOn: issued))
        dueTemplate = format.text("invoice_form.due_on", ["date": "{date}"])
        due = dueDate.map { format.text("invoice_form.due_on", ["date": format.date($0)]) } ?? ""

        var rows: [Row] = []
        let errors = typed?.errors ?? [:]
        func error(_ row: Int, _ part: String) -> String? {
            row == data.lineError ? errors[FormMemory.formField("line_\(part)")] : nil
        }
        if let typed {
            let descriptions = typed.lists["line_description"] ?? []
            for row in descriptions.indices {
                rows.append(
                    Row(
                        description: descriptions[row], quantity: Self.at(typed.lists["line_quantity"], row),
                        unitPrice: Self.at(typed.lists["line_unit_price"], row),
                        descriptionError: error(row, "description"), quantityError: error(row, "quantity"),
                        unitPriceError: error(row, "unit_price")))
            }
        } else if let currencyValue = try? Currency(code: currency) {
            rows = data.lines.map { line in
                Row(
                    description: line.description,
                    quantity: Quantity(milli: line.quantityMilli).description.replacingOccurrences(
                        of: ".", with: String(format.composer.moneyLocale.decimalMark)),
                    unitPrice: Self.typed(
                        Money(minorUnits: line.unitPriceMinor, currency: currencyValue), format: format),
                    descriptionError: nil, quantityError: nil, unitPriceError: nil)
            }
        }
        while rows.count < Self.minimumRows {
            rows.append(
                Row(
                    description: "", quantity: "", unitPrice: "", descriptionError: nil, quantityError: nil,
                    unitPriceError: nil))
        }
        self.rows = rows
        // A line refused without a row to show it on (the lines as a whole) goes under the table.
        lineError =
            data.lineError == nil
            ? (errors["lines"] ?? errors["lineDescription"] ?? errors["lineUnitPrice"]) : nil
    }

    private static func at(_ list: [String]?, _ index: Int) -> String {
        guard let list, list.indices.contains(index) else { return "" }
        return list[index]
    }

    static func typed(_ money: Money, format: PageFormat) -> String {
        CustomerFormContext.typedAmount(money, format: format)
    }
}
