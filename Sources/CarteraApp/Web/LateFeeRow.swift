import CarteraCore
import Vapor

/// One late-payment charge as the invoice page and the portal show it.
struct LateFeeRow: Encodable {
    let id: UUID
    let waiveURL: String
    let invoiceNumber: String
    let description: String
    let amount: String
    let charged: String
    let waived: Bool
    let waiverReason: String?

    /// `steps`: the invoice's policy, to name the step a fee was charged at (the standard one otherwise).
    init(_ fee: LateFee, invoiceNumber: String, format: PageFormat, req: Request, steps: [PolicyStep] = []) throws {
        id = try fee.requireID()
        waiveURL = AppURL.lateFeeWaive(id)
        self.invoiceNumber = invoiceNumber
        description =
            switch fee.kind {
            case .stepFee:
                req.text(
                    "late_fee.step_fee",
                    [
                        "step": (steps + CollectionPolicy.standard.steps).first { $0.key == fee.periodKey }.map {
                            StepText.describe($0, format: format)
                        } ?? req.text("step.former")
                    ])
            case .interest:
                req.text(
                    "late_fee.interest",
                    [
                        "rate": fee.rateBasisPoints.map { format.localized(BasisPoints.rateText($0)) } ?? "",
                        "from": format.date(fee.periodFrom), "through": format.date(fee.periodThrough),
                        "base": format.money(fee.baseMinor, fee.currency),
                    ])
            }
        amount = format.money(fee.amountMinor, fee.currency)
        charged = format.date(fee.chargedOn)
        waived = fee.status == .waived
        waiverReason = fee.waiverReason
    }

    /// "12.500,00 COP · 3,10 USD": what is owed in fees that were not waived.
    static func outstanding(_ fees: [LateFee], format: PageFormat) -> String? {
        let owed = LateFeeService.outstanding(fees)
        guard !owed.isEmpty else { return nil }
        return owed.keys.sorted().map { format.money(owed[$0]!, $0) }.joined(separator: " · ")
    }
}
