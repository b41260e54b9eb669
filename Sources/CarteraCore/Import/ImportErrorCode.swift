/// What is wrong with a row (or, at the header's line, with the file). `name` is the stable machine
/// code the app translates; `parameters` fill the message.
public enum ImportErrorCode: Hashable, Codable, Sendable {
    case emptyFile
    /// No line among the first 50 names two known columns.
    case headerNotFound
    case missingColumn(ImportField)
    /// A quoted field opened on this line never closes; nothing after it can be read.
    case unclosedQuote
    /// A cell, a row or a row's column count past `CSVLimits`; nothing after it is read.
    case fieldTooLong(maximumKiB: Int)
    case rowTooLong(maximumMiB: Int)
    case tooManyFields(maximum: Int)
    /// A line break, NUL, tab or bidirectional control in a cell (`SafeText`); `value` is its code point.
    case controlCharacter(String)
    case wrongFieldCount(expected: Int, found: Int)
    case missingValue
    case badDate(String)
    /// "05/06/2026" in a file that never shows its day/month order, with no locale chosen.
    case ambiguousDate(String)
    case badNumber(String)
    /// "1.234" in a file that never shows its decimal mark, with no locale chosen.
    case ambiguousNumber(String)
    case tooManyDecimals(String, allowed: Int)
    /// More than `Money.limit` minor units either way.
    case amountTooLarge(String)
    case negativeAmount
    case zeroAmount
    case balanceExceedsAmount
    case unknownCurrency(String)
    case dueBeforeIssue
    case duplicateInvoiceNumber(firstLine: Int)
    case duplicateCustomerCode(firstLine: Int)
    case badEmail(String)
    case badPaymentTerms(String)

    public var name: String {
        switch self {
        case .emptyFile: "empty_file"
        case .headerNotFound: "header_not_found"
        case .missingColumn: "missing_column"
        case .unclosedQuote: "unclosed_quote"
        case .fieldTooLong: "field_too_long"
        case .rowTooLong: "row_too_long"
        case .tooManyFields: "too_many_fields"
        case .controlCharacter: "control_character"
        case .wrongFieldCount: "wrong_field_count"
        case .missingValue: "missing_value"
        case .badDate: "bad_date"
        case .ambiguousDate: "ambiguous_date"
        case .badNumber: "bad_number"
        case .ambiguousNumber: "ambiguous_number"
        case .tooManyDecimals: "too_many_decimals"
        case .amountTooLarge: "amount_too_large"
        case .negativeAmount: "negative_amount"
        case .zeroAmount: "zero_amount"
        case .balanceExceedsAmount: "balance_exceeds_amount"
        case .unknownCurrency: "unknown_currency"
        case .dueBeforeIssue: "due_before_issue"
        case .duplicateInvoiceNumber: "duplicate_invoice_number"
        case .duplicateCustomerCode: "duplicate_customer_code"
        case .badEmail: "bad_email"
        case .badPaymentTerms: "bad_payment_terms"
        }
    }

    public var parameters: [String: String] {
        switch self {
        case .missingColumn(let field): ["field": field.rawValue]
        case .wrongFieldCount(let expected, let found): ["expected": String(expected), "found": String(found)]
        case .badDate(let value), .ambiguousDate(let value), .badNumber(let value), .ambiguousNumber(let value),
            .amountTooLarge(let value),
            .unknownCurrency(let value), .badEmail(let value), .badPaymentTerms(let value),
            .controlCharacter(let value):
            ["value": value]
        case .fieldTooLong(let maximum), .rowTooLong(let maximum), .tooManyFields(let maximum):
            ["maximum": String(maximum)]
        case .tooManyDecimals(let value, let allowed): ["value": value, "allowed": String(allowed)]
        case .duplicateInvoiceNumber(let line), .duplicateCustomerCode(let line): ["first_line": String(line)]
        case .emptyFile, .headerNotFound, .unclosedQuote, .missingValue, .negativeAmount, .zeroAmount,
            .balanceExceedsAmount,
            .dueBeforeIssue:
            [:]
        }
    }
}
