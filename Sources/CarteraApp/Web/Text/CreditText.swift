import CarteraCore
import Foundation
import Vapor

/// A credit-check reason in words.
enum CreditText {
    static func reason(_ reason: CreditCheck.Reason, req: Request, format: PageFormat) -> String {
        self.reason(reason, text: req.text, format: format)
    }

    static func reason(_ reason: CreditCheck.Reason, text: (String, [String: String]) -> String, format: PageFormat)
        -> String
    {
        switch reason {
        case .manualHold(let why): text("credit.reason.manual_hold", ["reason": why])
        case .sentToCollection: text("credit.reason.sent_to_collection", [:])
        case .overLimit(let exposure, let limit):
            text("credit.reason.over_limit", ["exposure": format.money(exposure), "limit": format.money(limit)])
        case .overdueTooLong(let days, let maximum):
            text("credit.reason.overdue_too_long", ["days": String(days), "maximum": String(maximum)])
        case .saleExceedsLimit(let available):
            text("credit.reason.sale_exceeds_limit", ["available": format.money(available)])
        }
    }
}
