import CarteraCore
import Foundation

/// Turns raw request values into domain values, naming the field at fault when they are wrong.
/// Amounts travel as decimal strings ("1234.56") so no client ever has to use a float.
enum FieldParser {
    static func required<T>(_ value: T?, _ field: String) throws -> T {
        guard let value else { throw ServiceError.missing(field) }
        return value
    }

    static func text(_ value: String?, _ field: String, maxLength: Int = 500) throws -> String {
        let trimmed = try required(value, field).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ServiceError.invalid(field, "\(field) must not be empty") }
        guard trimmed.count <= maxLength else {
            throw ServiceError.invalid(field, "\(field) is longer than \(maxLength) characters")
        }
        return try SafeText.checked(trimmed, field)
    }

    static func optionalText(_ value: String?, _ field: String, maxLength: Int = 2000) throws -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maxLength else {
            throw ServiceError.invalid(field, "\(field) is longer than \(maxLength) characters")
        }
        guard !trimmed.isEmpty else { return nil }
        return try SafeText.checked(trimmed, field)
    }

    static func currency(_ value: String, _ field: String) throws -> Currency {
        do { return try Currency(code: value) } catch let error as DomainError {
            throw ServiceError(error, field: field)
        }
    }

    /// A calendar date as YYYY-MM-DD within 1900-01-01 … 2199-12-31 (`LocalDate.supportedYears`).
    static func date(_ value: String, _ field: String) throws -> LocalDate {
        do { return try LocalDate(iso: value) } catch let error as DomainError where error.code == "date_out_of_range" {
            throw ServiceError.invalid(
                field, code: "date_out_of_range",
                "\(field) must lie between 1900-01-01 and 2199-12-31, got \"\(value.prefix(40))\"")
        } catch {
            throw ServiceError.invalid(
                field, code: "invalid_date",
                "\(field) must be a calendar date as YYYY-MM-DD, got \"\(value.prefix(40))\"")
        }
    }

    /// A date computed from what was given (a due date from terms, an instalment, a follow-up):
    /// the same range, reported against the field that produced it.
    static func computedDate(_ compute: () throws -> LocalDate, _ field: String) throws -> LocalDate {
        do { return try compute() } catch let error as DomainError where error.code == "date_out_of_range" {
            throw ServiceError.invalid(
                field, code: "date_out_of_range", "\(field) gives a date outside 1900-01-01 … 2199-12-31")
        }
    }

    static func optionalDate(_ value: String?, _ field: String) throws -> LocalDate? {
        try value.map { try date($0, field) }
    }

    static func terms(_ value: String, _ field: String) throws -> PaymentTerms {
        do { return try PaymentTerms(code: value) } catch {
            throw ServiceError.invalid(
                field, code: "invalid_terms",
                "\(field) must be payment terms such as \"net30\", \"eom30\" or \"2/10 net30\", got \"\(value)\"")
        }
    }

    /// A decimal string in the currency's precision; `allowZero`/`allowNegative` narrow what is accepted.
    static func money(_ value: String, currency: Currency, _ field: String, allowZero: Bool = false) throws -> Money {
        let amount: Money
        do { amount = try Money(decimalString: value, currency: currency) } catch let error as DomainError {
            throw ServiceError(error.code, field: field, message: "\(field): \(error.message)")
        }
        if amount.isNegative {
            throw ServiceError.invalid(field, code: "negative_amount", "\(field) must not be negative")
        }
        if amount.isZero && !allowZero {
            throw ServiceError.invalid(field, code: "invalid_amount", "\(field) must be greater than zero")
        }
        return amount
    }

    /// A yearly percentage such as "24.5" (up to two decimals, 0–200), as basis points (2 450).
    static func percentage(_ value: String, _ field: String) throws -> Int {
        let parts = value.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        // At most three whole digits before the range check: "99999999999999999" must not overflow.
        guard (1...2).contains(parts.count), parts[0].count <= 3, let whole = Int(parts[0]), whole >= 0,
            parts[0].allSatisfy(\.isASCII),
            parts[0].allSatisfy(\.isNumber),
            parts.count == 1 || ((1...2).contains(parts[1].count) && parts[1].allSatisfy(\.isNumber))
        else {
            throw ServiceError.invalid(
                field, code: "invalid_rate", "\(field) must be a yearly percentage such as \"24.5\"")
        }
        let fraction = parts.count == 2 ? Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0
        let basisPoints = whole * 100 + fraction
        guard basisPoints <= 20_000 else {
            throw ServiceError.invalid(field, code: "invalid_rate", "\(field) must be at most 200 %")
        }
        return basisPoints
    }

    static func language(_ value: String, _ field: String) throws -> String {
        let language = value.lowercased()
        guard SupportedLocale.Language(rawValue: language) != nil else {
            throw ServiceError.invalid(field, "\(field) must be \"es\" or \"en\"")
        }
        return language
    }

    static func timeZone(_ value: String, _ field: String) throws -> TimeZone {
        guard let zone = TimeZone(identifier: value) else {
            throw ServiceError.invalid(field, "\(field) must be an IANA time zone such as America/Bogota")
        }
        return zone
    }

    static func enumValue<E: RawRepresentable & CaseIterable>(_ value: String, _ type: E.Type, _ field: String) throws
        -> E where E.RawValue == String
    {
        guard let parsed = E(rawValue: value) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw ServiceError.invalid(field, "\(field) must be one of: \(allowed)")
        }
        return parsed
    }
}

extension ServiceError {
    init(_ code: String, field: String, message: String) {
        self.init(.invalid, code: code, message: message, field: field)
    }
}
