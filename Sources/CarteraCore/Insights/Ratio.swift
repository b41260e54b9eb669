/// Shares as integers: basis points (1 % = 100) and tenths, rounded half up on exact integers.
public enum Ratio {
    /// numerator / denominator × 10 000, rounded half away from zero; nil when the denominator is 0.
    public static func basisPoints(_ numerator: Int64, of denominator: Int64) -> Int? {
        scaled(numerator, denominator, by: 10_000)
    }

    /// numerator / denominator × scale, rounded half away from zero; nil when the denominator is 0
    /// or the result does not fit an Int (a ratio of absurd amounts is "no figure", never a trap).
    public static func scaled(_ numerator: Int64, _ denominator: Int64, by scale: Int64) -> Int? {
        divide(numerator, denominator, by: scale, roundingHalfUp: true)
    }

    /// numerator × scale / denominator truncated toward zero, as integer division does, in 128 bits;
    /// nil when the denominator is 0 or the result does not fit an Int. For chart heights and shares.
    public static func truncated(_ numerator: Int64, _ denominator: Int64, by scale: Int64) -> Int? {
        divide(numerator, denominator, by: scale, roundingHalfUp: false)
    }

    private static func divide(_ numerator: Int64, _ denominator: Int64, by scale: Int64, roundingHalfUp: Bool) -> Int?
    {
        guard denominator != 0 else { return nil }
        // On magnitudes: the quotient fits 64 bits only when the product's high word is below the divisor.
        let divisor = denominator.magnitude
        let product = numerator.magnitude.multipliedFullWidth(by: scale.magnitude)
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        let roundsUp = roundingHalfUp && remainder >= divisor - remainder
        guard quotient < UInt64(Int64.max) || (quotient == UInt64(Int64.max) && !roundsUp) else { return nil }
        let magnitude = Int(quotient + (roundsUp ? 1 : 0))
        let negative = ((numerator < 0) != (denominator < 0)) != (scale < 0)
        return negative ? -magnitude : magnitude
    }
}
