extension Money {
    /// Splits into n parts that add up exactly; the leftover minor units go to the first parts.
    public func split(into n: Int) -> [Money] {
        precondition(n >= 1, "split needs at least one part")
        return allocate(weights: Array(repeating: 1, count: n))
    }

    /// Allocates in proportion to non-negative weights by the largest-remainder method, so the parts
    /// always sum to the amount; ties go to the earlier index. Negative amounts mirror positive ones.
    public func allocate(weights: [Int64]) -> [Money] {
        precondition(!weights.isEmpty && weights.allSatisfy { $0 >= 0 }, "weights must be non-negative")
        let totalWeight = weights.reduce(0, +)
        precondition(totalWeight > 0, "weights must not all be zero")
        let magnitude = minorUnits.magnitude
        // 128-bit intermediate products so large amounts and weights cannot overflow.
        var shares: [UInt64] = []
        var remainders: [(index: Int, remainder: UInt64)] = []
        for (index, weight) in weights.enumerated() {
            let (high, low) = magnitude.multipliedFullWidth(by: UInt64(weight))
            let (quotient, remainder) = UInt64(totalWeight).dividingFullWidth((high, low))
            shares.append(quotient)
            remainders.append((index, remainder))
        }
        var leftover = magnitude - shares.reduce(0, +)
        for entry in remainders.sorted(by: {
            $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index
        }) where leftover > 0 {
            guard weights[entry.index] > 0 else { continue }
            shares[entry.index] += 1
            leftover -= 1
        }
        // A share is at most the magnitude, so it fits; the bit pattern covers a share of Int64.min.
        return shares.map {
            Money(minorUnits: minorUnits < 0 ? Int64(bitPattern: 0 &- $0) : Int64($0), currency: currency)
        }
    }

    /// self × basisPoints / 10 000, rounded half-up (away from zero) to the minor unit: 200 bp = 2 %.
    /// Throws "amount_too_large" when the result leaves Int64 (only possible above 100 %).
    public func percentage(basisPoints: Int64) throws -> Money {
        let negative = (minorUnits < 0) != (basisPoints < 0)
        let (high, low) = minorUnits.magnitude.multipliedFullWidth(by: basisPoints.magnitude)
        guard high < 10_000 else { throw Money.tooLarge() }
        let (quotient, remainder) = UInt64(10_000).dividingFullWidth((high, low))
        let rounded = remainder * 2 >= 10_000 ? quotient + 1 : quotient
        guard rounded <= UInt64(Int64.max) else { throw Money.tooLarge() }
        return Money(minorUnits: negative ? -Int64(rounded) : Int64(rounded), currency: currency)
    }
}
