import CarteraCore
import Fluent

/// Keeps a customer's search columns in step with its name and tax id on every create and save,
/// whoever saves it (the customer service, an import, the demo), so the search box never misses
/// a customer because one path forgot to fill them.
struct CustomerSearchFields: AsyncModelMiddleware {
    func create(model: Customer, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        fill(model)
        try await next.create(model, on: db)
    }

    func update(model: Customer, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        fill(model)
        try await next.update(model, on: db)
    }

    private func fill(_ customer: Customer) {
        let name = SearchText.name(customer.$legalName.value ?? "")
        let taxID = SearchText.compact(customer.$taxID.value.flatMap { $0 } ?? "")
        // Set only what changed, so an unrelated save does not rewrite the name's index entry.
        if customer.$searchName.value != name { customer.searchName = name }
        if customer.$searchTaxID.value != taxID { customer.searchTaxID = taxID }
    }
}
