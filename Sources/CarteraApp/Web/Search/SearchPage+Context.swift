import CarteraCore
import Foundation

extension SearchPage.Context {
    /// Formatting only: names, tax ids in the country's style, amounts and dates from what
    /// `SearchPageData.read` found.
    init(data: SearchPageData, format: PageFormat) throws {
        let text = format.text
        let locale = format.composer.organisation.supportedLocale
        let names = Dictionary(uniqueKeysWithValues: try data.users.map { (try $0.requireID(), $0.name) })
        let customers = try data.results.customers.map { customer in
            let id = try customer.requireID()
            return CustomerRow(
                url: AppURL.customer(id), name: customer.legalName,
                taxId: TaxIDText.display(customer.taxID, locale: locale),
                details: CustomerDetails.line(customer, collectors: names, text: text),
                balance: format.moneyList(data.owed[id] ?? []))
        }
        let owners = data.results.owners
        let invoices = try data.results.invoices.map { invoice in
            let owner = owners[invoice.$customer.id]
            return InvoiceRow(
                url: AppURL.invoice(try invoice.requireID()), number: invoice.number,
                customer: owner?.legalName ?? "", customerURL: AppURL.customer(invoice.$customer.id),
                due: format.date(invoice.dueDate), balance: format.money(invoice.balanceMinor, invoice.currency),
                status: text("invoice.status.\(invoice.status.rawValue)", [:]))
        }
        let payments = data.results.payments.map { payment in
            PaymentRow(
                url: AppURL.customer(payment.$customer.id), reference: payment.reference ?? "",
                customer: owners[payment.$customer.id]?.legalName ?? "", received: format.date(payment.receivedOn),
                amount: format.money(payment.amountMinor, payment.currency),
                method: text("payment.method.\(payment.method.rawValue)", [:]))
        }
        self.init(
            q: data.text, searched: !data.text.isEmpty, customers: customers, invoices: invoices, payments: payments,
            nothingFound: !data.text.isEmpty && data.results.isEmpty,
            links: .init(allCustomers: AppURL.customers(q: data.text, page: 1)))
    }
}

/// The line under a customer's name in lists, so customers of the same name can be told apart:
/// who collects the account (and, where no column shows it, its currency).
enum CustomerDetails {
    static func line(
        _ customer: Customer, collectors: [UUID: String], withCurrency: Bool = true,
        text: (String, [String: String]) -> String
    ) -> String {
        let collector = customer.assignedUserID.flatMap { collectors[$0] } ?? text("customers.unassigned", [:])
        return withCurrency
            ? text("customers.details", ["collector": collector, "currency": customer.currency])
            : text("customers.collected_by", ["collector": collector])
    }
}
