import Foundation

/// The MT940 fields that carry money: balances (`:60F:`, `:62F:`) and statement lines (`:61:`).
enum MT940Fields {
    /// A `:61:` read so far; its `:86:` arrives as the next field.
    struct Line {
        let valueDate: LocalDate
        let bookingDate: LocalDate
        let amount: Money
        let customerReference: String?
        let bankReference: String?
        let supplementaryDetails: String?
        var information: [String]?

        var statementLine: BankStatementLine {
            let details = information.map(MT940Information.init(lines:))
            return BankStatementLine(
                bookingDate: bookingDate, valueDate: valueDate, amount: amount, bankReference: bankReference,
                // The owner's reference is the payer's end-to-end id on credits (SEPA banks copy EREF
                // there); when the bank wrote NONREF, the EREF+ of a structured :86: is the same value.
                endToEndID: customerReference ?? details?.endToEndID, structuredReference: nil,
                remittanceText: details?.remittanceText ?? supplementaryDetails ?? "",
                counterpartyName: details?.counterpartyName, counterpartyAccount: details?.counterpartyAccount)
        }
    }

    /// "C260301EUR1234,56": mark, YYMMDD, currency, amount with a decimal comma.
    static func balance(_ field: MT940Parser.Field, currency expected: Currency?) throws -> Money {
        let fail = { (message: String) in
            StatementFormatError(line: field.line, field: ":\(field.tag):", message: message)
        }
        let text = Array(field.text)
        guard text.count > 10, text[0] == "C" || text[0] == "D" else {
            throw fail("expected C or D, a date, a currency and an amount")
        }
        _ = try date(String(text[1..<7]), fail: fail)
        let code = String(text[7..<10])
        guard let currency = try? Currency(code: code) else { throw fail("\"\(code)\" is not a supported currency") }
        if let expected, expected != currency {
            throw fail("balance in \(currency.code) on a \(expected.code) statement")
        }
        let amount = try amount(String(text[10...]), currency: currency, fail: fail)
        return text[0] == "D" ? amount.negated : amount
    }

    /// `:61:` = value date YYMMDD, [entry date MMDD], mark (C, D, RC, RD), [funds code], amount,
    /// type (N/F/S + 3), customer reference [//bank reference], [newline supplementary details].
    static func statementLine(_ field: MT940Parser.Field, currency: Currency) throws -> Line {
        let fail = { (message: String) in StatementFormatError(line: field.line, field: ":61:", message: message) }
        var rest = Substring(field.text)
        func take(_ count: Int) -> String {
            let head = rest.prefix(count)
            rest = rest.dropFirst(count)
            return String(head)
        }

        let valueDate = try date(take(6), fail: fail)
        var bookingDate = valueDate
        if rest.prefix(4).count == 4, rest.prefix(4).allSatisfy(StatementText.isDigit) {
            bookingDate = try entryDate(take(4), near: valueDate, fail: fail)
        }
        let mark = rest.first == "R" ? take(2) : take(1)
        // A reversal undoes the original movement: RC takes back a credit, RD gives back a debit.
        let sign: Int64
        switch mark {
        case "C", "RD": sign = 1
        case "D", "RC": sign = -1
        default: throw fail("\"\(mark)\" is not a debit/credit mark (C, D, RC, RD)")
        }
        if let funds = rest.first, funds.isLetter { rest = rest.dropFirst() } // funds code: 3rd letter of the currency
        let digits = rest.prefix { StatementText.isDigit($0) || $0 == "," }
        rest = rest.dropFirst(digits.count)
        let amount = try amount(String(digits), currency: currency, fail: fail)
        let type = take(4)
        guard type.count == 4, let kind = type.first, "NFS".contains(kind) else {
            throw fail("\"\(type)\" is not a transaction type such as NTRF")
        }
        let references = rest.components(separatedBy: "//")
        return Line(
            valueDate: valueDate, bookingDate: bookingDate, amount: sign < 0 ? amount.negated : amount,
            customerReference: reference(references.first), bankReference: reference(references.dropFirst().first),
            supplementaryDetails: StatementText.nonEmpty(field.lines.dropFirst().joined(separator: " ")))
    }

    private static func reference(_ text: String?) -> String? {
        let value = StatementText.nonEmpty(text)
        return value == "NONREF" ? nil : value
    }

    private static func amount(_ text: String, currency: Currency, fail: (String) -> StatementFormatError) throws
        -> Money
    {
        do {
            return try StatementAmount.parse(text, currency: currency, decimal: ",")
        } catch {
            throw fail(error.message)
        }
    }

    /// YYMMDD. MT940 has two-digit years; statements are recent, so every year is 20YY.
    private static func date(_ text: String, fail: (String) -> StatementFormatError) throws -> LocalDate {
        let parts = [text.prefix(2), text.dropFirst(2).prefix(2), text.dropFirst(4)]
        guard text.count == 6, text.allSatisfy(StatementText.isDigit),
            let date = try? LocalDate(year: 2000 + Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!)
        else { throw fail("\"\(text)\" is not a date as YYMMDD") }
        return date
    }

    /// MMDD, in the value date's year unless that puts it more than half a year away: a line valued
    /// 31 Dec and booked "0102" was booked on 2 January of the next year (and the reverse).
    private static func entryDate(_ text: String, near valueDate: LocalDate, fail: (String) -> StatementFormatError)
        throws -> LocalDate
    {
        guard let month = Int(text.prefix(2)), let day = Int(text.suffix(2)) else {
            throw fail("\"\(text)\" is not an entry date as MMDD")
        }
        var year = valueDate.year
        if month - valueDate.month > 6 { year -= 1 } else if valueDate.month - month > 6 { year += 1 }
        guard let date = try? LocalDate(year: year, month: month, day: day) else {
            throw fail("\"\(text)\" is not an entry date as MMDD")
        }
        return date
    }
}
