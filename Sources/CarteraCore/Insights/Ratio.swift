/// Shares as integers: basis points (1 % = 100) and tenths, rounded half up on exact integers.
public enum Ratio {
    /// numerator / denominator × 10 000, rounded half away from zero; nil when the denominator is 0.
    public static func basisPoints(_ numerator: Int64, of denominator: Int64) -> Int? {
        scaled(numerator, denominator, by: 10_000)
    }

    /// numerator / denominator × scale, rounded half away from zero; nil when the denominator is 0.
    public static func scaled(_ numerator: Int64, _ denominator: Int64, by scale: Int64) -> Int? {
        guard denominator != 0 else { return nil }
        let product = numerator.multipliedFullWidth(by: scale)
        let (quotient, remainder) = denominator.dividingFullWidth(product)
        let roundsAway = remainder.magnitude * 2 >= denominator.magnitude
        let negative = (numerator < 0) != (denominator < 0)
        return Int(roundsAway ? quotient + (negative ? -1 : 1) : quotient)
    }
}
