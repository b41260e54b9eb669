import CarteraCore
import Fluent
import Foundation

enum OrganisationService {
    static func update(_ input: OrganisationUpdate, in context: ServiceContext) async throws -> Organisation {
        let organisation = context.organisation
        var changes: [String: String] = [:]
        if let name = input.name {
            organisation.name = try FieldParser.text(name, "name", maxLength: 200)
            changes["name"] = organisation.name
        }
        if let currency = input.defaultCurrency {
            organisation.defaultCurrency = try FieldParser.currency(currency, "default_currency").code
            changes["default_currency"] = organisation.defaultCurrency
        }
        if let locale = input.locale {
            guard SupportedLocale(rawValue: locale) != nil else {
                throw ServiceError.invalid("locale", "locale must be one of: \(SupportedLocale.identifiers)")
            }
            organisation.locale = locale
            changes["locale"] = locale
        }
        if let zone = input.timeZone {
            organisation.timeZone = try FieldParser.timeZone(zone, "time_zone").identifier
            changes["time_zone"] = organisation.timeZone
        }
        try updateReminderSettings(input, of: organisation, changes: &changes)
        try updateEventDelivery(input, of: organisation, changes: &changes)
        try updateCreditSettings(input, of: organisation, changes: &changes)
        try updateLateFeeSettings(input, of: organisation, changes: &changes)
        try updatePortalLimits(input, of: organisation, changes: &changes)
        try updateSenderAndAccounts(input, of: organisation, changes: &changes)
        try updateLetterhead(input, of: organisation, changes: &changes)
        let now = context.clock.now()
        let heldUntil = organisation.resumeInstant(after: now)
        let pausedDay = organisation.pause(on: context.today)
        try updateSafetySettings(input, of: organisation, today: context.today, changes: &changes)
        let resumesAt = organisation.resumeInstant(after: now) ?? now
        let recordedChanges = changes
        return try await context.transaction { tx in
            try await organisation.save(on: tx.db)
            if let heldUntil, let pausedDay, resumesAt < heldUntil {
                try await OutboxPauseRelease.release(
                    organisationID: try organisation.requireID(), heldUntil: heldUntil, resumeDay: pausedDay,
                    from: resumesAt, on: tx.db)
            }
            try await AuditLog.record(
                "organisation.updated", entityType: "organisation", entityID: try organisation.requireID(),
                details: recordedChanges, in: tx)
            return organisation
        }
    }

    private static func updateCreditSettings(
        _ input: OrganisationUpdate, of organisation: Organisation, changes: inout [String: String]
    ) throws {
        if let days = input.creditHoldDaysOverdue {
            guard (0...3_650).contains(days) else {
                throw ServiceError.invalid(
                    "credit_hold_days_overdue", "credit_hold_days_overdue must be between 0 (off) and 3650")
            }
            organisation.creditHoldDaysOverdue = days == 0 ? nil : days
            changes["credit_hold_days_overdue"] = String(days)
        }
        if let text = input.referenceRates {
            let currency = try FieldParser.currency(organisation.defaultCurrency, "default_currency")
            do { organisation.referenceRates = try ReferenceRates(base: currency, text: text).text } catch let error
                as DomainError
            { throw ServiceError(error) }
            changes["reference_rates"] = organisation.referenceRates
        }
    }

    private static func updateLateFeeSettings(
        _ input: OrganisationUpdate, of organisation: Organisation, changes: inout [String: String]
    ) throws {
        if let name = input.lateFeePolicy {
            organisation.lateFeePolicyName = try FieldParser.enumValue(name, LateFeePolicyName.self, "late_fee_policy")
                .rawValue
            changes["late_fee_policy"] = name
        }
        if let amount = input.lateFeeAmount {
            let currency = try FieldParser.currency(organisation.defaultCurrency, "default_currency")
            organisation.lateFeeMinor = try FieldParser.money(amount, currency: currency, "late_fee_amount").minorUnits
            changes["late_fee_amount"] = amount
        }
        if let rate = input.lateInterestRate {
            organisation.lateInterestBasisPoints = try FieldParser.percentage(rate, "late_interest_rate")
            changes["late_interest_rate"] = rate
        }
        if let cap = input.legalMaximumRate {
            organisation.legalMaximumBasisPoints =
                cap.isEmpty ? nil : try FieldParser.percentage(cap, "legal_maximum_rate")
            changes["legal_maximum_rate"] = cap
        }
        switch LateFeePolicyName(rawValue: organisation.lateFeePolicyName) {
        case .fixedPerStep where organisation.lateFeeMinor == nil:
            throw ServiceError.invalid("late_fee_amount", "late_fee_amount is required with the fixed_per_step policy")
        case .annualInterest where organisation.lateInterestBasisPoints == nil:
            throw ServiceError.invalid(
                "late_interest_rate", "late_interest_rate is required with the annual_interest policy")
        default:
            break
        }
    }

    private static func updatePortalLimits(
        _ input: OrganisationUpdate, of organisation: Organisation, changes: inout [String: String]
    ) throws {
        if let days = input.portalPromiseMaxDays {
            guard PortalLimits.promiseMaxDaysRange.contains(days) else {
                throw ServiceError.invalid(
                    "portal_promise_max_days", code: "out_of_range", "portal_promise_max_days must be between 1 and 365"
                )
            }
            organisation.portalPromiseMaxDays = days
            changes["portal_promise_max_days"] = String(days)
        }
        if let share = input.portalPromiseMinimumShare {
            let basisPoints = try FieldParser.percentage(share, "portal_promise_minimum_share")
            guard PortalLimits.promiseMinimumBasisPointsRange.contains(basisPoints) else {
                throw ServiceError.invalid(
                    "portal_promise_minimum_share", code: "out_of_range",
                    "portal_promise_minimum_share must be between 0 and 100")
            }
            organisation.portalPromiseMinimumBasisPoints = basisPoints
            changes["portal_promise_minimum_share"] = share
        }
    }

    private static func updateReminderSettings(
        _ input: OrganisationUpdate, of organisation: Organisation, changes: inout [String: String]
    ) throws {
        if let kinds = input.reminderKinds {
            let enabled = try kinds.map { try FieldParser.enumValue($0, ReminderKind.self, "reminder_kinds") }
            organisation.enabledReminderKinds = Set(enabled)
            changes["reminder_kinds"] = StoredList.encode(enabled)
        }
        if let frequency = input.summaryFrequency {
            organisation.summaryFrequency = try FieldParser.enumValue(
                frequency, SummaryFrequency.self, "summary_frequency")
            changes["summary_frequency"] = frequency
        }
        if let days = input.workingWeekdays {
            guard !days.isEmpty, days.allSatisfy((1...7).contains) else {
                throw ServiceError.invalid(
                    "working_weekdays", "working_weekdays must list ISO weekdays 1 (Monday) to 7 (Sunday)")
            }
            organisation.workingWeekdays = StoredList.encode(Set(days).sorted())
            changes["working_weekdays"] = organisation.workingWeekdays
        }
        if let holidays = input.holidays {
            organisation.holidays = StoredList.encode(
                try holidays.enumerated().map { try FieldParser.date($1, "holidays[\($0)]").iso }.sorted())
            changes["holidays"] = organisation.holidays
        }
        if let instructions = input.paymentInstructions {
            organisation.paymentInstructions =
                try FieldParser.optionalText(instructions, "payment_instructions", maxLength: 2_000) ?? ""
            changes["payment_instructions"] = "changed"
        }
        if input.replyToEmail != nil {
            organisation.replyToEmail = try ContactService.email(input.replyToEmail, field: "reply_to_email")
            changes["reply_to_email"] = organisation.replyToEmail ?? ""
        }
        if let hour = input.reminderHour {
            guard (0...23).contains(hour) else {
                throw ServiceError.invalid("reminder_hour", code: "out_of_range", "reminder_hour must be from 0 to 23")
            }
            organisation.reminderHour = hour
            changes["reminder_hour"] = String(hour)
        }
        if let start = input.collectionsStart {
            organisation.collectionsStart = try CollectionsStart.parse(start)?.iso
            changes["collections_start"] = organisation.collectionsStart ?? ""
        }
    }

    private static func updateSenderAndAccounts(
        _ input: OrganisationUpdate, of organisation: Organisation, changes: inout [String: String]
    ) throws {
        if let name = input.senderName {
            organisation.senderName = try FieldParser.optionalText(name, "sender_name", maxLength: 200)
            changes["sender_name"] = organisation.senderName ?? ""
        }
        if input.senderEmail != nil {
            organisation.senderEmail = try ContactService.email(input.senderEmail, field: "sender_email")
            changes["sender_email"] = organisation.senderEmail ?? ""
        }
        if let accounts = input.bankAccounts {
            guard accounts.count <= maximumBankAccounts else {
                throw ServiceError.invalid(
                    "bank_accounts", code: "out_of_range",
                    "bank_accounts holds at most \(maximumBankAccounts) accounts")
            }
            organisation.bankAccountList = try accounts.enumerated().map { try bankAccount($1, at: $0) }
            changes["bank_accounts"] = String(accounts.count)
        }
    }

    static let maximumBankAccounts = 10

    private static func bankAccount(_ input: BankAccountInput, at index: Int) throws -> BankAccount {
        let field = "bank_accounts[\(index)]"
        return BankAccount(
            bank: try FieldParser.text(input.bank, "\(field).bank", maxLength: 100),
            accountType: try FieldParser.enumValue(
                try FieldParser.required(input.accountType, "\(field).account_type"), BankAccountType.self,
                "\(field).account_type"),
            number: try FieldParser.text(input.number, "\(field).number", maxLength: 40),
            holder: try FieldParser.text(input.holder, "\(field).holder", maxLength: 200),
            taxId: try FieldParser.optionalText(input.taxId, "\(field).tax_id", maxLength: 40))
    }
}
