import Foundation

/// Money in: the payment form, a payment's receipt and its reversal, the credit-note form.
extension AppURL {
    static let payments = "/payments"
    static let newPayment = "/payments/new"
    static let creditNotes = "/credit-notes"
    static let newCreditNote = "/credit-notes/new"

    /// The payment form with its customer chosen (and the invoice it was opened from ticked).
    static func newPayment(customer: UUID, invoice: UUID? = nil) -> String {
        guard let invoice else { return newPayment + query(["customer": customer.uuidString]) }
        return newPayment + query(["customer": customer.uuidString, "invoice": invoice.uuidString])
    }

    /// The payment form's customer search.
    static func newPayment(search q: String) -> String { newPayment + query(["q": q]) }

    static func payment(_ id: UUID) -> String { path("payments", id) }
    static func paymentReverse(_ id: UUID) -> String { path("payments", id, "reverse") }

    static func newCreditNote(customer: UUID, invoice: UUID? = nil) -> String {
        guard let invoice else { return newCreditNote + query(["customer": customer.uuidString]) }
        return newCreditNote + query(["customer": customer.uuidString, "invoice": invoice.uuidString])
    }
}
