/// An ISO 4217 currency and the number of decimals its minor unit has.
public struct Currency: Hashable, Codable, Sendable, CustomStringConvertible {
    public let code: String
    public let minorUnitExponent: Int

    /// ISO 4217 minor-unit exponents for the currencies our users invoice in.
    static let exponents: [String: Int] = [
        "COP": 2, "CLP": 0, "MXN": 2, "USD": 2, "EUR": 2, "JPY": 0, "PEN": 2, "ARS": 2, "BRL": 2, "UYU": 2,
        "GBP": 2, "CAD": 2, "CHF": 2, "KRW": 0, "KWD": 3, "BHD": 3, "DOP": 2, "GTQ": 2, "CRC": 2, "BOB": 2,
        "PYG": 0, "VES": 2, "PAB": 2, "HNL": 2, "NIO": 2, "CNY": 2, "AUD": 2, "CLF": 4, "UYI": 0,
    ]

    public init(code: String) throws {
        let normalised = code.uppercased()
        guard let exponent = Self.exponents[normalised] else {
            throw DomainError(
                code: "unknown_currency", message: "\"\(code)\" is not a supported ISO 4217 currency code")
        }
        self.code = normalised
        minorUnitExponent = exponent
    }

    private init(known code: String) { try! self.init(code: code) }

    public static let cop = Currency(known: "COP")
    public static let clp = Currency(known: "CLP")
    public static let mxn = Currency(known: "MXN")
    public static let usd = Currency(known: "USD")
    public static let eur = Currency(known: "EUR")
    public static let jpy = Currency(known: "JPY")

    public var minorUnitsPerMajor: Int64 {
        (0..<minorUnitExponent).reduce(Int64(1)) { value, _ in value * 10 }
    }

    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        try self.init(code: code)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
