/// A file's language, for what its numbers and dates leave open. `es`: "1.234,56" and day before
/// month (31/12/2026); `en`: "1,234.56" and month before day (12/31/2026, as US software writes).
/// Mexican files write "1,234.56" with day first: the file usually shows both, else force them.
public enum ImportLocale: String, Codable, Sendable, CaseIterable {
    case es, en

    var decimalMark: CSVStatementLayout.DecimalMark { self == .es ? .comma : .point }
    var dateOrder: CSVStatementLayout.DateFormat { self == .es ? .dayMonthYear : .monthDayYear }
}

/// How to read a file beyond its columns. Decimal mark and date order are settled in this order:
/// forced here, shown by the file itself (a "1.234,56" or a "31/12/2026" anywhere in it), `locale`,
/// the mapping preset's hint. Still open, an amount like "1.234" or a date like "05/06/2026" is
/// reported ambiguous rather than guessed.
public struct ImportOptions: Sendable, Equatable {
    /// The organisation's currency: rows without a currency column or value are in it.
    public var defaultCurrency: Currency
    public var locale: ImportLocale?
    public var decimalMark: CSVStatementLayout.DecimalMark?
    /// Forces day/month order; `.iso` accepts only YYYY-MM-DD (and dates with month names).
    public var dateOrder: CSVStatementLayout.DateFormat?
    /// nil detects "," ";" or tab from the first lines (or an Excel "sep=" line).
    public var delimiter: Character?

    public init(
        defaultCurrency: Currency, locale: ImportLocale? = nil, decimalMark: CSVStatementLayout.DecimalMark? = nil,
        dateOrder: CSVStatementLayout.DateFormat? = nil, delimiter: Character? = nil
    ) {
        self.defaultCurrency = defaultCurrency
        self.locale = locale
        self.decimalMark = decimalMark
        self.dateOrder = dateOrder
        self.delimiter = delimiter
    }
}
