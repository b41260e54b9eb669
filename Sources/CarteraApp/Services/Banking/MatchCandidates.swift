import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The open invoices a batch of bank lines can reach, fetched through indexes instead of reading
/// every owed invoice of the organisation: a few statements per batch, not per line.
///
/// 1. By number: the compact keys the lines could name an invoice by
///    (`PaymentMatcher.referenceKeys`) against `idx_invoices_org_number_key`. That index holds
///    `codeKey(number)` (lowercase, without spaces, dashes, dots, slashes), which equals the
///    matcher's compact form for any number made of ASCII letters, digits and those separators.
///    Numbers with any other character are few and are all read through the partial index
///    `idx_invoices_org_unusual_number`, so every number the matcher could find is fetched.
/// 2. By customer: the open invoices of every customer a line points at (`followUps`), through
///    `idx_invoices_customer`.
/// 3. By amount: the open invoices owing exactly the amount of a line that may be matched by amount
///    alone, through `idx_invoices_org_owed_balance`.
///
/// Customers are all read (their names, tax ids, accounts and references: recognising a payer needs
/// them, and there are far fewer customers than invoices). Why the proposals equal those over the
/// whole ledger is told rule by rule in `PaymentMatcher+Candidates`.
enum MatchCandidates {
    /// Binds per statement: well under SQLite's 32,766 and PostgreSQL's 65,535.
    static let chunkSize = 5_000

    static func matcher(for lines: [BankStatementLine], in context: ServiceContext) async throws -> PaymentMatcher {
        let customers = try await Self.customers(in: context)
        let keys = PaymentMatcher.referenceKeys(in: lines).compactMap(codeKey)
        var named: [MatchableInvoice] = []
        for chunk in Array(keys).chunks(of: chunkSize) {
            named += try await invoices(where: "\(Dialect.codeKey("number")) IN (\(binds: chunk))", in: context)
        }
        named += try await invoices(
            from: try context.db.dialect.invoices("i", through: "idx_invoices_org_unusual_number"),
            where: unusualNumber(context.db.dialect), in: context)
        let first = PaymentMatcher(invoices: named, customers: customers)
        let needs = first.followUps(for: lines)
        var more: [MatchableInvoice] = []
        for chunk in Array(needs.customerIDs).chunks(of: chunkSize) {
            more += try await invoices(
                from: try context.db.dialect.invoicesByCustomer("i"), where: "customer_id IN (\(binds: chunk))",
                in: context)
        }
        for chunk in Array(Set(needs.amounts.map(\.minorUnits))).chunks(of: chunkSize) {
            more += try await invoices(where: "balance_minor IN (\(binds: chunk))", in: context)
        }
        return first.including(more)
    }

    /// Every owed invoice and every customer: what matching read before candidates, kept to check
    /// that the candidates give the same proposals.
    static func fullMatcher(in context: ServiceContext) async throws -> PaymentMatcher {
        PaymentMatcher(
            invoices: try await invoices(where: "1 = 1", in: context), customers: try await customers(in: context))
    }

    /// The matcher's compact key as `codeKey` spells it, or nil when it has characters no
    /// ordinary number has (such numbers are read by `unusualNumber`).
    static func codeKey(_ key: String) -> String? {
        guard key.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        return key.lowercased()
    }

    /// Numbers with a character other than ASCII letters, digits, space, dash, dot or slash: their
    /// `codeKey` may differ from the matcher's compact form. Spelled as the partial index is.
    static func unusualNumber(_ dialect: Dialect) -> SQLQueryString {
        switch dialect {
        case .sqlite: "number GLOB '*[^A-Za-z0-9 ./-]*'"
        case .postgresql: "number ~ '[^A-Za-z0-9 ./-]'"
        }
    }

    private static func invoices(
        from table: SQLQueryString = "invoices i", where condition: SQLQueryString, in context: ServiceContext
    ) async throws -> [MatchableInvoice] {
        struct Row: Decodable {
            let id: UUID
            let customer_id: UUID
            let number: String
            let currency: String
            let balance_minor: Int64
            let due_date: String
        }
        // `+balance_minor`: a range on the balance would lead both planners to read every owed invoice
        // through the balance index instead of the index the condition names.
        let rows = try await context.db.sql.raw(
            """
            SELECT id, customer_id, number, currency, balance_minor, due_date FROM \(table)
            WHERE organisation_id = \(bind: context.organisationID) AND status IN (\(SQLOwed.list))
            AND +balance_minor > 0 AND \(condition)
            """
        ).all(decoding: Row.self)
        var currencies: [String: Currency] = [:]
        return try rows.map { row in
            let currency = try currencies[row.currency] ?? Currency(code: row.currency)
            currencies[row.currency] = currency
            return MatchableInvoice(
                id: row.id, customerID: row.customer_id, number: row.number, paymentReference: nil,
                balance: Money(minorUnits: row.balance_minor, currency: currency),
                dueDate: try LocalDate(iso: row.due_date))
        }
    }

    private static func customers(in context: ServiceContext) async throws -> [MatchableCustomer] {
        struct Row: Decodable {
            let id: UUID
            let legal_name: String
            let tax_id: String?
            let bank_accounts: String
            let payment_reference: String?
        }
        return try await context.db.sql.raw(
            """
            SELECT id, legal_name, tax_id, bank_accounts, payment_reference FROM customers WHERE organisation_id = \(bind: context.organisationID)
            """
        ).all(decoding: Row.self).map {
            MatchableCustomer(
                id: $0.id, name: $0.legal_name, taxID: $0.tax_id,
                bankAccounts: StoredList<String>.decode($0.bank_accounts), paymentReference: $0.payment_reference)
        }
    }
}
