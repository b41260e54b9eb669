import CarteraCore
import Fluent
import Foundation
import SQLKit

/// The organisation's customers (and, per kind, its invoice numbers or open invoices) as an import
/// looks them up, plus the customers the file itself brings. Loaded once per import: a few columns
/// per customer and per invoice, not models, so a million-row organisation still fits.
///
/// A row finds its customer by external code first, then by legal name compared without case,
/// accents or repeated spaces. A name match whose customer carries another code is another customer.
struct ImportDirectory: Sendable {
    struct NewCustomer: Sendable {
        let id: UUID
        let name: String
        let code: String?
        var taxID: String?
        var email: String?
        var phone: String?
        var currency: String
        var creditLimitMinor: Int64?
        var paymentTerms: String
        /// Set when registered: unique in the organisation.
        var paymentReference = ""
    }

    struct InvoiceRef: Sendable {
        let id: UUID
        let customerID: UUID
        let currency: String
        /// What is still owed, less what earlier rows of the file already pay.
        var balance: Int64
        let isOpen: Bool
    }

    private(set) var byCode: [String: UUID] = [:]
    private(set) var byName: [String: UUID] = [:]
    private var codes: [UUID: String] = [:]
    private(set) var newCustomers: [NewCustomer] = []
    /// Existing customers that the file gives an external code they did not have.
    private(set) var codeAssignments: [UUID: String] = [:]
    var invoiceNumbers: Set<String> = []
    /// Customers' payment references in use, so that new customers get references of their own.
    private(set) var paymentReferences: Set<String> = []
    /// Where new references come from (random; tests pass a sequence that repeats itself).
    var makeReference: @Sendable () -> String = PaymentReferences.newCustomerReference
    var invoices: [String: InvoiceRef] = [:]

    init(paymentReferences: Set<String> = []) {
        self.paymentReferences = paymentReferences
    }

    static func load(_ kind: ImportKind, organisationID: UUID, on db: any Database) async throws -> ImportDirectory {
        var directory = ImportDirectory()
        let sql = try db.sql
        struct CustomerRow: Decodable {
            let id: UUID
            let legal_name: String
            let external_code: String?
            let payment_reference: String?
        }
        let customers = try await sql.raw(
            """
            SELECT id, legal_name, external_code, payment_reference FROM customers WHERE organisation_id = \(bind: organisationID)
            """
        ).all(decoding: CustomerRow.self)
        for customer in customers {
            if let code = customer.external_code {
                directory.byCode[code] = customer.id
                directory.codes[customer.id] = code
            }
            directory.byName[Self.key(customer.legal_name)] =
                directory.byName[Self.key(customer.legal_name)] ?? customer.id
            if let reference = customer.payment_reference { directory.paymentReferences.insert(reference) }
        }
        switch kind {
        case .invoices:
            struct Row: Decodable { let number: String }
            let rows = try await sql.raw("SELECT number FROM invoices WHERE organisation_id = \(bind: organisationID)")
                .all(decoding: Row.self)
            directory.invoiceNumbers = Set(rows.map(\.number))
        case .payments:
            struct Row: Decodable {
                let id: UUID
                let number: String
                let customer_id: UUID
                let currency: String
                let balance_minor: Int64
                let status: String
            }
            let rows = try await sql.raw(
                """
                SELECT id, number, customer_id, currency, balance_minor, status FROM invoices WHERE organisation_id = \(bind: organisationID)
                """
            ).all(decoding: Row.self)
            for row in rows {
                directory.invoices[row.number] = InvoiceRef(
                    id: row.id, customerID: row.customer_id, currency: row.currency, balance: row.balance_minor,
                    isOpen: InvoiceStatus(rawValue: row.status)?.isOwed ?? false)
            }
        case .customers, .contacts:
            break
        }
        return directory
    }

    /// The customer a row names, nil when nobody is known by its code or name.
    func customer(code: String?, name: String?) -> UUID? {
        if let code, let id = byCode[code] { return id }
        guard let name, let id = byName[Self.key(name)] else { return nil }
        if let code, let existing = codes[id], existing != code { return nil }
        return id
    }

    /// The customer of a customers-file row: found (and given the row's code when it had none), or
    /// new. Returns whether it was created.
    mutating func register(_ customer: NewCustomer) -> (id: UUID, created: Bool) {
        if let id = self.customer(code: customer.code, name: customer.name) {
            if let code = customer.code, codes[id] == nil {
                codes[id] = code
                byCode[code] = id
                if !newCustomers.contains(where: { $0.id == id }) { codeAssignments[id] = code }
            }
            return (id, false)
        }
        var customer = customer
        repeat {
            customer.paymentReference = makeReference()
        } while !paymentReferences.insert(customer.paymentReference).inserted
        newCustomers.append(customer)
        if let code = customer.code {
            byCode[code] = customer.id
            codes[customer.id] = code
        }
        byName[Self.key(customer.name)] = byName[Self.key(customer.name)] ?? customer.id
        return (customer.id, true)
    }

    /// Legal names compare without case, accents or repeated spaces.
    static func key(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
