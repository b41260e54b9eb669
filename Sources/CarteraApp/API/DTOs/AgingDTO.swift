import CarteraCore
import Vapor

struct AgingDTO: Content {
    struct CurrencyAging: Content {
        let currency: String
        /// bucket name -> amount, every bucket present.
        let buckets: [String: String]
        let total: String
        let invoiceCount: Int

        init(_ report: AgingReport, invoiceCount: Int) {
            currency = report.currency.code
            buckets = report.wireBuckets
            total = report.total.decimalString
            self.invoiceCount = invoiceCount
        }
    }

    let asOf: String
    let currencies: [CurrencyAging]
}

/// Query string; URL decoding has no key conversion, hence the explicit keys.
struct AsOfQuery: Content {
    var asOf: String?
    enum CodingKeys: String, CodingKey { case asOf = "as_of" }
}
