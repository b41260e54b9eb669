import CarteraCore
import Fluent
import Vapor

/// What the payment and credit-note forms start from, read once: the customer (from `?customer=`, or
/// the invoice of `?invoice=`), its owed invoices oldest due first with the early-payment discount
/// paying one today would earn; or, while no customer is chosen, the customers to choose from.
/// Money is taken in the customer's currency, so only invoices in it are offered.
struct MoneyInFormData {
    struct OpenInvoice {
        let invoice: Invoice
        let offer: EarlyPayment.Offer?
    }

    /// `?customer=<id>`, `?invoice=<id>`, `?q=` (the customer search).
    struct Query: Decodable {
        var customer: String?
        var invoice: String?
        var q: String?
    }

    let customer: Customer?
    /// The invoice the form was opened from: ticked, or the one a credit note corrects.
    let invoiceID: UUID?
    let open: [OpenInvoice]
    /// While no customer is chosen: the customers matching the search, by name.
    let candidates: [Customer]
    let q: String
    let today: LocalDate

    static let candidateLimit = 100

    static func read(_ query: Query, in context: ServiceContext) async throws -> MoneyInFormData {
        var customer: Customer?
        var invoiceID: UUID?
        if let id = query.invoice.flatMap(UUID.init(uuidString:)) {
            let invoice = try await InvoiceService.find(id, in: context)
            customer = try await CustomerService.find(invoice.$customer.id, in: context)
            invoiceID = id
        } else if let id = query.customer.flatMap(UUID.init(uuidString:)) {
            customer = try await CustomerService.find(id, in: context)
        }
        let q = query.q?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let customer else {
            let found = try await CustomerService.list(
                CustomerListQuery(page: 1, perPage: candidateLimit, q: q), in: context)
            return MoneyInFormData(
                customer: nil, invoiceID: nil, open: [], candidates: found.items, q: q, today: context.today)
        }
        let open = try await Invoice.query(on: context.db).filter(\.$customer.$id == customer.requireID())
            .filter(\.$currency == customer.currency).owed().sort(\.$dueDate).sort(\.$number).all()
        return MoneyInFormData(
            customer: customer, invoiceID: invoiceID,
            open: open.map { OpenInvoice(invoice: $0, offer: EarlyPayment.offer(on: $0, paidOn: context.today)) },
            candidates: [], q: q, today: context.today)
    }
}
