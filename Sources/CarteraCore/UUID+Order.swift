import Foundation

extension UUID {
    /// A stable order for ties (the same as comparing `uuidString`s, which are the bytes in hex),
    /// without formatting two strings per comparison: sorting a hundred thousand customers that way
    /// was a tenth of the day's dunning run.
    public func precedes(_ other: UUID) -> Bool {
        let (a, b) = (halves, other.halves)
        return a.high != b.high ? a.high < b.high : a.low < b.low
    }

    private var halves: (high: UInt64, low: UInt64) {
        withUnsafeBytes(of: uuid) { raw in
            (
                UInt64(bigEndian: raw.loadUnaligned(as: UInt64.self)),
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            )
        }
    }
}
