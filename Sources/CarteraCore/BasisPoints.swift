import Foundation

/// Basis points (1 050 = 10.50 %) written as a percentage number, without the sign: the one
/// spelling the API, the pages and the commands share.
public enum BasisPoints {
    /// "10" for a whole percentage, else two decimals ("10.50"): rates and shares in settings and texts.
    public static func rateText(_ basisPoints: Int) -> String {
        basisPoints % 100 == 0 ? String(basisPoints / 100) : fixedText(basisPoints)
    }

    /// Always two decimals ("92.50"): scores and measured shares.
    public static func fixedText(_ basisPoints: Int) -> String {
        String(format: "%d.%02d", basisPoints / 100, basisPoints % 100)
    }
}
