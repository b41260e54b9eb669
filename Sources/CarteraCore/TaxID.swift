/// A tax identification number as people type it, checked and kept in one canonical form:
/// Colombia's NIT and Chile's RUT with their check digit after a dash ("900123456-8", "76123456-K"),
/// México's RFC and Spain's NIF/NIE/CIF in capitals without separators ("GODE561231GR8", "B12345674").
/// Dots, dashes and spaces typed do not matter. A NIT typed without its check digit gets it computed;
/// any id typed with a wrong check digit is refused, naming the right one when there is one.
public struct TaxID: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// Colombia: 1 to 10 digits and a módulo 11 check digit (DIAN weights).
        case nit
        /// Chile: 1 to 8 digits and a módulo 11 check digit (0–9 or K).
        case rut
        /// México: 3 letters (companies) or 4 (people), the date YYMMDD and 3 characters of homoclave.
        case rfc
        /// Spain: DNI (8 digits and a letter), NIE (X, Y or Z, 7 digits and a letter) or CIF
        /// (a letter, 7 digits and a control digit or letter).
        case nif
        /// Anything else (a foreign customer's id): kept as typed, not checked.
        case other

        /// The kind an organisation's customers usually have, from its regional format.
        public static func usual(for locale: SupportedLocale) -> Kind {
            switch locale {
            case .esCO: .nit
            case .esCL: .rut
            case .esMX: .rfc
            case .esES: .nif
            case .enUS: .other
            }
        }
    }

    public let kind: Kind
    /// What is stored: see the type's description.
    public let canonical: String

    public var description: String { canonical }

    /// Reads what was typed as an id of `kind`; throws a `DomainError` with code `invalid_tax_id`
    /// (the shape is wrong) or `wrong_check_digit` (the check digit or letter does not match).
    public init(_ typed: String, kind: Kind) throws {
        self.kind = kind
        let trimmed = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .other:
            guard !trimmed.isEmpty, trimmed.count <= 50 else { throw Self.invalid(kind, typed) }
            canonical = trimmed
        case .nit: canonical = try Self.nit(trimmed)
        case .rut: canonical = try Self.rut(trimmed)
        case .rfc: canonical = try Self.rfc(trimmed)
        case .nif: canonical = try Self.nif(trimmed)
        }
    }

    /// The id written the way its country does: "900.123.456-8", "76.123.456-K", RFC and NIF as stored.
    public var formatted: String { Self.formatted(canonical) }

    /// A stored id in its local style, whatever its kind: numbers with a check digit after a dash
    /// get thousands dots ("900123456-8" → "900.123.456-8"); anything else is shown as stored.
    public static func formatted(_ stored: String) -> String {
        let parts = stored.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isPlainDigit), parts[1].count == 1,
            parts[1].allSatisfy({ $0.isPlainDigit || $0 == "K" })
        else { return stored }
        return groupedInThousands(parts[0], separator: ".") + "-" + parts[1]
    }

    /// Letters and digits only, uppercase: what the separators people type leave.
    static func compact(_ text: String) -> String {
        String(text.uppercased().filter { $0.isLetter || $0.isNumber || $0 == "&" })
    }

    static func invalid(_ kind: Kind, _ typed: String) -> DomainError {
        DomainError(
            code: "invalid_tax_id", field: "tax_id",
            message: "\"\(typed.prefix(60))\" is not a valid \(kind.rawValue.uppercased())")
    }

    static func wrongCheck(_ kind: Kind, _ typed: String, expected: String?) -> DomainError {
        let right = expected.map { "; the check digit should be \($0)" } ?? ""
        return DomainError(
            code: "wrong_check_digit", field: "tax_id",
            message: "The check digit of \(kind.rawValue.uppercased()) \(typed.prefix(60)) does not match\(right)")
    }
}

extension Character {
    var isPlainDigit: Bool { isASCII && isNumber }
}
