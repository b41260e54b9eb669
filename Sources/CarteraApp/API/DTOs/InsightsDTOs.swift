import CarteraCore
import Vapor

/// A customer's risk level with the figures and the reasons behind it.
struct RiskDTO: Content {
    struct Reason: Content {
        let code: String
        let message: String
        let figures: [String: String]
    }

    let customerId: UUID
    let level: String
    let reasons: [Reason]
    let paidCount: Int
    let paidLateCount: Int
    /// Percent of paid invoices paid on or before the due date; null without paid invoices.
    let onTimeRate: String?
    /// Mean days late over all paid invoices, on-time ones counting as 0.
    let averageDaysLate: Int
    /// 90th percentile (nearest rank) of days late.
    let p90DaysLate: Int
    /// Percent of the open balance already overdue (worst currency); null with nothing open.
    let overdueShare: String?
    let brokenPromises: Int
    let openDisputes: Int
    let asOf: String

    init(customerID: UUID, _ risk: RiskAssessment, asOf: LocalDate, message: (RiskReason) -> String) {
        customerId = customerID
        level = risk.level.rawValue
        reasons = risk.reasons.map { reason in
            let parts = RiskText.parts(reason)
            return Reason(code: parts.code, message: message(reason), figures: parts.arguments)
        }
        let profile = risk.profile
        paidCount = profile.paidCount
        paidLateCount = profile.paidLateCount
        onTimeRate = profile.onTimeRateBasisPoints.map(Self.percent)
        averageDaysLate = profile.averageDaysLate
        p90DaysLate = profile.p90DaysLate
        overdueShare = profile.overdueShareBasisPoints.map(Self.percent)
        brokenPromises = profile.brokenPromises
        openDisputes = profile.openDisputes
        self.asOf = asOf.iso
    }

    /// 7 250 basis points → "72.50".
    static func percent(_ basisPoints: Int) -> String { BasisPoints.fixedText(basisPoints) }
}

/// When an open invoice is expected to be paid.
struct PredictionDTO: Content {
    let invoiceId: UUID
    /// Null when the invoice is not open or nothing has been paid yet to learn from.
    let expectedOn: String?
    let earliest: String?
    let latest: String?
    /// Days after the due date (negative: before).
    let expectedDelayDays: Int?
    /// "customer", "blended" or "organisation": whose history the prediction rests on.
    let basis: String?
    let customerHistoryCount: Int

    init(invoiceID: UUID, _ prediction: PaymentPrediction?) {
        invoiceId = invoiceID
        expectedOn = prediction?.date.iso
        earliest = prediction?.earliest.iso
        latest = prediction?.latest.iso
        expectedDelayDays = prediction?.expectedDelay
        basis = prediction?.basis.rawValue
        customerHistoryCount = prediction?.customerHistoryCount ?? 0
    }
}
