import CarteraCore
import Fluent
import Foundation
import SQLKit

/// What the rules that choose a policy look at, for many customers at once (`PolicySelector.Customer`):
/// owed balances and the oldest due date in one read of the owed invoices, and — only when a rule asks
/// for them — the risk levels (`RiskQuery`, set-based) and the tags.
enum PolicySelectorQuery {
    /// Past this many customers the reads cover the whole organisation instead of binding the ids.
    static let boundIDs = 2_000

    static func profiles(
        for customerIDs: [UUID], settings: DunningSettings, on date: LocalDate, in context: ServiceContext
    ) async throws -> [UUID: PolicySelector.Customer] {
        guard !settings.selectionRules.isEmpty, !customerIDs.isEmpty else { return [:] }
        let ids = Array(Set(customerIDs))
        let bound = ids.count <= boundIDs ? ids : nil
        struct Row: Decodable {
            let customer_id: UUID
            let currency: String
            let balance_minor: Int64
            let due_date: String
        }
        var scope: SQLQueryString = "organisation_id = \(bind: context.organisationID)"
        if let bound { scope += " AND customer_id IN (\(binds: bound))" }
        let rows = try await context.db.sql.raw(
            """
            SELECT customer_id, currency, balance_minor, due_date
            FROM \(bound == nil ? "invoices i" : try context.db.dialect.invoicesByCustomer("i"))
            WHERE \(scope) AND status IN (\(SQLOwed.list))
            """
        ).all(decoding: Row.self)
        let organisation = context.organisation
        let base = try Currency(code: organisation.defaultCurrency)
        let rates = try? ReferenceRates(base: base, text: organisation.referenceRates)
        var balance: [UUID: Int64] = [:]
        var oldest: [UUID: LocalDate] = [:]
        for row in rows {
            guard let currency = try? Currency(code: row.currency) else { continue }
            let amount = Money(minorUnits: row.balance_minor, currency: currency)
            // A currency without a reference rate is left out of the total (see `ReferenceRates`).
            if let converted = currency == base ? amount : rates?.convert(amount) {
                let (sum, overflow) = balance[row.customer_id, default: 0].addingReportingOverflow(converted.minorUnits)
                balance[row.customer_id] = overflow ? Money.limit : min(sum, Money.limit)
            }
            if let due = try? LocalDate(iso: row.due_date), oldest[row.customer_id].map({ due < $0 }) ?? true {
                oldest[row.customer_id] = due
            }
        }
        let risks =
            settings.rulesUseRisk
            ? try await RiskQuery.assessments(
                organisationID: context.organisationID, customerIDs: bound, asOf: date, on: context.db) : [:]
        var tags: [UUID: [String]] = [:]
        if settings.rulesUseTags {
            var query = Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
            if let bound { query = query.filter(\.$id ~~ bound) }
            for customer in try await query.field(\.$id).field(\.$tags).all() {
                if let id = customer.id { tags[id] = customer.tags }
            }
        }
        var profiles: [UUID: PolicySelector.Customer] = [:]
        for id in ids {
            profiles[id] = PolicySelector.Customer(
                riskLevel: (risks[id] ?? RiskQuery.noHistory).level, totalBalance: balance[id] ?? 0,
                tags: tags[id] ?? [], daysOverdue: oldest[id].map { max(0, $0.days(until: date)) } ?? 0)
        }
        return profiles
    }
}
