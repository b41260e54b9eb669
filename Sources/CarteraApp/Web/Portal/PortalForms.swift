import CarteraCore
import Foundation
import Vapor

/// What the portal's forms show: the invoices to choose from, the limits in words, and after a
/// refusal the message next to the field at fault with what the customer typed still in place.
struct PortalForms: Encodable {
    struct Choice: Encodable {
        let id: UUID
        let label: String
        var checked: Bool
    }

    struct Field: Encodable {
        var value = ""
        var error: String?
    }

    /// One form's state; every form uses the fields it has.
    struct State: Encodable {
        var message: String?
        var amount = Field(), promisedOn = Field(), note = Field(), invoiceIds = Field()
        var invoiceId = Field(), reason = Field(), instalments = Field(value: "3")

        /// The form field a posted name stands for; the one list of the portal's fields.
        private static func field(_ name: String?) -> WritableKeyPath<State, Field>? {
            switch name {
            case "amount": \.amount
            case "promisedOn": \.promisedOn
            case "note": \.note
            case "invoiceIds": \.invoiceIds
            case "invoiceId": \.invoiceId
            case "reason": \.reason
            case "instalments": \.instalments
            default: nil
            }
        }

        /// Keeps what was typed; `invoiceIds` is a set of ticks, not a typed value.
        mutating func set(_ name: String, value: String) {
            guard name != "invoiceIds", let field = Self.field(name) else { return }
            self[keyPath: field].value = value
        }

        /// The message goes next to its field, or on top of the form when it names none.
        mutating func refuse(_ name: String?, _ text: String) {
            if let field = Self.field(name) { self[keyPath: field].error = text } else { message = text }
        }
    }

    /// Owed invoices the customer can name in a promise (none ticked until they choose).
    var promiseInvoices: [Choice]
    /// Owed invoices the customer can dispute: never a paid, void or draft one.
    var disputeInvoices: [Choice]
    /// The latest date a portal promise may fall on, for the date field's `max`.
    let promiseLatestISO: String
    /// "Hasta el 29 abr 2026, y al menos el 10 % de lo que deben las facturas que elija."
    let promiseHint: String
    var promise = State(), dispute = State(), planRequest = State(), pay = State()

    init(
        invoices: [PortalContext.InvoiceRow], owed: Set<UUID>, organisation: Organisation, today: LocalDate,
        format: PageFormat, req: Request
    ) {
        let choices = invoices.filter { owed.contains($0.id) }.map {
            Choice(id: $0.id, label: "\($0.number) · \($0.balance)", checked: false)
        }
        promiseInvoices = choices
        disputeInvoices = choices.filter { choice in !invoices.contains { $0.id == choice.id && $0.inDispute } }
        let limits = organisation.portalLimits
        let latest = (try? today.adding(days: limits.promiseMaxDays)) ?? today
        promiseLatestISO = latest.iso
        promiseHint = req.text(
            "portal.promise_hint",
            ["date": format.date(latest), "share": Self.percentage(limits.promiseMinimumBasisPoints, format: format)])
        if choices.count == 1 { promiseInvoices[0].checked = true }
    }

    /// Puts back what was typed and says what is wrong, in the page's language.
    mutating func refused(
        _ refusal: PortalRefusal, typed: [String: String], chosen: [String], format: PageFormat, req: Request
    ) {
        var state = State()
        for (field, value) in typed { state.set(field, value: value) }
        let arguments = refusal.arguments.mapValues { argument -> String in
            switch argument {
            case .text(let text): text
            case .number(let number): String(number)
            case .money(let money): format.money(money)
            case .date(let date): format.date(date)
            case .percentage(let basisPoints): Self.percentage(basisPoints, format: format)
            }
        }
        state.refuse(refusal.field, req.text("portal.error.\(refusal.reason)", arguments))
        switch refusal.form {
        case .promise:
            promise = state
            for index in promiseInvoices.indices {
                promiseInvoices[index].checked = chosen.contains(promiseInvoices[index].id.uuidString)
            }
        case .dispute:
            dispute = state
            for index in disputeInvoices.indices {
                disputeInvoices[index].checked = disputeInvoices[index].id.uuidString == state.invoiceId.value
            }
        case .planRequest: planRequest = state
        case .pay: pay = state
        }
    }

    /// 1 000 basis points → "10 %"; 1 250 → "12,5 %" (or "12.5 %" where the point marks decimals).
    static func percentage(_ basisPoints: Int, format: PageFormat) -> String {
        let whole = basisPoints / 100
        let hundredths = basisPoints % 100
        guard hundredths != 0 else { return "\(whole) %" }
        let fraction = String(format: "%02d", hundredths).replacingOccurrences(
            of: "0+$", with: "", options: .regularExpression)
        return "\(whole)\(format.decimalMark)\(fraction) %"
    }
}
