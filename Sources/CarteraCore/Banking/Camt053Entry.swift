/// Turns one camt `Ntry` into statement lines: none for a pending or informational entry, one for
/// a single payment, one per `TxDtls` for a batch (a collective credit of several payers).
enum Camt053Entry {
    static func lines(of entry: XMLTree.Element, path: String, currency: Currency) throws -> [BankStatementLine] {
        // v2–v7 write <Sts>BOOK</Sts>, v8 <Sts><Cd>BOOK</Cd></Sts>. Only booked entries moved money;
        // PDNG may still be returned and INFO/FUTR never posts, so reconciling them would double-count.
        guard let status = entry.text("Sts", "Cd") ?? entry.text("Sts", "Prtry") ?? entry.text("Sts") else {
            throw CamtField.error("\(path)/Sts", "the entry has no status")
        }
        guard status == "BOOK" else { return [] }

        let amount = try CamtField.signedAmount(entry, path: path, currency: currency)
        guard let bookingDate = try CamtField.date(entry, "BookgDt", path: path) else {
            throw CamtField.error("\(path)/BookgDt", "a booked entry has no booking date")
        }
        let common = Common(
            bookingDate: bookingDate, valueDate: try CamtField.date(entry, "ValDt", path: path),
            bankReference: entry.text("AcctSvcrRef"), entryText: entry.text("AddtlNtryInf"))

        var transactions: [(element: XMLTree.Element, path: String)] = []
        for (detailsIndex, details) in entry.children("NtryDtls").enumerated() {
            for (index, transaction) in details.children("TxDtls").enumerated() {
                transactions.append((transaction, "\(path)/NtryDtls[\(detailsIndex + 1)]/TxDtls[\(index + 1)]"))
            }
        }
        switch transactions.count {
        case 0:
            return [common.line(amount: amount, bankReference: common.bankReference, details: nil)]
        case 1:
            // The entry amount is what hit the account; a lone TxDtls amount may be gross of charges.
            return [common.line(amount: amount, bankReference: common.bankReference, details: transactions[0].element)]
        default:
            let sign: Int64 = amount.isNegative ? -1 : 1
            return try transactions.enumerated().map { index, transaction in
                let element = transaction.element
                let txPath = transaction.path
                var txAmount: Money
                if element.first("AmtDtls", "TxAmt", "Amt") != nil {
                    txAmount = try CamtField.amount(
                        element, "AmtDtls", "TxAmt", "Amt", path: txPath, currency: currency)
                } else if element.first("Amt") != nil {
                    txAmount = try CamtField.amount(element, "Amt", path: txPath, currency: currency)
                } else {
                    throw CamtField.error("\(txPath)/AmtDtls/TxAmt/Amt", "a transaction in a batch entry has no amount")
                }
                let txSign = element.first("CdtDbtInd") == nil ? sign : try CamtField.sign(element, path: txPath)
                if txSign < 0 { txAmount = txAmount.negated }
                // Every line needs its own reference: lines sharing the entry's would have the same
                // identity and all but the first would be dropped on import as duplicates.
                let reference = element.text("Refs", "AcctSvcrRef") ?? common.bankReference.map { "\($0)/\(index + 1)" }
                return common.line(amount: txAmount, bankReference: reference, details: element)
            }
        }
    }

    /// What an entry's lines share, and the reading of the `TxDtls` fields Cartera matches on.
    private struct Common {
        let bookingDate: LocalDate
        let valueDate: LocalDate?
        let bankReference: String?
        let entryText: String?

        func line(amount: Money, bankReference: String?, details: XMLTree.Element?) -> BankStatementLine {
            let unstructured =
                details?.first("RmtInf")?.children("Ustrd").compactMap { StatementText.nonEmpty($0.text) } ?? []
            let structured = details?.first("RmtInf")?.children("Strd").lazy.compactMap { $0.text("CdtrRefInf", "Ref") }
                .first
            let endToEnd = details?.text("Refs", "EndToEndId")
            // The counterparty is whoever is on the other side: the debtor paid us, we paid the creditor.
            let party = amount.isNegative ? "Cdtr" : "Dbtr"
            let parties = details?.first("RltdPties")
            let remittance =
                unstructured.isEmpty
                ? (details?.text("AddtlTxInf") ?? entryText ?? "") : unstructured.joined(separator: " ")
            return BankStatementLine(
                bookingDate: bookingDate, valueDate: valueDate, amount: amount,
                bankReference: details?.text("Refs", "AcctSvcrRef") ?? bankReference,
                endToEndID: endToEnd == "NOTPROVIDED" ? nil : endToEnd,
                structuredReference: structured,
                remittanceText: remittance,
                // v8 wraps the party in <Pty>; earlier versions put <Nm> directly under Dbtr/Cdtr.
                counterpartyName: parties?.text(party, "Nm") ?? parties?.text(party, "Pty", "Nm"),
                counterpartyAccount: parties?.text("\(party)Acct", "Id", "IBAN")
                    ?? parties?.text("\(party)Acct", "Id", "Othr", "Id"))
        }
    }
}
