import CarteraCore
import Fluent
import Foundation

/// The company that sells on credit. Every other row belongs to exactly one organisation.
public final class Organisation: Model, @unchecked Sendable {
    public static let schema = "organisations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "default_currency") public var defaultCurrency: String
    @Field(key: "locale") public var locale: String
    @Field(key: "time_zone") public var timeZone: String
    /// The `ReminderKind`s switched off (a `StoredList`); every other kind is on, new ones included.
    /// See `enabledReminderKinds`.
    @Field(key: "reminder_kinds_off") public var reminderKindsOff: String
    @Field(key: "summary_frequency") public var summaryFrequency: SummaryFrequency
    /// Comma-separated ISO weekdays reminders go out on (1 = Monday).
    @Field(key: "working_weekdays") public var workingWeekdays: String
    /// Comma-separated ISO dates with no reminders.
    @Field(key: "holidays") public var holidays: String
    /// Shown in every reminder: how to pay (bank account, reference to quote…).
    @Field(key: "payment_instructions") public var paymentInstructions: String
    @OptionalField(key: "reply_to_email") public var replyToEmail: String?
    /// The name and address emails are sent from; nil: the organisation's name and the server's address.
    @OptionalField(key: "sender_name") public var senderName: String?
    @OptionalField(key: "sender_email") public var senderEmail: String?
    /// The local hour (0–23) reminders go out from; nil: the server's `CARTERA_REMINDER_HOUR`.
    @OptionalField(key: "reminder_hour") public var reminderHour: Int?
    /// The ISO day collections started (see `DunningFacts.collectionsStart`): set on the first daily
    /// pass or the first import, whichever comes first, and editable; nil until then.
    @OptionalField(key: "collections_start") public var collectionsStart: String?
    /// The accounts customers pay into, as `StoredBankAccounts` JSON; see `bankAccountList`.
    @Field(key: "bank_accounts") public var bankAccounts: String
    /// A customer with an invoice more days overdue than this goes on credit hold; nil: never.
    @OptionalField(key: "credit_hold_days_overdue") public var creditHoldDaysOverdue: Int?
    /// "USD=4100,EUR=4450": see `ReferenceRates`.
    @Field(key: "reference_rates") public var referenceRates: String
    /// "none", "fixed_per_step" or "annual_interest": see `Organisation.lateFeePolicy`.
    @Field(key: "late_fee_policy") public var lateFeePolicyName: String
    /// The fixed fee per overdue step, in the default currency.
    @OptionalField(key: "late_fee_minor") public var lateFeeMinor: Int64?
    @OptionalField(key: "late_interest_basis_points") public var lateInterestBasisPoints: Int?
    /// The legal maximum ("tasa de usura"): the rate applied never exceeds it.
    @OptionalField(key: "legal_maximum_basis_points") public var legalMaximumBasisPoints: Int?
    /// A promise made on the customer portal is due at most this many days after today.
    @Field(key: "portal_promise_max_days") public var portalPromiseMaxDays: Int
    /// …and is at least this share (in basis points) of what the invoices it covers still owe.
    @Field(key: "portal_promise_minimum_basis_points") public var portalPromiseMinimumBasisPoints: Int
    /// The letterhead and signature of posted letters (`LetterSheet`); each part optional.
    @OptionalField(key: "tax_id") public var taxID: String?
    @OptionalField(key: "address_line") public var addressLine: String?
    @OptionalField(key: "city") public var city: String?
    @OptionalField(key: "region") public var region: String?
    @OptionalField(key: "postal_code") public var postalCode: String?
    @OptionalField(key: "country") public var country: String?
    @OptionalField(key: "phone") public var phone: String?
    @OptionalField(key: "email") public var email: String?
    @OptionalField(key: "signer_name") public var signerName: String?
    @OptionalField(key: "signer_title") public var signerTitle: String?
    /// A bank statement older than this many working days makes the safety check hold or warn.
    @Field(key: "statement_stale_days") public var statementStaleDays: Int
    @Field(key: "statement_stale_mode") public var statementStaleMode: StaleStatementMode
    /// Organisation-wide pause: nothing goes out before this ISO day; nil: not paused.
    @OptionalField(key: "paused_until") public var pausedUntil: String?
    /// The morning email to collectors and admins of what the run sends and holds.
    @Field(key: "outgoing_digest") public var outgoingDigest: Bool
    /// The event kinds sent in the customer's message of the day (a `StoredList`); see `dailyMessageKinds`.
    @Field(key: "digest_kinds") public var digestKinds: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, name: String, defaultCurrency: String, locale: String, timeZone: String) {
        self.id = id
        self.name = name
        self.defaultCurrency = defaultCurrency
        self.locale = locale
        self.timeZone = timeZone
        reminderKindsOff = ""
        summaryFrequency = .monthly
        workingWeekdays = "1,2,3,4,5"
        holidays = ""
        paymentInstructions = ""
        bankAccounts = "[]"
        creditHoldDaysOverdue = 60
        referenceRates = ""
        lateFeePolicyName = LateFeePolicyName.none.rawValue
        portalPromiseMaxDays = PortalLimits.defaultPromiseMaxDays
        portalPromiseMinimumBasisPoints = PortalLimits.defaultPromiseMinimumBasisPoints
        statementStaleDays = 3
        statementStaleMode = .hold
        outgoingDigest = true
        digestKinds = ""
    }
}
