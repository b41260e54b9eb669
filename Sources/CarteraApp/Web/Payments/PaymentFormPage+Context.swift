import CarteraCore
import Foundation

/// The payment form in words: built from `MoneyInFormData` by `init(data:format:)`, formatting only.
struct PaymentFormContext: Encodable {
    struct Chosen: Encodable {
        let id: UUID
        let name: String
        let taxId: String
        let url: String
    }
    struct Candidate: Encodable {
        let id: UUID
        let label: String
    }
    /// While no customer is chosen: a search (GET, `q`) and a choice (GET, `customer`), both to this page.
    struct Picker: Encodable {
        let q: String
        let action: String
        let customers: [Candidate]
        let more: Bool
    }
    struct InvoiceOption: Encodable {
        let id: UUID
        let number: String
        let url: String
        let due: String
        let balance: String
        /// Ticked when nothing was posted yet: the invoice the form was opened from.
        let ticked: Bool
        let discount: String?
    }
    typealias Option = SelectOption
    struct Links: Encodable {
        let submit = AppURL.payments
        let search = AppURL.newPayment
        let customer: String?
        let creditNote: String?
    }

    let customer: Chosen?
    let picker: Picker?
    let invoices: [InvoiceOption]
    let methods: [Option]
    /// "chosen" when the form was opened from an invoice, else "oldest".
    let allocation: String
    let today: String
    /// "1.500.000,50": how amounts are typed here, for the placeholder.
    let amountExample: String
    let links: Links
}

extension PaymentFormContext {
    init(data: MoneyInFormData, format: PageFormat) throws {
        let customer = try data.customer.map {
            Chosen(
                id: try $0.requireID(), name: $0.legalName, taxId: $0.taxID ?? "",
                url: AppURL.customer(try $0.requireID()))
        }
        self.init(
            customer: customer,
            picker: customer == nil ? try MoneyInPicker.picker(data, action: AppURL.newPayment) : nil,
            invoices: try MoneyInPicker.invoices(data, format: format),
            methods: PaymentMethod.allCases.map {
                Option(
                    value: $0.rawValue, label: format.text("payment.method.\($0.rawValue)"), selected: $0 == .transfer)
            },
            allocation: data.invoiceID == nil ? "oldest" : "chosen", today: data.today.iso,
            amountExample: format.amountExample,
            links: Links(
                customer: customer?.url,
                creditNote: customer.map { AppURL.newCreditNote(customer: $0.id, invoice: data.invoiceID) }))
    }
}

/// What the payment and credit-note forms show alike: the customers to choose from and the owed invoices.
enum MoneyInPicker {
    static func picker(_ data: MoneyInFormData, action: String) throws -> PaymentFormContext.Picker {
        PaymentFormContext.Picker(
            q: data.q, action: action,
            customers: try data.candidates.map { customer in
                .init(
                    id: try customer.requireID(),
                    label: customer.taxID.map { "\(customer.legalName) · \($0)" } ?? customer.legalName)
            }, more: data.candidates.count >= MoneyInFormData.candidateLimit)
    }

    static func invoices(_ data: MoneyInFormData, format: PageFormat) throws -> [PaymentFormContext.InvoiceOption] {
        try data.open.map { item in
            let invoice = item.invoice
            let id = try invoice.requireID()
            return .init(
                id: id, number: invoice.number, url: AppURL.invoice(id),
                due: format.text("payment_new.due", ["date": format.date(invoice.dueDate)]),
                balance: format.money(try invoice.balance), ticked: id == data.invoiceID,
                discount: item.offer.map {
                    format.text(
                        "payment_new.discount",
                        [
                            "pays": format.money($0.pays), "until": format.date($0.until),
                            "saves": format.money($0.saves),
                        ])
                })
        }
    }
}
