import CarteraCore
import Foundation
import Vapor

struct OrganisationDTO: Content {
    let id: UUID
    let name: String
    let defaultCurrency: String
    let locale: String
    let timeZone: String
    let reminderKinds: [String]
    let summaryFrequency: String
    let workingWeekdays: [Int]
    let holidays: [String]
    let paymentInstructions: String
    let replyToEmail: String?
    /// Days overdue that put a customer on credit hold; null: never.
    let creditHoldDaysOverdue: Int?
    /// "USD=4100,EUR=4450": what one unit of another currency counts as, for the worklist and credit checks.
    let referenceRates: String
    /// "none", "fixed_per_step" or "annual_interest".
    let lateFeePolicy: String
    /// The fee per overdue reminder step, in the default currency.
    let lateFeeAmount: String?
    /// Simple yearly interest in percent, charged per month on the unpaid balance.
    let lateInterestRate: String?
    /// The legal maximum yearly rate; the rate applied never exceeds it.
    let legalMaximumRate: String?
    /// A promise made on the customer portal is due at most this many days ahead.
    let portalPromiseMaxDays: Int
    /// The least share, in percent, of what the named invoices owe that a portal promise must be ("10").
    let portalPromiseMinimumShare: String

    init(_ organisation: Organisation) throws {
        id = try organisation.requireID()
        name = organisation.name
        defaultCurrency = organisation.defaultCurrency
        locale = organisation.locale
        timeZone = organisation.timeZone
        reminderKinds = ReminderKind.allCases.filter(organisation.enabledReminderKinds.contains).map(\.rawValue)
        summaryFrequency = organisation.summaryFrequency.rawValue
        workingWeekdays = StoredList<Int>.decode(organisation.workingWeekdays)
        holidays = StoredList<String>.decode(organisation.holidays)
        paymentInstructions = organisation.paymentInstructions
        replyToEmail = organisation.replyToEmail
        creditHoldDaysOverdue = organisation.creditHoldDaysOverdue
        referenceRates = organisation.referenceRates
        lateFeePolicy = organisation.lateFeePolicyName
        lateFeeAmount = try organisation.lateFeeMinor.map {
            Money(minorUnits: $0, currency: try Currency(code: organisation.defaultCurrency)).decimalString
        }
        lateInterestRate = organisation.lateInterestBasisPoints.map(Self.percentage)
        legalMaximumRate = organisation.legalMaximumBasisPoints.map(Self.percentage)
        portalPromiseMaxDays = organisation.portalPromiseMaxDays
        portalPromiseMinimumShare = Self.percentage(organisation.portalPromiseMinimumBasisPoints)
    }

    static func percentage(_ basisPoints: Int) -> String { BasisPoints.rateText(basisPoints) }
}
