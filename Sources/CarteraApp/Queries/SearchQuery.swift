import CarteraCore
import Fluent
import Foundation
import SQLKit

/// What the search box finds for a typed text, every lookup through an index: customers by name
/// (accents, case and a letter off forgiven), by tax id (with or without check digit and
/// punctuation) or payment reference; invoices by number and payments by reference, by the start
/// of their `codeKey` ("fe1038" finds FE-10382).
struct SearchQuery {
    struct Results: Sendable {
        var customers: [Customer] = []
        var invoices: [Invoice] = []
        var payments: [Payment] = []
        /// The customers of the invoices and payments found, by id.
        var owners: [UUID: Customer] = [:]

        var isEmpty: Bool { customers.isEmpty && invoices.isEmpty && payments.isEmpty }
    }

    let context: ServiceContext
    /// Name candidates read from the index before ranking; more than anyone reads in one list.
    static let candidateLimit = 500
    /// Below this many names containing the typed words, names a letter off are looked for too.
    static let fewExactMatches = 10

    func results(_ text: String, limit: Int = 20) async throws -> Results {
        var results = Results()
        let ids = try await customerIDs(text)
        results.customers = Array(try await customers(ids.prefix(limit)))
        let key = SearchText.codeKey(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if key.count >= 2 {
            results.invoices = try await Invoice.query(on: context.db)
                .filter(\.$id ~~ codeMatches(key, table: Invoice.schema, column: "number", limit: limit))
                .sort(\.$number).all()
            results.payments = try await Payment.query(on: context.db)
                .filter(\.$id ~~ codeMatches(key, table: Payment.schema, column: "reference", limit: limit))
                .sort(\.$receivedOn, .descending).all()
        }
        let owners = Set(results.invoices.map(\.$customer.id) + results.payments.map(\.$customer.id))
        results.owners = Dictionary(
            uniqueKeysWithValues: try await customers(Array(owners)).map { (try $0.requireID(), $0) })
        return results
    }

    /// The organisation's customers matching `text`, best first: tax id and payment reference
    /// matches, then names by how well every typed word matches (`SearchText.score`).
    func customerIDs(_ text: String) async throws -> [UUID] {
        let words = SearchText.words(text)
        guard !words.isEmpty else { return [] }
        let sql = try context.db.sql
        let dialect = try context.db.dialect
        var exact: [UUID] = []
        if let keys = SearchText.taxIDKeys(text) {
            struct Row: Decodable { let id: UUID }
            var query: SQLQueryString = """
                SELECT id FROM customers WHERE organisation_id = \(bind: context.organisationID)
                AND ((search_tax_id >= \(bind: keys.prefix) AND search_tax_id < \(bind: Self.after(keys.prefix)))
                """
            if let short = keys.withoutCheckDigit { query = query + " OR search_tax_id = \(bind: short)" }
            query = query + ") LIMIT \(literal: Self.candidateLimit)"
            exact = try await sql.raw(query).all(decoding: Row.self).map(\.id)
        }
        let reference = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        exact += try await Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$paymentReference == reference).all(\.$id)

        let pieces = words.filter { $0.count >= 3 }
        var named = try await dialect.customersContaining(
            pieces, organisationID: context.organisationID, limit: Self.candidateLimit, on: sql)
        if named.count < Self.fewExactMatches, pieces.contains(where: { $0.count >= 4 }) {
            named += try await dialect.customersResembling(
                pieces, organisationID: context.organisationID, limit: Self.candidateLimit, on: context.db)
        }
        let found = try await customers(Array(Set(named)))
        let ranked =
            found
            .compactMap { customer in SearchText.score(words, name: customer.searchName).map { (customer, $0) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.legalName < $1.0.legalName }
        var seen = Set<UUID>()
        return (exact + (try ranked.map { try $0.0.requireID() })).filter { seen.insert($0).inserted }
    }

    /// The organisation's customers with these ids, in the order of `ids`.
    private func customers(_ ids: some Collection<UUID>) async throws -> [Customer] {
        guard !ids.isEmpty else { return [] }
        let rows = try await Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$id ~~ Array(ids)).all()
        let byID = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.requireID(), $0) })
        return ids.compactMap { byID[$0] }
    }

    /// Ids of the rows of `table` whose `column` starts with `key` in `codeKey` form, read by the
    /// index on that expression.
    private func codeMatches(_ key: String, table: String, column: String, limit: Int) async throws -> [UUID] {
        struct Row: Decodable { let id: UUID }
        let expression = Dialect.codeKey(column)
        return try await context.db.sql.raw(
            """
            SELECT id FROM \(ident: table) WHERE organisation_id = \(bind: context.organisationID)
            AND \(expression) >= \(bind: key) AND \(expression) < \(bind: Self.after(key))
            ORDER BY \(expression) LIMIT \(literal: limit)
            """
        ).all(decoding: Row.self).map(\.id)
    }

    /// The first text after every text that starts with `prefix`: its last character one higher.
    static func after(_ prefix: String) -> String {
        var scalars = Array(prefix.unicodeScalars)
        guard let last = scalars.popLast(), let next = Unicode.Scalar(last.value + 1) else {
            return prefix + "\u{10FFFF}"
        }
        scalars.append(next)
        return String(String.UnicodeScalarView(scalars))
    }
}
