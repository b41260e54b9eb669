/// The regional formats an organisation can choose. Stored as its identifier ("es-CO") in
/// `organisations.locale`; it decides the language messages default to and how amounts are written.
public enum SupportedLocale: String, CaseIterable, Sendable, Codable {
    case esCO = "es-CO"
    case esCL = "es-CL"
    case esMX = "es-MX"
    case esES = "es-ES"
    case enUS = "en-US"

    /// The languages Cartera writes in.
    public enum Language: String, CaseIterable, Sendable, Codable {
        case es, en

        /// The format for amounts written in this language when the organisation's own is in another:
        /// an English-speaking customer of a Colombian company reads US conventions.
        public var defaultLocale: SupportedLocale {
            switch self {
            case .es: .esCO
            case .en: .enUS
            }
        }
    }

    /// Any letter case, and a bare language ("es", "en") for its default region, as amounts were
    /// always formatted. Validation of what is stored uses `init(rawValue:)`, which is exact.
    public init?(identifier: String) {
        let lowered = identifier.lowercased()
        if let exact = Self.allCases.first(where: { $0.rawValue.lowercased() == lowered }) {
            self = exact
        } else if let language = Language(rawValue: lowered) {
            self = language.defaultLocale
        } else {
            return nil
        }
    }

    public var identifier: String { rawValue }

    /// "es-CO, es-CL, es-MX, es-ES, en-US": what an error message lists as allowed.
    public static var identifiers: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public var language: Language {
        switch self {
        case .esCO, .esCL, .esMX, .esES: .es
        case .enUS: .en
        }
    }

    /// The mark between whole and fraction: "1.500.000,50" (",") or "1,500,000.50" (".").
    public var decimalMark: Character { moneyStyle.decimal }

    /// The mark between thousands: "." or ",".
    public var groupingMark: Character { moneyStyle.grouping }

    /// How amounts are written; see `Money.formatted(locale:)`.
    var moneyStyle: Money.LocaleStyle {
        switch self {
        case .esCO:
            .init(
                grouping: ".", decimal: ",", spaceAfterSymbol: true, symbolAfter: false,
                usesLatinAmericanDollarSign: true)
        case .esCL:
            .init(
                grouping: ".", decimal: ",", spaceAfterSymbol: false, symbolAfter: false,
                usesLatinAmericanDollarSign: true)
        case .esMX:
            .init(
                grouping: ",", decimal: ".", spaceAfterSymbol: false, symbolAfter: false,
                usesLatinAmericanDollarSign: true)
        case .esES:
            .init(
                grouping: ".", decimal: ",", spaceAfterSymbol: true, symbolAfter: true,
                usesLatinAmericanDollarSign: false)
        case .enUS:
            .init(
                grouping: ",", decimal: ".", spaceAfterSymbol: false, symbolAfter: false,
                usesLatinAmericanDollarSign: false)
        }
    }
}
