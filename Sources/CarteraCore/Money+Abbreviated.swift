/// Short amounts for chart axes and labels, the local way: es-CO "$ 1,2 M", "$ 350 mil", "$ 2,5 mil M";
/// en-US "$1.2M", "$350K", "$2.5B". One decimal at most, rounded half up; small amounts in whole units.
extension Money {
    public func abbreviated(locale: SupportedLocale) -> String {
        let style = locale.moneyStyle
        let major = minorUnits.magnitude / UInt64(currency.minorUnitsPerMajor)
        let spanish = locale.language == .es
        let scales: [(UInt64, String)] =
            spanish
            ? [(1_000_000_000, " mil M"), (1_000_000, " M"), (1_000, " mil")]
            : [(1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K")]
        var number = Self.grouped(major, style.grouping)
        for (scale, suffix) in scales where major >= scale {
            // tenths of the scale, rounded half up: 1_250_000 → 13 tenths of a million → "1,3"
            let tenths = (major * 10 + scale / 2) / scale
            let fraction = tenths % 10
            number = Self.grouped(tenths / 10, style.grouping) + (fraction == 0 ? "" : "\(style.decimal)\(fraction)")
            number += suffix
            break
        }
        let sign = minorUnits < 0 ? "-" : ""
        let symbol = symbol(in: style)
        if style.symbolAfter { return "\(sign)\(number) \(symbol)" }
        let separator = style.spaceAfterSymbol || symbol.count == 3 && symbol.allSatisfy(\.isLetter) ? " " : ""
        return "\(sign)\(symbol)\(separator)\(number)"
    }

    private static func grouped(_ value: UInt64, _ separator: Character) -> String {
        groupedInThousands(String(value), separator: separator)
    }
}
