import CarteraCore
import Vapor

/// GET /search?q= — what the search box in the top bar finds: customers, invoices, payments.
struct SearchPage {
    struct Context: Encodable {
        struct CustomerRow: Encodable {
            let url: String
            let name: String
            let taxId: String
            /// The collector and the currency: what tells apart customers of the same name.
            let details: String
            let balance: String
        }
        struct InvoiceRow: Encodable {
            let url: String
            let number: String
            let customer: String
            let customerURL: String
            let due: String
            let balance: String
            let status: String
        }
        struct PaymentRow: Encodable {
            let url: String
            let reference: String
            let customer: String
            let received: String
            let amount: String
            let method: String
        }
        struct Links: Encodable {
            let search = AppURL.search
            /// The customer list filtered by the same text, for more than the first results.
            let allCustomers: String
        }

        let q: String
        let searched: Bool
        let customers: [CustomerRow]
        let invoices: [InvoiceRow]
        let payments: [PaymentRow]
        let nothingFound: Bool
        let links: Links
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let data = try await SearchPageData.read((try? req.query.get(String.self, at: "q")) ?? "", in: context)
        return try await req.render(
            "search", title: "search.title", section: "search",
            try Context(data: data, format: context.pageFormat(language: req.pageLanguage)))
    }
}
