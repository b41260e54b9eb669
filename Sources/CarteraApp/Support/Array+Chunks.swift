/// Reads that bind a list of ids go in chunks: SQLite refuses a statement with more than 250,000
/// parameters (and PostgreSQL more than 65,535), and a dunning run or a day's pass can name more.
extension Array {
    /// The elements in consecutive chunks of at most `size` (at least 1), in order.
    func chunks(of size: Int) -> [[Element]] {
        let size = Swift.max(1, size)
        return stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

extension Collection {
    /// `Array(self).chunks(of:)`, for sets of ids.
    func chunks(of size: Int) -> [[Element]] { Array(self).chunks(of: size) }
}
