/// Locale formatting written out by hand: Foundation's NumberFormatter differs between platforms,
/// and an invoice must read the same everywhere.
extension Money {
    struct LocaleStyle {
        let grouping: Character
        let decimal: Character
        /// "$ 1.234" (es-CO) vs "$1.234" (es-CL).
        let spaceAfterSymbol: Bool
        /// es-ES writes "1.234,56 €".
        let symbolAfter: Bool
        let usesLatinAmericanDollarSign: Bool
    }

    /// Unknown identifiers are written the en-US way, as they always were.
    static func style(for locale: String) -> LocaleStyle {
        (SupportedLocale(identifier: locale) ?? .enUS).moneyStyle
    }

    /// es-CO "$ 1.234.567,89", es-CL "$1.234.567", es-MX "$1,234,567.89", es-ES "1.234.567,89 €",
    /// en-US "$1,234,567.89". Where "$" means pesos, US dollars are written "US$".
    public func formatted(locale: String) -> String {
        formatted(in: Self.style(for: locale))
    }

    public func formatted(locale: SupportedLocale) -> String {
        formatted(in: locale.moneyStyle)
    }

    private func formatted(in style: LocaleStyle) -> String {
        let (major, minor) = magnitudeParts
        let grouped = groupedInThousands(major, separator: style.grouping)
        let number = minor.isEmpty ? grouped : "\(grouped)\(style.decimal)\(minor)"
        let sign = minorUnits < 0 ? "-" : ""
        let symbol = symbol(in: style)
        if style.symbolAfter {
            return "\(sign)\(number) \(symbol)"
        }
        let separator = style.spaceAfterSymbol || symbol.count == 3 && symbol.allSatisfy(\.isLetter) ? " " : ""
        return "\(sign)\(symbol)\(separator)\(number)"
    }

    func symbol(in style: LocaleStyle) -> String {
        switch currency.code {
        case "USD" where style.usesLatinAmericanDollarSign: "US$"
        case "USD", "COP", "CLP", "MXN", "ARS": style.symbolAfter ? currency.code : "$"
        case "EUR": "€"
        default: currency.code
        }
    }
}
