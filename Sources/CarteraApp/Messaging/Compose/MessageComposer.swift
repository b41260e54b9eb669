import CarteraCore
import Foundation

/// Builds the values a template sees, formatted for the customer's language.
struct MessageComposer: Sendable {
    let organisation: Organisation
    let localizer: Localizer
    let language: String

    init(organisation: Organisation, localizer: Localizer, language: String) {
        self.organisation = organisation
        self.localizer = localizer
        self.language = language
    }

    /// Amounts follow the organisation's conventions when it writes in its own language, and
    /// US conventions for English-speaking customers of a Spanish-speaking company.
    var moneyLocale: SupportedLocale {
        let own = organisation.supportedLocale
        return own.language.rawValue == language
            ? own : (SupportedLocale.Language(rawValue: language) ?? .es).defaultLocale
    }

    func money(_ amount: Money) -> String { amount.formatted(locale: moneyLocale) }

    func date(_ date: LocalDate) -> String {
        let month = localizer.text("date.month.\(date.month)", language: language) ?? String(date.month)
        return localizer.text(
            "date.format", language: language,
            arguments: ["day": String(date.day), "month": month, "year": String(date.year)]) ?? date.iso
    }

    /// "Pay only $ 980.000,00 until 11 Mar 2026": while an untouched invoice's early-payment discount lasts.
    func discountOffer(_ invoice: Invoice, today: LocalDate) throws -> String? {
        guard invoice.status == .open, invoice.settledMinor == 0,
            let terms = try? PaymentTerms(code: invoice.paymentTerms),
            let deadline = try? terms.discountDeadline(issuedOn: try invoice.issued), deadline >= today,
            let amount = terms.discountedTotal(try invoice.total)
        else { return nil }
        return localizer.text(
            "message.discount_offer", language: language, arguments: ["amount": money(amount), "date": date(deadline)])
    }

    /// One line per account: "Bancolombia, cuenta de ahorros n.º 123-456789-01, a nombre de Lácteos SAS (NIT 900…)".
    var bankAccounts: String {
        organisation.bankAccountList.map { account in
            let type = localizer.text("bank_account_type.\(account.accountType.rawValue)", language: language)
            let arguments = [
                "bank": account.bank, "type": type ?? account.accountType.rawValue, "number": account.number,
                "holder": account.holder, "tax_id": account.taxId ?? "",
            ]
            let key = account.taxId == nil ? "message.bank_account" : "message.bank_account_tax_id"
            return localizer.text(key, language: language, arguments: arguments)
                ?? "\(account.bank) \(account.number) \(account.holder)"
        }.joined(separator: "\n")
    }

    /// Everything a customer needs to pay: the accounts, then the organisation's instructions.
    var howToPay: String {
        [bankAccounts, organisation.paymentInstructions].filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Values for a message about `invoices` (the first one is the one named in subjects). Each figure
    /// is defined once here and documented under `ui.template.variable.<name>`: `total_balance` is the
    /// balance of every listed invoice, `overdue_total` of those due before `today`, `not_due_total` of
    /// the rest (due today is not yet due); a total of no invoice is empty, so a template can use it
    /// as a condition. `holds` are the facts behind each row's `status_note`.
    func values(
        customer: Customer, contact: Contact?, invoices: [Invoice], today: LocalDate,
        holds: [UUID: [HoldNote]] = [:], portalLink: String? = nil, extra: [String: TemplateValue] = [:]
    ) throws -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [
            "organisation_name": .text(organisation.name),
            "customer_name": .text(customer.legalName),
            "contact_name": .text(contact?.name ?? customer.legalName),
            "payment_instructions": .text(organisation.paymentInstructions),
            "bank_accounts": .text(bankAccounts),
            "how_to_pay": .text(howToPay),
            "portal_link": .text(portalLink ?? ""),
            "statement_date": .text(date(today)),
        ]
        let overdue = try invoices.filter { try $0.due < today }
        let notDue = try invoices.filter { try $0.due >= today }
        values["invoices"] = .list(try invoices.map { try row($0, today: today, holds: holds) })
        values["overdue_invoices"] = .list(try overdue.map { try row($0, today: today, holds: holds) })
        values["not_due_invoices"] = .list(try notDue.map { try row($0, today: today, holds: holds) })
        if let first = invoices.first {
            values["invoice_number"] = .text(first.number)
            values["amount"] = .text(money(try first.balance.isZero ? first.total : first.balance))
            values["due_date"] = .text(date(try first.due))
            values["days_overdue"] = .text(String(daysPastDue(dueDate: try first.due, asOf: today)))
            if let offer = try discountOffer(first, today: today) { values["discount_offer"] = .text(offer) }
        }
        values["total_balance"] = .text(try total(invoices))
        values["overdue_total"] = .text(try total(overdue))
        values["not_due_total"] = .text(try total(notDue))
        // Each list's own total, for the email's tables: `extra` may give `total_balance` another
        // meaning (the thank-you's balance still owed), a table's foot is always the sum of its rows.
        for (list, rows) in [("invoices", invoices), ("overdue_invoices", overdue), ("not_due_invoices", notDue)] {
            values[Self.listTotalKey(list)] = .text(try total(rows))
        }
        return values.merging(extra) { $1 }
    }

    /// Where the sum of a list's rows is kept: not a name a template can spell (no ":" in names).
    static func listTotalKey(_ list: String) -> String { "total:\(list)" }

    /// One invoice row, the same columns in every invoice list.
    private func row(_ invoice: Invoice, today: LocalDate, holds: [UUID: [HoldNote]]) throws -> [String:
        TemplateValue]
    {
        let late = daysPastDue(dueDate: try invoice.due, asOf: today)
        return [
            "number": .text(invoice.number),
            "issue_date": .text(date(try invoice.issued)),
            "due_date": .text(date(try invoice.due)),
            "total": .text(money(try invoice.total)),
            "balance": .text(money(try invoice.balance)),
            "days_overdue": .text(late > 0 ? String(late) : ""),
            "status_note": .text(invoice.id.flatMap { holds[$0] }.map(statusNote) ?? ""),
        ]
    }

    /// The balances of `invoices` per currency, e.g. "$ 1.200.000,00 + US$ 350,00" when a customer owes
    /// in two; empty for no invoice.
    func total(_ invoices: [Invoice]) throws -> String {
        let byCurrency = Dictionary(grouping: invoices, by: \.currency)
        return try byCurrency.keys.sorted().map { code in
            money(
                Money(
                    minorUnits: try (byCurrency[code] ?? []).checkedSum(\.balanceMinor),
                    currency: try Currency(code: code)))
        }.joined(separator: " + ")
    }
}
