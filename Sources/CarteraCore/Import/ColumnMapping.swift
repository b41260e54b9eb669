/// Which column of a file feeds which field. Headers are compared normalised (case, accents and
/// punctuation do not matter). A header the mapping names goes to its field; any other header is
/// recognised from Cartera's Spanish/English word list when `recognizesHeaders` is on.
///
/// Presets describe known exports, including the conventions they write numbers and dates in; those
/// are hints, used only when the file itself does not show them and `ImportOptions` does not say.
public struct ColumnMapping: Sendable, Equatable {
    /// Normalised header → field, or nil for a column to ignore.
    public private(set) var assignments: [String: ImportField?] = [:]
    public var recognizesHeaders: Bool
    /// Reports grouped by customer (Xero) name the customer once, in a row of its own above its
    /// invoices; with this on and no customer column, such a row sets the customer of the rows below.
    public var customerFromGroupHeadings: Bool
    public var decimalMark: CSVStatementLayout.DecimalMark?
    public var dateOrder: CSVStatementLayout.DateFormat?

    public init(
        _ assignments: [String: ImportField?] = [:], recognizesHeaders: Bool = true,
        customerFromGroupHeadings: Bool = false,
        decimalMark: CSVStatementLayout.DecimalMark? = nil, dateOrder: CSVStatementLayout.DateFormat? = nil
    ) {
        self.recognizesHeaders = recognizesHeaders
        self.customerFromGroupHeadings = customerFromGroupHeadings
        self.decimalMark = decimalMark
        self.dateOrder = dateOrder
        for (header, field) in assignments { assign(header, to: field) }
    }

    /// Sends the column with this header to `field`; nil ignores it.
    public mutating func assign(_ header: String, to field: ImportField?) {
        assignments[ImportHeaders.normalised(header)] = .some(field)
    }

    /// Header names recognised by the built-in Spanish and English word list.
    public static let automatic = ColumnMapping()

    /// Cartera's own export: every column is named by `ImportField.rawValue` ("invoice_number"),
    /// amounts are "1234.56" and dates ISO, so nothing is guessed.
    public static let generic = ColumnMapping(
        Dictionary(uniqueKeysWithValues: ImportField.allCases.map { ($0.rawValue, $0) }),
        recognizesHeaders: false, decimalMark: .point, dateOrder: .iso)

    /// QuickBooks Online, Reports › "A/R Aging Detail" exported to CSV (US edition). Assumed shape:
    /// title lines (report name, company, "As of …") and a blank line before the header
    /// `,Date,Transaction Type,Num,Customer,Due Date,Amount,Open Balance` (first column unnamed; some
    /// companies add "Past Due", "Memo/Description" or "Location", which are ignored); aging-bucket
    /// headings ("1 - 30 days past due") and "Total for …" rows in the first column; a timestamp footer.
    /// Payments and credit memos in the report are skipped by their transaction type. US exports
    /// write MM/DD/YYYY and 1,234.56.
    public static let quickBooksARAgingDetail = ColumnMapping(
        [
            "Date": .issueDate, "Transaction Type": .transactionType, "Num": .invoiceNumber, "Customer": .customerName,
            "Due Date": .dueDate, "Amount": .amount, "Open Balance": .openBalance, "Currency": .currency,
            "Past Due": nil, "Memo/Description": nil,
        ],
        decimalMark: .point, dateOrder: .monthDayYear)

    /// Xero, Accounting › Reports › "Aged Receivables Detail", exported to Excel and saved as CSV.
    /// Assumed shape: title rows (report name, organisation, "As at …", "Ageing by due date") before
    /// the header `Invoice Date, Invoice Number, Invoice Reference, Due Date, Currency, Total, Paid,
    /// Credited, Due` plus ageing columns ("Current", "< 1 Month", …, ignored); grouped by contact,
    /// each group opened by a row holding the contact's name and closed by "Total <contact>", a
    /// "Total" row at the end. With the report's "Contact" column added instead, that column is used.
    /// Xero writes "31 Mar 2026" and 1,234.56; numeric dates follow the spreadsheet's locale.
    public static let xeroAgedReceivables = ColumnMapping(
        [
            "Contact": .customerName, "Invoice Date": .issueDate, "Date": .issueDate, "Due Date": .dueDate,
            "Invoice Number": .invoiceNumber, "Number": .invoiceNumber, "Invoice Reference": .reference,
            "Reference": .reference,
            "Currency": .currency, "Total": .amount, "Due": .openBalance, "Paid": nil, "Credited": nil,
        ],
        customerFromGroupHeadings: true, decimalMark: .point)
}
