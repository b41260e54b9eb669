import CarteraCore
import Vapor

/// A late-payment charge: apart from the invoice, never part of its balance.
struct LateFeeDTO: Content {
    let id: UUID
    let customerId: UUID
    let invoiceId: UUID
    /// "step_fee" or "interest".
    let kind: String
    /// The reminder step's key, or the interest month "YYYY-MM".
    let period: String
    let periodFrom: String?
    let periodThrough: String?
    /// Yearly percentage applied, for interest.
    let rate: String?
    /// The invoice balance the charge was worked out on.
    let base: String
    let amount: String
    let currency: String
    let chargedOn: String
    /// "charged" or "waived".
    let status: String
    let waiverReason: String?
    let waivedBy: String?

    init(_ fee: LateFee) throws {
        let currency = try Currency(code: fee.currency)
        id = try fee.requireID()
        customerId = fee.$customer.id
        invoiceId = fee.$invoice.id
        kind = fee.kind.rawValue
        period = fee.periodKey
        periodFrom = fee.periodFrom
        periodThrough = fee.periodThrough
        rate = fee.rateBasisPoints.map(OrganisationDTO.percentage)
        base = Money(minorUnits: fee.baseMinor, currency: currency).decimalString
        amount = Money(minorUnits: fee.amountMinor, currency: currency).decimalString
        self.currency = fee.currency
        chargedOn = fee.chargedOn
        status = fee.status.rawValue
        waiverReason = fee.waiverReason
        waivedBy = fee.waivedBy
    }
}

struct LateFeeListQuery: Content {
    var customerId: UUID?
    var invoiceId: UUID?
    var status: String?
    enum CodingKeys: String, CodingKey { case customerId = "customer_id", invoiceId = "invoice_id", status }
}
