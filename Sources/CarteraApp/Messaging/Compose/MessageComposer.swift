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

    /// Values for a message about `invoices` (the first one is the one named in subjects).
    func values(
        customer: Customer, contact: Contact?, invoices: [Invoice], today: LocalDate,
        portalLink: String? = nil, extra: [String: TemplateValue] = [:]
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
        let rows = try invoices.map { invoice -> [String: TemplateValue] in
            let late = daysPastDue(dueDate: try invoice.due, asOf: today)
            return [
                "number": .text(invoice.number),
                "issue_date": .text(date(try invoice.issued)),
                "due_date": .text(date(try invoice.due)),
                "total": .text(money(try invoice.total)),
                "balance": .text(money(try invoice.balance)),
                "days_overdue": .text(late > 0 ? String(late) : ""),
            ]
        }
        values["invoices"] = .list(rows)
        if let first = invoices.first {
            values["invoice_number"] = .text(first.number)
            values["amount"] = .text(money(try first.balance.isZero ? first.total : first.balance))
            values["due_date"] = .text(date(try first.due))
            values["days_overdue"] = .text(String(daysPastDue(dueDate: try first.due, asOf: today)))
            if let offer = try discountOffer(first, today: today) { values["discount_offer"] = .text(offer) }
        }
        // Totals per currency, e.g. "$ 1.200.000,00 + US$ 350,00" when a customer owes in two.
        let byCurrency = Dictionary(grouping: invoices, by: \.currency)
        let totals = try byCurrency.keys.sorted().map { code in
            money(
                Money(
                    minorUnits: try (byCurrency[code] ?? []).checkedSum(\.balanceMinor),
                    currency: try Currency(code: code)))
        }
        values["total_balance"] = .text(totals.joined(separator: " + "))
        return values.merging(extra) { $1 }
    }
}
