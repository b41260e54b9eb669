import CarteraCore
import Foundation

/// The credit-note form in words: the customer (or the choice of one), the owed invoices it may
/// correct, today as the default date. Built from `MoneyInFormData`, formatting only.
struct CreditNoteFormContext: Encodable {
    struct Links: Encodable {
        let submit = AppURL.creditNotes
        let customer: String?
    }

    let customer: PaymentFormContext.Chosen?
    let picker: PaymentFormContext.Picker?
    let invoices: [PaymentFormContext.InvoiceOption]
    let today: String
    let amountExample: String
    let links: Links
}

extension CreditNoteFormContext {
    init(data: MoneyInFormData, format: PageFormat) throws {
        let customer = try data.customer.map {
            PaymentFormContext.Chosen(
                id: try $0.requireID(), name: $0.legalName, taxId: $0.taxID ?? "",
                url: AppURL.customer(try $0.requireID()))
        }
        self.init(
            customer: customer,
            picker: customer == nil ? try MoneyInPicker.picker(data, action: AppURL.newCreditNote) : nil,
            invoices: try MoneyInPicker.invoices(data, format: format), today: data.today.iso,
            amountExample: format.amountExample, links: Links(customer: customer?.url))
    }
}
