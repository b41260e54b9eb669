import Foundation

/// A bank statement as Cartera needs it, whatever file it came from (camt.053, MT940, CSV).
public struct BankStatement: Sendable, Equatable {
    /// IBAN or account number of the organisation's own account.
    public let account: String
    /// The bank's id of the statement (camt `Stmt/Id`, MT940 `:20:`/`:28C:`), or "" when the file has none.
    public let statementID: String
    public let currency: Currency
    public let openingBalance: Money?
    public let closingBalance: Money?
    public let lines: [BankStatementLine]

    public init(
        account: String, statementID: String, currency: Currency, openingBalance: Money?, closingBalance: Money?,
        lines: [BankStatementLine]
    ) {
        self.account = account
        self.statementID = statementID
        self.currency = currency
        self.openingBalance = openingBalance
        self.closingBalance = closingBalance
        self.lines = lines
    }
}

/// One movement on the account. Money in (what reconciliation looks at) is positive.
public struct BankStatementLine: Sendable, Equatable {
    public let bookingDate: LocalDate
    public let valueDate: LocalDate?
    /// Positive for credits (money received), negative for debits.
    public let amount: Money
    /// The bank's own id of the transaction (camt `AcctSvcrRef`, MT940 bank reference after `//`).
    public let bankReference: String?
    /// The payer's end-to-end id, when given.
    public let endToEndID: String?
    /// Structured creditor reference (camt `Strd/CdtrRefInf/Ref`), e.g. the payment reference we gave.
    public let structuredReference: String?
    /// Free remittance text (camt `Ustrd`, MT940 `:86:`, CSV reference column), joined with spaces.
    public let remittanceText: String
    public let counterpartyName: String?
    public let counterpartyAccount: String?

    public init(
        bookingDate: LocalDate, valueDate: LocalDate?, amount: Money, bankReference: String?, endToEndID: String?,
        structuredReference: String?, remittanceText: String, counterpartyName: String?, counterpartyAccount: String?
    ) {
        self.bookingDate = bookingDate
        self.valueDate = valueDate
        self.amount = amount
        self.bankReference = bankReference
        self.endToEndID = endToEndID
        self.structuredReference = structuredReference
        self.remittanceText = remittanceText
        self.counterpartyName = counterpartyName
        self.counterpartyAccount = counterpartyAccount
    }

    public var isCredit: Bool { amount.isPositive }

    /// What identifies the movement across re-imports of the same or overlapping files: the bank's
    /// own reference when there is one, else every field that describes it. The app stores a
    /// SHA-256 of this in a unique column, so a line is never posted twice.
    public func identity(account: String) -> String {
        if let bankReference, !bankReference.isEmpty {
            return "\(account)|ref|\(bankReference)"
        }
        return [
            account, bookingDate.iso, valueDate?.iso ?? "", amount.currency.code, String(amount.minorUnits),
            endToEndID ?? "",
            structuredReference ?? "", remittanceText, counterpartyName ?? "", counterpartyAccount ?? "",
        ].joined(separator: "|")
    }
}

/// A file that could not be read, naming where: "line 14: :61: amount is not a number".
public struct StatementFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line of the file (MT940, CSV) or 0 when the format has no useful line (XML path in `field`).
    public let line: Int
    public let field: String
    public let message: String

    public init(line: Int, field: String, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String { line > 0 ? "line \(line): \(field): \(message)" : "\(field): \(message)" }
}
