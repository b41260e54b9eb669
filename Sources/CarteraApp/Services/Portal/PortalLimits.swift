import CarteraCore
import Foundation

/// What a customer may do through a portal link. The promise limits are organisation settings
/// (`PATCH /api/v1/organisation`); the rate limits are fixed here, counted in the database
/// (`portal_submissions`) so they hold however many instances serve the portal.
struct PortalLimits: Sendable {
    static let defaultPromiseMaxDays = 45
    static let promiseMaxDaysRange = 1...365
    /// 10 %.
    static let defaultPromiseMinimumBasisPoints = 1_000
    static let promiseMinimumBasisPointsRange = 0...10_000

    /// Forms posted through one link in a sliding hour, accepted or refused: enough for a person
    /// correcting a typo a few times, too few to script anything against the collector's list.
    static let submissionsPerLinkPerHour = 10
    /// Disputes and plan requests accepted through one link in 24 hours: each one is a task a
    /// collector answers by hand.
    static let requestsPerLinkPerDay = 3
    /// Invoices one portal promise may name (a form lists the customer's owed invoices).
    static let invoicesPerPromise = 200
    /// Characters of a typed amount worth reading ("US$ 1.000.000.000.000,00" is 24).
    static let amountLength = 40
    /// The largest amount the portal takes, in minor units (10^15, as everywhere else).
    static let maximumAmountMinorUnits: Int64 = 1_000_000_000_000_000

    /// Days after today a portal promise may fall on.
    let promiseMaxDays: Int
    /// The least share of the covered invoices' balance a portal promise must be, in basis points.
    let promiseMinimumBasisPoints: Int

    /// The smallest acceptable promise for `owed`: the share rounded up to the minor unit, never
    /// less than one minor unit. Cannot overflow: the share is at most the whole.
    func minimumPromise(for owed: Money) -> Money {
        let (whole, rest) = owed.minorUnits.quotientAndRemainder(dividingBy: 10_000)
        let basisPoints = Int64(max(0, min(promiseMinimumBasisPoints, 10_000)))
        let share = whole * basisPoints + (rest * basisPoints + 9_999) / 10_000
        return Money(minorUnits: max(1, share), currency: owed.currency)
    }
}

extension Organisation {
    var portalLimits: PortalLimits {
        PortalLimits(promiseMaxDays: portalPromiseMaxDays, promiseMinimumBasisPoints: portalPromiseMinimumBasisPoints)
    }
}
