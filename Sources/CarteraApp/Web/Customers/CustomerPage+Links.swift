import Foundation

/// Where the customer page links and posts to, built once from the customer's id.
struct CustomerPageLinks: Encodable {
    let caseFile: String
    let caseFileCSV: String
    let portalLink: String
    let statement: String
    let release: String
    let hold: String
    let recall: String
    let escalate: String
    let calls: String
    let plans: String
    let contacts: String
    let notes: String
    let edit: String
    let newInvoice: String
    let newPayment: String
    let newCreditNote: String

    init(_ id: UUID) {
        caseFile = AppURL.customerCaseFile(id)
        caseFileCSV = AppURL.customerCaseFile(id, format: "csv")
        portalLink = AppURL.customerForm(id, .portalLink)
        statement = AppURL.customerForm(id, .statement)
        release = AppURL.customerForm(id, .release)
        hold = AppURL.customerForm(id, .hold)
        recall = AppURL.customerForm(id, .recall)
        escalate = AppURL.customerForm(id, .escalate)
        calls = AppURL.customerForm(id, .calls)
        plans = AppURL.customerForm(id, .plans)
        contacts = AppURL.customerForm(id, .contacts)
        notes = AppURL.customerForm(id, .notes)
        edit = AppURL.customerEdit(id)
        newInvoice = AppURL.invoiceNew(customer: id)
        newPayment = AppURL.newPayment(customer: id)
        newCreditNote = AppURL.newCreditNote(customer: id)
    }
}
