import CarteraCore
import Foundation
import Vapor

/// The organisation's settings for admins: `/settings` (organisation, sender, how to pay),
/// `/settings/reminders` (hour, kinds, holidays, credit holds, late fees) and `/settings/rates`.
/// Every form becomes an `OrganisationUpdate` for `OrganisationService.update`, the service the
/// API's `PATCH /api/v1/organisation` uses: the rules live there, refusals come back next to the field.
struct SettingsPages {
    /// The server's hour (`CARTERA_REMINDER_HOUR`), shown while the organisation has not chosen its own.
    let defaultReminderHour: Int

    // MARK: - Organisation and how to pay

    func organisation(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let format = context.pageFormat(language: req.pageLanguage)
        return try await req.render(
            "settings/organisation", title: "settings.title", section: "settings",
            OrganisationSettingsContext(
                organisation: context.organisation, serverSender: req.application.transports.fromAddress,
                format: format))
    }

    struct OrganisationForm: Content {
        var name: String?
        var defaultCurrency: String?
        var locale: String?
        var timeZone: String?
        var senderName: String?
        var senderEmail: String?
        var replyToEmail: String?
    }

    func saveOrganisation(req: Request) async throws -> Response {
        let form = try req.content.decode(OrganisationForm.self)
        var input = OrganisationUpdate()
        input.name = form.name
        input.defaultCurrency = form.defaultCurrency?.trimmingCharacters(in: .whitespaces).uppercased()
        input.locale = form.locale
        input.timeZone = form.timeZone?.trimmingCharacters(in: .whitespaces)
        input.senderName = form.senderName ?? ""
        input.senderEmail = form.senderEmail ?? ""
        input.replyToEmail = form.replyToEmail ?? ""
        return try await save(input, req, back: AppURL.settings)
    }

    struct PaymentForm: Content {
        var paymentInstructions: String?
    }

    func savePayment(req: Request) async throws -> Response {
        var input = OrganisationUpdate()
        input.paymentInstructions = try req.content.decode(PaymentForm.self).paymentInstructions ?? ""
        return try await save(input, req, back: AppURL.settings)
    }

    /// The add-an-account form: its fields are named for the page (`bankName`…), the service names
    /// them by place in the list (`bank_accounts[2].bank`), and a refusal is shown next to the page's field.
    struct BankAccountForm: Content {
        var bankName: String?
        var bankAccountType: String?
        var bankAccountNumber: String?
        var bankAccountHolder: String?
        var bankAccountTaxId: String?
    }

    private static let accountFields = [
        "bank": "bankName", "account_type": "bankAccountType", "number": "bankAccountNumber",
        "holder": "bankAccountHolder", "tax_id": "bankAccountTaxId",
    ]

    func addBankAccount(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let form = try req.content.decode(BankAccountForm.self)
        var accounts = context.organisation.bankAccountList.map(Self.input)
        accounts.append(
            BankAccountInput(
                bank: form.bankName ?? "", accountType: form.bankAccountType ?? "",
                number: form.bankAccountNumber ?? "", holder: form.bankAccountHolder ?? "",
                taxId: form.bankAccountTaxId))
        var input = OrganisationUpdate()
        input.bankAccounts = accounts
        do {
            _ = try await OrganisationService.update(input, in: context)
        } catch let error as ServiceError {
            // "bank_accounts[3].number" → "bankAccountNumber": the new account is the last one.
            let part = error.field?.split(separator: ".").last.map(String.init)
            throw ServiceError(
                error.kind, code: error.code, message: error.message,
                field: part.flatMap { Self.accountFields[$0] } ?? "bankName")
        }
        req.session.flash(req.text("flash.settings_saved"))
        return req.redirect(to: AppURL.settings)
    }

    func removeBankAccount(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        var accounts = context.organisation.bankAccountList
        guard let raw = req.parameters.get("index"), let index = Int(raw), accounts.indices.contains(index) else {
            throw ServiceError.notFound("bank_account")
        }
        accounts.remove(at: index)
        var input = OrganisationUpdate()
        input.bankAccounts = accounts.map(Self.input)
        return try await save(input, req, back: AppURL.settings, in: context)
    }

    private static func input(_ account: BankAccount) -> BankAccountInput {
        BankAccountInput(
            bank: account.bank, accountType: account.accountType.rawValue, number: account.number,
            holder: account.holder, taxId: account.taxId)
    }

    // MARK: - Reminders, holidays, credit holds, late fees

    func reminders(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        return try await req.render(
            "settings/reminders", title: "settings.title", section: "settings",
            ReminderSettingsContext(
                organisation: context.organisation, defaultHour: defaultReminderHour, today: context.today,
                format: context.pageFormat(language: req.pageLanguage)))
    }

    struct RemindersForm: Content {
        var reminderHour: String?
        var collectionsStart: String?
        var reminderKinds: [String]?
        /// An `EventDelivery` each: right away, or in the day's message.
        var newInvoiceDelivery: String?
        var paymentReceivedDelivery: String?
        var creditHoldDaysOverdue: String?
        var lateFeePolicy: String?
        var lateFeeAmount: String?
        var lateInterestRate: String?
        var legalMaximumRate: String?
        // "Antes de enviar": the bank statement's age, hold or warn, the daily email of what goes out.
        var statementStaleDays: String?
        var statementStaleMode: String?
        var outgoingDigest: String?
        /// Posted by the page with the fieldset, so an unticked digest box (posted as nothing) turns it off.
        var beforeSendingShown: String?
    }

    func saveReminders(req: Request) async throws -> Response {
        let form = try await req.typedForm(
            RemindersForm.self, amounts: ["lateFeeAmount", "lateInterestRate", "legalMaximumRate"])
        var input = OrganisationUpdate()
        input.reminderHour = try Self.integer(form.reminderHour, "reminder_hour")
        input.collectionsStart = form.collectionsStart
        input.reminderKinds = form.reminderKinds ?? []
        input.digestKinds = try Self.digestKinds(form)
        input.creditHoldDaysOverdue = try Self.integer(form.creditHoldDaysOverdue, "credit_hold_days_overdue") ?? 0
        input.lateFeePolicy = form.lateFeePolicy
        input.lateFeeAmount = Self.filled(form.lateFeeAmount)
        input.lateInterestRate = Self.filled(form.lateInterestRate)
        input.legalMaximumRate = form.legalMaximumRate.map { $0.trimmingCharacters(in: .whitespaces) }
        if form.beforeSendingShown != nil {
            input.statementStaleDays = try FieldParser.required(
                Self.integer(form.statementStaleDays, "statement_stale_days"), "statement_stale_days")
            input.statementStaleMode = form.statementStaleMode
            input.outgoingDigest = form.outgoingDigest != nil
        }
        return try await save(input, req, back: AppURL.settingsReminders)
    }

    struct HolidayForm: Content {
        var holidayDate: String?
        var country: String?
        var year: String?
    }

    /// Adds one day, or a country's preset for a year, to the organisation's holidays.
    func addHolidays(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let form = try req.content.decode(HolidayForm.self)
        var days = Set(StoredList<String>.decode(context.organisation.holidays))
        if let code = Self.filled(form.country) {
            guard let country = HolidayCountry(rawValue: code) else {
                throw ServiceError.invalid("country", "country must be one of CO, CL, MX, ES")
            }
            guard let year = Self.filled(form.year).flatMap({ Int($0) }),
                let preset = HolidayPreset.holidays(country, year: year)
            else { throw ServiceError.invalid("year", code: "out_of_range", "year must be from 1900 to 2199") }
            days.formUnion(preset.map(\.date.iso))
        } else {
            let typed = try FieldParser.required(Self.filled(form.holidayDate), "holiday_date")
            days.insert(try FieldParser.date(typed, "holiday_date").iso)
        }
        var input = OrganisationUpdate()
        input.holidays = days.sorted()
        return try await save(input, req, back: AppURL.settingsReminders, in: context)
    }

    func removeHoliday(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let form = try req.content.decode(HolidayForm.self)
        var input = OrganisationUpdate()
        input.holidays = StoredList<String>.decode(context.organisation.holidays).filter { $0 != form.holidayDate }
        return try await save(input, req, back: AppURL.settingsReminders, in: context)
    }

    // MARK: - Reference rates

    func rates(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        return try await req.render(
            "settings/rates", title: "settings.title", section: "settings",
            RateSettingsContext(
                organisation: context.organisation, format: context.pageFormat(language: req.pageLanguage)))
    }

    struct RatesForm: Content {
        var currency: [String]?
        var rate: [String]?
    }

    /// Rows of a currency and what one unit of it counts as; an empty row is left out.
    func saveRates(req: Request) async throws -> Response {
        let form: RatesForm
        do {
            form = try await req.typedForm(RatesForm.self, amounts: ["rate[]"])
        } catch let error as ServiceError {
            throw ServiceError(error.kind, code: error.code, message: error.message, field: "referenceRates")
        }
        let currencies = form.currency ?? []
        let rates = form.rate ?? []
        var entries: [String] = []
        for (index, code) in currencies.enumerated() {
            let code = code.trimmingCharacters(in: .whitespaces).uppercased()
            let rate = index < rates.count ? rates[index].trimmingCharacters(in: .whitespaces) : ""
            if code.isEmpty && rate.isEmpty { continue }
            entries.append("\(code)=\(rate)")
        }
        var input = OrganisationUpdate()
        input.referenceRates = entries.joined(separator: ",")
        return try await save(input, req, back: AppURL.settingsRates)
    }

    // MARK: -

    private func save(
        _ input: OrganisationUpdate, _ req: Request, back: String, in given: ServiceContext? = nil
    ) async throws -> Response {
        let context: ServiceContext
        if let given { context = given } else { context = try await req.serviceContext() }
        _ = try await OrganisationService.update(input, in: context)
        req.session.flash(req.text("flash.settings_saved"))
        return req.redirect(to: back)
    }

    private static func filled(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// A whole number typed in a form; empty is nil, anything else is refused naming the field.
    private static func integer(_ value: String?, _ field: String) throws -> Int? {
        guard let text = filled(value) else { return nil }
        guard text.count <= 6, let number = Int(text) else {
            throw ServiceError.invalid(field, code: "invalid_number", "\(field) must be a whole number")
        }
        return number
    }
}
