/// Sums of minor units that cannot trap. Every supplied amount is bounded (`Money.limit`), but a
/// ledger holds any number of them, so a sum is either checked (figures people read or are sent:
/// it throws "amount_too_large") or saturating (ranking and scoring, where only the order counts).
extension Sequence {
    public func checkedSum(_ value: (Element) throws -> Int64) throws -> Int64 {
        try reduce(Int64(0)) { total, element in try total.checkedAdding(value(element)) }
    }

    public func saturatingSum(_ value: (Element) throws -> Int64) rethrows -> Int64 {
        try reduce(Int64(0)) { total, element in total.saturatingAdding(try value(element)) }
    }
}

extension Int64 {
    public func checkedAdding(_ other: Int64) throws -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard !overflow else { throw Money.tooLarge() }
        return sum
    }

    public func checkedSubtracting(_ other: Int64) throws -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard !overflow else { throw Money.tooLarge() }
        return difference
    }

    /// Held at Int64.max / Int64.min instead of wrapping or trapping.
    public func saturatingAdding(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
