import CarteraCore
import Fluent
import Vapor

/// Everything a payment's receipt shows, read once: the payment, its customer, what it settled (its
/// own allocations and the early-payment discounts it earned) with the invoices' numbers, and who
/// recorded and reversed it (from the audit trail, by the person's name where it was a person).
struct PaymentReceiptData {
    struct Settled {
        let allocation: Allocation
        let invoice: Invoice?
    }

    let payment: Payment
    let customer: Customer
    let settled: [Settled]
    /// The audit trail's actor ("user:ana@x.co", "api_key:erp", …) and, for a person, their name.
    let recordedBy: Who?
    let reversedBy: Who?

    struct Who {
        let name: String
        let person: String?
    }

    static func read(_ payment: Payment, in context: ServiceContext) async throws -> PaymentReceiptData {
        let db = context.db
        let paymentID = try payment.requireID()
        let customer = try await CustomerService.find(payment.$customer.id, in: context)
        let rows = try await Allocation.query(on: db).group(.or) {
            $0.filter(\.$payment.$id == paymentID).filter(\.$earnedByPaymentID == paymentID)
        }.sort(\.$createdAt).all()
        let invoiceIDs = Set(rows.map { $0.$invoice.id })
        let invoices =
            invoiceIDs.isEmpty ? [] : try await Invoice.query(on: db).filter(\.$id ~~ Array(invoiceIDs)).all()
        let events = try await AuditEvent.query(on: db).filter(\.$organisationID == context.organisationID)
            .filter(\.$entityID == paymentID).filter(\.$action ~~ ["payment.recorded", "payment.reversed"])
            .sort(\.$occurredAt).all()
        let users = try await UserService.list(organisationID: context.organisationID, on: db)
        func actor(_ action: String) -> Who? {
            guard let name = events.first(where: { $0.action == action })?.actor else { return nil }
            let email = name.hasPrefix("user:") ? String(name.dropFirst(5)) : nil
            return Who(name: name, person: email.map { email in users.first { $0.email == email }?.name ?? email })
        }
        return PaymentReceiptData(
            payment: payment, customer: customer,
            settled: rows.map { row in Settled(allocation: row, invoice: invoices.first { $0.id == row.$invoice.id }) },
            recordedBy: actor("payment.recorded"), reversedBy: actor("payment.reversed"))
    }
}
