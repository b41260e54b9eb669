import CarteraCore
import Foundation

/// A payment's receipt in words: built from `PaymentReceiptData` by `init(data:format:)`, formatting only.
struct PaymentReceiptContext: Encodable {
    struct Line: Encodable {
        let number: String
        let url: String?
        let kind: String
        let amount: String
    }
    struct Links: Encodable {
        let customer: String
        let reverse: String
        let newPayment: String
    }

    let id: UUID
    let customer: String
    let taxId: String
    let date: String
    let method: String
    let amount: String
    let reference: String
    let notes: String?
    let lines: [Line]
    /// What no invoice took: the customer's credit (nothing once reversed).
    let unapplied: String
    let hasUnapplied: Bool
    let reversed: Bool
    let state: String
    let reversedOn: String
    let reversalReason: String
    let recordedBy: String
    let reversedBy: String
    let links: Links
}

extension PaymentReceiptContext {
    init(data: PaymentReceiptData, format: PageFormat) throws {
        let payment = data.payment
        let id = try payment.requireID()
        let customerID = try data.customer.requireID()
        let remaining = try payment.remaining
        let reversed = payment.reversedOn != nil
        self.init(
            id: id, customer: data.customer.legalName, taxId: data.customer.taxID ?? "",
            date: format.date(payment.receivedOn), method: format.text("payment.method.\(payment.method.rawValue)"),
            amount: format.money(payment.amountMinor, payment.currency), reference: payment.reference ?? "",
            notes: payment.notes.isEmpty ? nil : payment.notes,
            lines: data.settled.map { item in
                Line(
                    number: item.invoice?.number ?? "—", url: item.invoice?.id.map(AppURL.invoice),
                    kind: format.text("settlement.\(item.allocation.kind.rawValue)"),
                    amount: format.money(item.allocation.amountMinor, payment.currency))
            },
            unapplied: format.money(reversed ? .zero(remaining.currency) : remaining),
            hasUnapplied: !reversed && remaining.isPositive, reversed: reversed,
            state: format.text(reversed ? "receipt.state.reversed" : "receipt.state.in_force"),
            reversedOn: format.date(payment.reversedOn), reversalReason: payment.reversalReason ?? "",
            recordedBy: Self.who(data.recordedBy, format: format),
            reversedBy: Self.who(data.reversedBy, format: format),
            links: Links(
                customer: AppURL.customer(customerID), reverse: AppURL.paymentReverse(id),
                newPayment: AppURL.newPayment(customer: customerID)))
    }

    /// A person by name; an API key, the command line or Cartera itself in words.
    static func who(_ who: PaymentReceiptData.Who?, format: PageFormat) -> String {
        guard let who else { return "—" }
        if let person = who.person { return person }
        if who.name.hasPrefix("api_key:") {
            return format.text("receipt.by.api_key", ["name": String(who.name.dropFirst("api_key:".count))])
        }
        if who.name.hasPrefix("portal:") { return format.text("receipt.by.portal") }
        if who.name == "cli" { return format.text("receipt.by.cli") }
        return format.text("receipt.by.system")
    }
}
