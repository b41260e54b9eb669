import CarteraCore

/// Percentages and decimals that are not money, with the page's decimal mark: "73,74 %" in
/// Spanish, "73.74 %" in English (tenths of days: `tenths` in PageFormat+Charts).
extension PageFormat {

    /// 7374 → "73,74 %"; whole percentages without decimals: 5000 → "50 %".
    func percent(basisPoints: Int) -> String { localized(BasisPoints.rateText(basisPoints)) + " %" }

    /// Always two decimals: 9250 → "92,50 %".
    func fixedPercent(basisPoints: Int) -> String { localized(BasisPoints.fixedText(basisPoints)) + " %" }

    /// A decimal written with a dot ("52.3", "1.5") in the page's mark.
    func localized(_ dotted: String) -> String {
        decimalMark == "." ? dotted : dotted.replacingOccurrences(of: ".", with: String(decimalMark))
    }
}
