import CarteraCore
import Vapor

/// The risk level's reason in words: "7 of 10 invoices paid late, 23 days on average".
enum RiskText {
    /// "7 de 10 facturas pagadas con atraso, 23 días en promedio; 1 promesa incumplida": the facts
    /// behind the level, or the history summary when nothing crossed a threshold.
    static func reason(_ risk: RiskAssessment, req: Request) -> String { reason(risk, text: req.text) }

    static func reason(_ risk: RiskAssessment, text: (String, [String: String]) -> String) -> String {
        let reasons =
            risk.reasons.isEmpty
            ? [RiskReason.paidLate(late: risk.paidLateCount, of: risk.paidCount, averageDays: risk.averageDaysLate)]
            : risk.reasons
        return reasons.map { self.text($0, text: text) }.joined(separator: "; ")
    }

    /// The profile's figures for the customer page, "—" where there is nothing to measure.
    static func figures(_ profile: RiskProfile, format: PageFormat) -> [CustomerPageContext.Figure] {
        let text = format.text
        func days(_ value: Int) -> String { text("risk.days", ["days": String(value)]) }
        let percent = { (basisPoints: Int?) in basisPoints.map { format.fixedPercent(basisPoints: $0) } ?? "—" }
        return [
            .init(
                label: text("risk.on_time_rate", [:]),
                value: profile.paidCount == 0
                    ? "—"
                    : text(
                        "risk.paid_of",
                        [
                            "onTime": String(profile.paidCount - profile.paidLateCount),
                            "paid": String(profile.paidCount),
                        ]) + " (\(percent(profile.onTimeRateBasisPoints)))"),
            .init(label: text("risk.average_days_late", [:]), value: days(profile.averageDaysLate)),
            .init(label: text("risk.p90_days_late", [:]), value: days(profile.p90DaysLate)),
            .init(label: text("risk.overdue_share", [:]), value: percent(profile.overdueShareBasisPoints)),
            .init(label: text("risk.broken_promises", [:]), value: String(profile.brokenPromises)),
            .init(label: text("risk.open_disputes", [:]), value: String(profile.openDisputes)),
        ]
    }

    static func text(_ reason: RiskReason, req: Request) -> String { text(reason, text: req.text) }

    static func text(_ reason: RiskReason, text: (String, [String: String]) -> String) -> String {
        let (key, arguments) = parts(reason)
        return text("risk.reason.\(key)", arguments)
    }

    /// The reason's machine code and its figures, as the API returns them and the locale files name them.
    static func parts(_ reason: RiskReason) -> (code: String, arguments: [String: String]) {
        let arguments: [String: String] =
            switch reason {
            case .littleHistory(let paid, let needed): ["count": String(paid), "needed": String(needed)]
            case .paidLate(let late, let paid, let days):
                ["late": String(late), "paid": String(paid), "days": String(days)]
            case .slowestPayments(let days): ["days": String(days)]
            case .overdueBalance(let basisPoints): ["percent": String(basisPoints / 100)]
            case .brokenPromises(let count): ["count": String(count)]
            case .openDisputes(let count): ["count": String(count)]
            }
        return (reason.code.rawValue, arguments)
    }
}
