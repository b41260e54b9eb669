import CarteraCore
import Fluent
import Foundation

enum StatementService {
    static func statement(for customer: Customer, asOf: LocalDate, in context: ServiceContext) async throws -> StatementDTO {
        let customerID = try customer.requireID()
        let invoices = try await Invoice.query(on: context.db)
            .filter(\.$customer.$id == customerID)
            .filter(\.$status ~~ [.open, .partiallyPaid])
            .sort(\.$dueDate).sort(\.$number)
            .all()
        let credit = try await unappliedCredit(customerID: customerID, on: context.db)
        let currencies = Set(invoices.map(\.currency)).union(credit.keys).sorted()

        let sections = try currencies.map { code -> StatementDTO.CurrencySection in
            let currency = try Currency(code: code)
            var report = AgingReport(asOf: asOf, currency: currency)
            var items: [StatementDTO.OpenItem] = []
            for invoice in invoices where invoice.currency == code {
                let due = try invoice.due
                try report.add(balance: try invoice.balance, dueDate: due)
                items.append(.init(invoiceId: try invoice.requireID(), number: invoice.number, issueDate: invoice.issueDate,
                                   dueDate: invoice.dueDate, total: try invoice.total.decimalString, balance: try invoice.balance.decimalString,
                                   daysPastDue: daysPastDue(dueDate: due, asOf: asOf),
                                   agingBucket: AgingBucket.bucket(dueDate: due, asOf: asOf).rawValue))
            }
            let unapplied = Money(minorUnits: credit[code] ?? 0, currency: currency)
            return .init(
                currency: code, openItems: items, openBalance: report.total.decimalString,
                unappliedCredit: unapplied.decimalString, netBalance: try report.total.subtracting(unapplied).decimalString,
                aging: report.wireBuckets)
        }
        return StatementDTO(customerId: customerID, legalName: customer.legalName, asOf: asOf.iso, currencies: sections)
    }

    /// Currency code -> minor units of payments and credit notes not yet applied.
    static func unappliedCredit(customerID: UUID, on db: any Database) async throws -> [String: Int64] {
        var credit: [String: Int64] = [:]
        for payment in try await Payment.query(on: db).filter(\.$customer.$id == customerID).all() {
            credit[payment.currency, default: 0] += payment.amountMinor - payment.allocatedMinor
        }
        for note in try await CreditNote.query(on: db).filter(\.$customer.$id == customerID).all() {
            credit[note.currency, default: 0] += note.amountMinor - note.allocatedMinor
        }
        return credit.filter { $0.value != 0 }
    }
}
