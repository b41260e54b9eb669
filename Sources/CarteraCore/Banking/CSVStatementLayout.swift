/// How a bank's CSV export is laid out. Banks differ in everything (delimiter, date order, decimal
/// mark, one signed amount or separate credit/debit columns), so the import is configured, not guessed.
public struct CSVStatementLayout: Sendable, Equatable {
    /// A column by its header name (compared ignoring case, accents and surrounding spaces) or by
    /// its 0-based position. String and integer literals work: `"Importe"`, `3`.
    public enum Column: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case name(String)
        case index(Int)

        public init(stringLiteral value: String) { self = .name(value) }
        public init(integerLiteral value: Int) { self = .index(value) }
    }

    public enum Amount: Sendable, Equatable {
        /// One column, negative for money out.
        case signed(Column)
        /// Money in and money out in two columns, both written as positive numbers; a row fills one.
        case split(credit: Column, debit: Column)
    }

    public enum DateFormat: Sendable, Equatable {
        /// 2026-03-31
        case iso
        /// 31/03/2026, 31-03-2026 or 31.03.2026
        case dayMonthYear
        /// 03/31/2026
        case monthDayYear
    }

    public enum DecimalMark: Sendable, Equatable {
        /// 1,234.56
        case point
        /// 1.234,56
        case comma
    }

    public var delimiter: Character
    public var hasHeader: Bool
    public var date: Column
    public var amount: Amount
    /// The payment's text (concept, description); becomes the line's remittance text.
    public var reference: Column?
    public var payerName: Column?
    public var bankReference: Column?
    public var dateFormat: DateFormat
    public var decimal: DecimalMark
    public var currency: Currency

    public init(
        delimiter: Character = ",", hasHeader: Bool = true, date: Column, amount: Amount, reference: Column?,
        payerName: Column?, bankReference: Column? = nil, dateFormat: DateFormat = .iso, decimal: DecimalMark = .point,
        currency: Currency
    ) {
        self.delimiter = delimiter
        self.hasHeader = hasHeader
        self.date = date
        self.amount = amount
        self.reference = reference
        self.payerName = payerName
        self.bankReference = bankReference
        self.dateFormat = dateFormat
        self.decimal = decimal
        self.currency = currency
    }

    /// `date,amount,reference,payer_name` with ISO dates and a decimal point: the format Cartera
    /// documents for banks it has no preset for. Presets are in COP; set `currency` for other accounts.
    public static let generic = CSVStatementLayout(
        date: "date", amount: .signed("amount"), reference: "reference",
        payerName: "payer_name", currency: .cop)

    /// The shape of Spanish-language bank exports (Bancolombia and similar):
    /// `Fecha;Importe;Concepto;Ordenante` with dd/mm/yyyy dates and "1.234,56" amounts.
    public static let spanishBank = CSVStatementLayout(
        delimiter: ";", date: "Fecha", amount: .signed("Importe"), reference: "Concepto",
        payerName: "Ordenante", dateFormat: .dayMonthYear, decimal: .comma, currency: .cop)
}
