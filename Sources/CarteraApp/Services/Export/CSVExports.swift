import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The organisation's data as CSV in the generic layout (`ImportKind.exportHeader`), which
/// `cartera import --preset generic` reads back. Customers are named by their external code, or by
/// their Cartera id when they have none, so invoices re-import onto the right customer.
/// Built in memory: fine for hundreds of thousands of rows; stream it if that stops being true.
enum CSVExports {
    private static let writer = CSVWriter()

    static func customers(in context: ServiceContext) async throws -> String {
        let customers = try await Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .sort(\.$legalName).all()
        let contacts = try await reachableContacts(context)
        var rows = [ImportKind.customers.exportHeader]
        for customer in customers {
            let id = try customer.requireID()
            let currency = try Currency(code: customer.currency)
            rows.append(
                ImportKind.customers.exportRow([
                    .customerCode: code(customer), .customerName: customer.legalName, .taxID: customer.taxID ?? "",
                    .email: contacts[id]?.email ?? "", .phone: contacts[id]?.phone ?? "", .currency: customer.currency,
                    .creditLimit: customer.creditLimitMinor.map {
                        Money(minorUnits: $0, currency: currency).decimalString
                    } ?? "",
                    .paymentTerms: customer.paymentTerms,
                ]))
        }
        return writer.document(rows)
    }

    /// Issued invoices (not drafts, not void), paid ones included with an open balance of 0.
    static func invoices(in context: ServiceContext) async throws -> String {
        struct Row: Decodable {
            let customer_id: UUID
            let number: String
            let issue_date: String
            let due_date: String
            let total_minor: Int64
            let balance_minor: Int64
            let currency: String
            let external_reference: String?
        }
        let names = try await customerNames(context)
        let invoices = try await context.db.sql.raw(
            """
            SELECT customer_id, number, issue_date, due_date, total_minor, balance_minor, currency, external_reference FROM invoices
            WHERE organisation_id = \(bind: context.organisationID) AND status NOT IN ('draft', 'void') ORDER BY issue_date, number
            """
        ).all(decoding: Row.self)
        var rows = [ImportKind.invoices.exportHeader]
        rows.reserveCapacity(invoices.count + 1)
        for invoice in invoices {
            let currency = try Currency(code: invoice.currency)
            rows.append(
                ImportKind.invoices.exportRow([
                    .customerCode: names[invoice.customer_id]?.code ?? "",
                    .customerName: names[invoice.customer_id]?.name ?? "",
                    .invoiceNumber: invoice.number, .issueDate: invoice.issue_date, .dueDate: invoice.due_date,
                    .amount: Money(minorUnits: invoice.total_minor, currency: currency).decimalString,
                    .openBalance: Money(minorUnits: invoice.balance_minor, currency: currency).decimalString,
                    .currency: invoice.currency, .reference: invoice.external_reference ?? "",
                ]))
        }
        return writer.document(rows)
    }

    /// One row per allocation of each payment (the invoice it paid), plus one for what stayed as
    /// credit. Reversed payments are left out.
    static func payments(in context: ServiceContext) async throws -> String {
        let names = try await customerNames(context)
        let payments = try await Payment.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$reversedOn == nil).sort(\.$receivedOn).all()
        let allocations = try await SettlementLedger.allocations(of: payments, on: context.db)
        let numbers = try await invoiceNumbers(context)
        var rows = [ImportKind.payments.exportHeader]
        for payment in payments {
            let currency = try Currency(code: payment.currency)
            let id = try payment.requireID()
            let customer = names[payment.$customer.id]
            func row(_ invoice: String, _ amount: Int64) -> [String] {
                ImportKind.payments.exportRow([
                    .customerCode: customer?.code ?? "", .customerName: customer?.name ?? "", .invoiceNumber: invoice,
                    .paidDate: payment.receivedOn, .amount: Money(minorUnits: amount, currency: currency).decimalString,
                    .currency: payment.currency, .reference: payment.reference ?? "",
                ])
            }
            for allocation in allocations[id] ?? [] {
                rows.append(row(numbers[allocation.$invoice.id] ?? "", allocation.amountMinor))
            }
            if payment.amountMinor > payment.allocatedMinor {
                rows.append(row("", payment.amountMinor - payment.allocatedMinor))
            }
        }
        return writer.document(rows)
    }

    /// Open balances per customer and currency in the aging buckets, as of today.
    static func aging(in context: ServiceContext) async throws -> String {
        struct Row: Decodable {
            let customer_id: UUID
            let currency: String
            let due_date: String
            let balance_minor: Int64
        }
        let names = try await customerNames(context)
        let open = try await context.db.sql.raw(
            """
            SELECT customer_id, currency, due_date, balance_minor FROM invoices
            WHERE organisation_id = \(bind: context.organisationID) AND status IN (\(SQLOwed.list))
            """
        ).all(decoding: Row.self)
        var reports: [String: (customer: UUID, report: AgingReport)] = [:]
        for invoice in open {
            let key = "\(names[invoice.customer_id]?.name ?? "")\u{0}\(invoice.customer_id)\u{0}\(invoice.currency)"
            var entry =
                try reports[key] ?? (
                    invoice.customer_id, AgingReport(asOf: context.today, currency: Currency(code: invoice.currency))
                )
            try entry.report.add(
                balance: Money(minorUnits: invoice.balance_minor, currency: entry.report.currency),
                dueDate: LocalDate(iso: invoice.due_date))
            reports[key] = entry
        }
        var rows = [
            [ImportField.customerCode.rawValue, ImportField.customerName.rawValue, ImportField.currency.rawValue]
                + AgingBucket.allCases.map(\.rawValue) + ["total"]
        ]
        for key in reports.keys.sorted() {
            let (customer, report) = reports[key]!
            rows.append(
                [names[customer]?.code ?? "", names[customer]?.name ?? "", report.currency.code]
                    + AgingBucket.allCases.map { (report.buckets[$0] ?? .zero(report.currency)).decimalString } + [
                        report.total.decimalString
                    ])
        }
        return writer.document(rows)
    }

    private static func code(_ customer: Customer) -> String {
        customer.externalCode ?? customer.id?.uuidString ?? ""
    }

    private static func customerNames(_ context: ServiceContext) async throws -> [UUID: (code: String, name: String)] {
        let customers = try await Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .all()
        return Dictionary(uniqueKeysWithValues: try customers.map { (try $0.requireID(), (code($0), $0.legalName)) })
    }

    private static func invoiceNumbers(_ context: ServiceContext) async throws -> [UUID: String] {
        struct Row: Decodable {
            let id: UUID
            let number: String
        }
        let rows = try await context.db.sql.raw(
            "SELECT id, number FROM invoices WHERE organisation_id = \(bind: context.organisationID)"
        )
        .all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.number) })
    }

    /// The contact each customer is written to: billing, else primary, else alternate.
    private static func reachableContacts(_ context: ServiceContext) async throws -> [UUID: Contact] {
        let contacts = try await Contact.query(on: context.db).join(
            Customer.self, on: \Contact.$customer.$id == \Customer.$id
        )
        .filter(Customer.self, \.$organisationID == context.organisationID).all()
        let rank: [ContactRole: Int] = [.billing: 0, .primary: 1, .alternate: 2]
        var best: [UUID: Contact] = [:]
        for contact in contacts where best[contact.$customer.id].map({ rank[contact.role]! < rank[$0.role]! }) ?? true {
            best[contact.$customer.id] = contact
        }
        return best
    }
}
