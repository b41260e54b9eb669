import Foundation

/// Reads a bank's CSV export into a statement, as described by a `CSVStatementLayout`. CSV files
/// have no statement id or balances, so those are "" and nil. Errors name the 1-based line and the
/// layout's column ("amount", "date", "credit", …).
public enum CSVStatementParser {
    public static func parse(_ text: String, layout: CSVStatementLayout, account: String) throws -> BankStatement {
        var records = try CSVRecords.read(text, delimiter: layout.delimiter).filter { !$0.isBlank }
        guard !records.isEmpty else { throw StatementFormatError(line: 1, field: "CSV", message: "the file is empty") }
        // Excel writes "sep=;" as a first line when asked to; it is a hint to Excel, not data.
        // With ";" as the delimiter, "sep=;" reads as the fields "sep=" and "".
        if let first = records.first, first.fields[0].lowercased().hasPrefix("sep="),
            first.fields.dropFirst().allSatisfy(\.isEmpty)
        {
            records.removeFirst()
        }
        let header = layout.hasHeader ? records.removeFirst() : nil
        let columns = try Columns(layout: layout, header: header)
        let lines = try records.map { record in try line(record, columns: columns, layout: layout) }
        return BankStatement(
            account: account, statementID: "", currency: layout.currency, openingBalance: nil, closingBalance: nil,
            lines: lines)
    }

    private static func line(_ record: CSVRecords.Record, columns: Columns, layout: CSVStatementLayout) throws
        -> BankStatementLine
    {
        func fail(_ role: String, _ message: String) -> StatementFormatError {
            StatementFormatError(line: record.line, field: role, message: message)
        }
        func value(_ role: String) throws -> String? {
            guard let index = columns.indices[role] else { return nil }
            guard index < record.fields.count else {
                throw fail(role, "the row has \(record.fields.count) columns, \(role) is column \(index + 1)")
            }
            return StatementText.trim(record.fields[index])
        }
        func amount(_ role: String) throws -> Money? {
            guard let text = try value(role), !text.isEmpty else { return nil }
            let (decimal, grouping): (Character, Character) = layout.decimal == .point ? (".", ",") : (",", ".")
            do {
                return try StatementAmount.parse(
                    text, currency: layout.currency, decimal: decimal, grouping: grouping, allowSign: true)
            } catch {
                throw fail(role, error.message)
            }
        }

        let dateText = try value("date") ?? ""
        guard let bookingDate = DateText.ordered(dateText, format: layout.dateFormat) else {
            throw fail("date", "\"\(dateText)\" is not a date as \(layout.dateFormat.pattern)")
        }
        let signed: Money
        switch layout.amount {
        case .signed:
            guard let amount = try amount("amount") else { throw fail("amount", "the amount is empty") }
            signed = amount
        case .split:
            let credit = try amount("credit")
            let debit = try amount("debit")
            switch (credit, debit) {
            case (let credit?, nil): signed = credit
            // Debit columns are written as positive numbers, some banks add a "-"; either way it is money out.
            case (nil, let debit?): signed = debit.isNegative ? debit : debit.negated
            case (let credit?, let debit?) where debit.isZero: signed = credit
            case (let credit?, let debit?) where credit.isZero: signed = debit.isNegative ? debit : debit.negated
            case (nil, nil): throw fail("credit", "neither the credit nor the debit column has an amount")
            default: throw fail("credit", "both the credit and the debit column have an amount")
            }
        }
        return BankStatementLine(
            bookingDate: bookingDate, valueDate: nil, amount: signed,
            bankReference: StatementText.nonEmpty(try value("bankReference")), endToEndID: nil,
            structuredReference: nil,
            remittanceText: try value("reference") ?? "",
            counterpartyName: StatementText.nonEmpty(try value("payerName")),
            counterpartyAccount: nil)
    }

    /// The layout's columns resolved to positions, keyed by role ("date", "amount", …).
    private struct Columns {
        var indices: [String: Int] = [:]

        init(layout: CSVStatementLayout, header: CSVRecords.Record?) throws {
            var roles: [(String, CSVStatementLayout.Column?)] = [
                ("date", layout.date), ("reference", layout.reference),
                ("payerName", layout.payerName), ("bankReference", layout.bankReference),
            ]
            switch layout.amount {
            case .signed(let column): roles.append(("amount", column))
            case .split(let credit, let debit): roles += [("credit", credit), ("debit", debit)]
            }
            let names = header.map { $0.fields.map(Self.normalised) } ?? []
            for case (let role, let column?) in roles {
                switch column {
                case .index(let index):
                    guard index >= 0 else {
                        throw StatementFormatError(
                            line: 0, field: role, message: "column positions start at 0, got \(index)")
                    }
                    indices[role] = index
                case .name(let name):
                    guard let header else {
                        throw StatementFormatError(
                            line: 1, field: role,
                            message: "the layout names the column \"\(name)\" but the file has no header row")
                    }
                    guard let index = names.firstIndex(of: Self.normalised(name)) else {
                        throw StatementFormatError(
                            line: header.line, field: role, message: "the header has no column \"\(name)\"")
                    }
                    indices[role] = index
                }
            }
        }

        /// "  Descripción " and "descripcion" are the same column: exports differ in case, accents and padding.
        private static func normalised(_ name: String) -> String {
            StatementText.trim(name).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        }
    }
}

extension CSVStatementLayout.DateFormat {
    var pattern: String {
        switch self {
        case .iso: "YYYY-MM-DD"
        case .dayMonthYear: "DD/MM/YYYY"
        case .monthDayYear: "MM/DD/YYYY"
        }
    }
}
