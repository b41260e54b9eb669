import CarteraCore

extension AgingReport {
    /// Bucket name -> decimal amount, every bucket present: the wire shape of aging everywhere.
    var wireBuckets: [String: String] {
        Dictionary(
            uniqueKeysWithValues: AgingBucket.allCases.map {
                ($0.rawValue, (buckets[$0] ?? .zero(currency)).decimalString)
            })
    }
}
