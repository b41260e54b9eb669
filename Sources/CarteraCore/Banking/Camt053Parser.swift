import Foundation

/// Reads ISO 20022 camt.053 (BkToCstmrStmt) end-of-day statements, versions .001.02 to .001.08.
/// Elements are matched by local name only: the versions differ in namespace URI and in a few
/// moved elements (handled where they matter), not in the structure Cartera reads.
/// Errors carry line 0 and an XML path such as `Stmt[1]/Ntry[3]/Amt` (1-based indices).
public enum Camt053Parser {
    public static func parse(_ data: Data) throws -> [BankStatement] {
        let root: XMLTree.Element
        do {
            root = try XMLTree.parse(data)
        } catch {
            throw StatementFormatError(line: error.line, field: "XML", message: error.message)
        }
        let message = root.name == "Document" ? root.children.first : root
        guard let message, message.name == "BkToCstmrStmt" else {
            throw StatementFormatError(
                line: 0, field: root.name,
                message: notCamt053(found: root.name == "Document" ? root.children.first?.name : root.name))
        }
        let statements = message.children("Stmt")
        guard !statements.isEmpty else { throw CamtField.error("BkToCstmrStmt/Stmt", "the file contains no statement") }
        return try statements.enumerated().map { index, element in try statement(element, path: "Stmt[\(index + 1)]") }
    }

    private static func notCamt053(found name: String?) -> String {
        // The neighbouring camt messages look alike; naming them saves the user a support ticket.
        let known = ["BkToCstmrAcctRpt": "camt.052 intraday report", "BkToCstmrDbtCdtNtfctn": "camt.054 notification"]
        guard let name else { return "not a camt.053 statement: the document is empty" }
        if let kind = known[name] { return "this is a \(kind), not a camt.053 statement" }
        return "not a camt.053 statement: expected BkToCstmrStmt, found \(name)"
    }

    private static func statement(_ stmt: XMLTree.Element, path: String) throws -> BankStatement {
        guard let account = stmt.text("Acct", "Id", "IBAN") ?? stmt.text("Acct", "Id", "Othr", "Id") else {
            throw CamtField.error("\(path)/Acct/Id", "the account has neither an IBAN nor an Othr/Id")
        }
        let currency = try statementCurrency(stmt, path: path)
        var opening: Money?
        var previousClosing: Money?
        var closing: Money?
        for (index, balance) in stmt.children("Bal").enumerated() {
            let balancePath = "\(path)/Bal[\(index + 1)]"
            let code = balance.text("Tp", "CdOrPrtry", "Cd")
            guard code == "OPBD" || code == "PRCD" || code == "CLBD" else { continue }
            let amount = try CamtField.signedAmount(balance, path: balancePath, currency: currency)
            switch code {
            case "OPBD": opening = opening ?? amount
            case "PRCD": previousClosing = previousClosing ?? amount
            default: closing = closing ?? amount
            }
        }
        var lines: [BankStatementLine] = []
        for (index, entry) in stmt.children("Ntry").enumerated() {
            lines += try Camt053Entry.lines(of: entry, path: "\(path)/Ntry[\(index + 1)]", currency: currency)
        }
        // Some banks send only the previous day's closing (PRCD) as the opening; it is the same figure.
        return BankStatement(
            account: account, statementID: stmt.text("Id") ?? "", currency: currency,
            openingBalance: opening ?? previousClosing, closingBalance: closing, lines: lines)
    }

    /// `Acct/Ccy` is optional in camt; without it the currency of the first amount is the account's.
    private static func statementCurrency(_ stmt: XMLTree.Element, path: String) throws -> Currency {
        if let code = stmt.text("Acct", "Ccy") {
            do { return try Currency(code: code) } catch {
                throw CamtField.error("\(path)/Acct/Ccy", "\"\(code)\" is not a supported currency")
            }
        }
        guard let code = firstAmountCurrency(in: stmt) else {
            throw CamtField.error("\(path)/Acct/Ccy", "the statement names no currency")
        }
        do { return try Currency(code: code) } catch {
            throw CamtField.error("\(path)/Acct/Ccy", "\"\(code)\" is not a supported currency")
        }
    }

    /// Depth-first, document order, with an explicit stack (the tree is bounded, but walks need not
    /// rely on that).
    private static func firstAmountCurrency(in element: XMLTree.Element) -> String? {
        var pending = [element]
        while let next = pending.popLast() {
            if next.name == "Amt", let code = next.attributes["Ccy"] { return code }
            pending.append(contentsOf: next.children.reversed())
        }
        return nil
    }
}

/// The field readers camt entries and balances share, each failing with the element's path.
enum CamtField {
    static func error(_ path: String, _ message: String) -> StatementFormatError {
        StatementFormatError(line: 0, field: path, message: message)
    }

    /// `Amt` (or `name`) under `parent`, exactly, in the account currency.
    static func amount(_ parent: XMLTree.Element, _ name: String..., path: String, currency: Currency) throws -> Money {
        let amountPath = ([path] + name).joined(separator: "/")
        guard let element = parent.first(path: name[...]), let text = StatementText.nonEmpty(element.text) else {
            throw error(amountPath, "the amount is missing")
        }
        // Entry and transaction amounts are in the account currency by definition; a different Ccy
        // means the file is not what we think it is, and mixing currencies in one statement is worse.
        if let code = element.attributes["Ccy"], code.uppercased() != currency.code {
            throw error(amountPath, "amount in \(code) on a \(currency.code) statement")
        }
        do {
            return try StatementAmount.parse(text, currency: currency, decimal: ".")
        } catch {
            throw Self.error(amountPath, error.message)
        }
    }

    /// `CdtDbtInd` of `parent`: +1 for CRDT, -1 for DBIT.
    static func sign(_ parent: XMLTree.Element, path: String) throws -> Int64 {
        switch parent.text("CdtDbtInd") {
        case "CRDT": return 1
        case "DBIT": return -1
        case let other:
            throw error(
                "\(path)/CdtDbtInd",
                other.map { "\"\($0)\" is neither CRDT nor DBIT" } ?? "the credit/debit indicator is missing")
        }
    }

    static func signedAmount(_ parent: XMLTree.Element, path: String, currency: Currency) throws -> Money {
        let amount = try amount(parent, "Amt", path: path, currency: currency)
        return try sign(parent, path: path) < 0 ? amount.negated : amount
    }

    /// `Dt`, or the date part of `DtTm` ("2026-03-31T10:15:00+01:00"): the bank's own calendar day.
    static func date(_ parent: XMLTree.Element, _ name: String, path: String) throws -> LocalDate? {
        guard let element = parent.first(name) else { return nil }
        let datePath = "\(path)/\(name)"
        let text: String
        if let day = element.text("Dt") {
            text = day
        } else if let stamp = element.text("DtTm") {
            text = String(stamp.prefix(10))
        } else {
            throw error(datePath, "has neither Dt nor DtTm")
        }
        do { return try LocalDate(iso: text) } catch {
            throw Self.error(datePath, "\"\(text)\" is not a date as YYYY-MM-DD")
        }
    }
}
