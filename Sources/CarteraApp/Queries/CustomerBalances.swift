import CarteraCore
import Fluent
import Foundation

/// What a list of customers owes, for the lists that show a balance next to each name (customers,
/// search): the open invoices of just those customers, summed per currency.
enum CustomerBalances {
    static func owed(_ ids: [UUID], in context: ServiceContext) async throws -> [UUID: [Money]] {
        guard !ids.isEmpty else { return [:] }
        let open = try await Invoice.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$customer.$id ~~ ids).owed().all()
        return try Dictionary(grouping: open, by: \.$customer.id).mapValues { invoices in
            try Dictionary(grouping: invoices, by: \.currency).map { code, invoices in
                Money(minorUnits: invoices.saturatingSum(\.balanceMinor), currency: try Currency(code: code))
            }.sorted { $0.currency.code < $1.currency.code }
        }
    }
}
