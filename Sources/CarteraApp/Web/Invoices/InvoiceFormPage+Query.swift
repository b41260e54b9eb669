import CarteraCore
import Fluent
import Vapor

/// What the invoice form reads, once: the draft being edited and its lines, the customers to
/// choose from, the chosen one, and what was typed when the form was last refused.
struct InvoiceFormData {
    let invoice: Invoice?
    let lines: [InvoiceLine]
    let customers: [Customer]
    let customer: Customer?
    let typed: FormMemory?
    /// The form row whose line was refused.
    let lineError: Int?
    let organisation: Organisation
    let today: LocalDate

    /// At most this many customers in the select; past it, the form opens from the customer's page.
    static let customerLimit = 1_000

    static func read(
        _ invoice: Invoice?, customer chosen: UUID?, typed: FormMemory?, lineError: Int?, in context: ServiceContext
    ) async throws -> Self {
        let customers = try await Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .sort(\.$legalName).sort(\.$id).limit(customerLimit).all()
        let typedCustomer = typed?.values["customer_id"].flatMap(UUID.init(uuidString:))
        let id = typedCustomer ?? chosen
        var customer = customers.first { $0.id == id }
        if customer == nil, let id { customer = try? await CustomerService.find(id, in: context) }
        var lines: [InvoiceLine] = []
        if let invoice {
            lines = try await InvoiceLine.query(on: context.db).filter(\.$invoice.$id == invoice.requireID())
                .sort(\.$position).all()
        }
        return Self(
            invoice: invoice, lines: lines,
            customers: customer.map { chosen in
                customers.contains { $0.id == chosen.id } ? customers : [chosen] + customers
            }
                ?? customers,
            customer: customer, typed: typed, lineError: lineError, organisation: context.organisation,
            today: context.today)
    }
}
