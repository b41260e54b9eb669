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
    /// The event kinds sent in the customer's message of the day; the others go as soon as allowed.
    let digestKinds: [String]
    let summaryFrequency: String
    let workingWeekdays: [Int]
    let holidays: [String]
    let paymentInstructions: String
    let replyToEmail: String?
    /// The name and address emails go out from; null: the organisation's name and the server's address.
    let senderName: String?
    let senderEmail: String?
    /// The local hour reminders go out from; null: the server's default.
    let reminderHour: Int?
    /// The day collections started (an invoice due before it starts with a first notice); null until the
    /// first daily pass or import sets it.
    let collectionsStart: String?
    /// The accounts customers pay into, shown on the portal and in every message that says how to pay.
    let bankAccounts: [BankAccountDTO]
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
    /// The letterhead and signer of posted letters.
    let letterhead: LetterheadDTO
    /// Working days a bank statement may be old before the safety check holds or warns.
    let statementStaleDays: Int
    /// "hold" or "warn".
    let statementStaleMode: String
    /// Paused: the day reminders go out again; null: not paused.
    let pausedUntil: String?
    /// The morning email of what goes out, to collectors and admins.
    let outgoingDigest: Bool

    init(_ organisation: Organisation) throws {
        id = try organisation.requireID()
        name = organisation.name
        defaultCurrency = organisation.defaultCurrency
        locale = organisation.locale
        timeZone = organisation.timeZone
        reminderKinds = ReminderKind.allCases.filter(organisation.enabledReminderKinds.contains).map(\.rawValue)
        digestKinds = ReminderKind.eventKinds.filter(organisation.dailyMessageKinds.contains).map(\.rawValue)
        summaryFrequency = organisation.summaryFrequency.rawValue
        workingWeekdays = StoredList<Int>.decode(organisation.workingWeekdays)
        holidays = StoredList<String>.decode(organisation.holidays)
        paymentInstructions = organisation.paymentInstructions
        replyToEmail = organisation.replyToEmail
        senderName = organisation.senderName
        senderEmail = organisation.senderEmail
        reminderHour = organisation.reminderHour
        collectionsStart = organisation.collectionsStart
        bankAccounts = organisation.bankAccountList.map(BankAccountDTO.init)
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
        letterhead = LetterheadDTO(organisation)
        statementStaleDays = organisation.statementStaleDays
        statementStaleMode = organisation.statementStaleMode.rawValue
        pausedUntil = organisation.pausedUntil
        outgoingDigest = organisation.outgoingDigest
    }

    static func percentage(_ basisPoints: Int) -> String { BasisPoints.rateText(basisPoints) }
}

struct BankAccountDTO: Content {
    let bank: String
    /// "savings" or "checking".
    let accountType: String
    let number: String
    let holder: String
    let taxId: String?

    init(_ account: BankAccount) {
        bank = account.bank
        accountType = account.accountType.rawValue
        number = account.number
        holder = account.holder
        taxId = account.taxId
    }
}
