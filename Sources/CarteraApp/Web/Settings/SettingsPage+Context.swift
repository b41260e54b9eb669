import CarteraCore
import Foundation

/// What the settings pages show, formatted for the reader: words for every choice, dates in words,
/// amounts and percentages in the organisation's conventions. No awaits.
struct SettingsTab: Encodable {
    let label: String
    let url: String
    let current: Bool

    static func all(current: String, format: PageFormat) -> [SettingsTab] {
        all(current: current) { format.text($0) }
    }

    static func all(current: String, text: (String) -> String) -> [SettingsTab] {
        let tabs: [(String, String)] = [
            ("organisation", AppURL.settings), ("reminders", AppURL.settingsReminders),
            ("rates", AppURL.settingsRates), ("letters", AppURL.settingsLetters), ("people", AppURL.people),
            ("api_keys", AppURL.apiKeys),
        ]
        return tabs.map { .init(label: text("settings.tab.\($0.0)"), url: $0.1, current: $0.0 == current) }
    }
}

typealias SettingsOption = SelectOption

/// A value written the way the reader writes decimals, without trailing zeros: "24.50" → "24,5"
/// where the comma is the mark.
func settingsDecimal(_ wire: String, _ format: PageFormat) -> String {
    var text = wire
    if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    return format.localized(text)
}

/// `/settings`: the organisation, its sender, and how customers pay.
struct OrganisationSettingsContext: Encodable {
    struct Links: Encodable {
        let organisation = AppURL.settings
        let payment = AppURL.settingsPayment
        let bankAccounts = AppURL.settingsBankAccounts
    }
    struct Account: Encodable {
        let bank: String
        let type: String
        let number: String
        let holder: String
        let taxId: String
        let remove: String
    }

    let tabs: [SettingsTab]
    let links = Links()
    let name: String
    let currency: String
    let timeZone: String
    let senderName: String
    let senderEmail: String
    let replyTo: String
    let paymentInstructions: String
    /// What the sender is when left empty: "Lácteos SAS <cobranza@…>".
    let senderDefault: String
    let locales: [SettingsOption]
    let currencies: [String]
    let timeZones: [String]
    let accounts: [Account]
    let accountTypes: [SettingsOption]
    let canAddAccount: Bool

    init(organisation: Organisation, serverSender: String, format: PageFormat) {
        tabs = SettingsTab.all(current: "organisation", format: format)
        name = organisation.name
        currency = organisation.defaultCurrency
        timeZone = organisation.timeZone
        senderName = organisation.senderName ?? ""
        senderEmail = organisation.senderEmail ?? ""
        replyTo = organisation.replyToEmail ?? ""
        paymentInstructions = organisation.paymentInstructions
        senderDefault = format.text("settings.sender_default", ["name": organisation.name, "address": serverSender])
        locales = SupportedLocale.allCases.map {
            .init(
                value: $0.rawValue, label: format.text("settings.locale.\($0.rawValue)"),
                selected: $0.rawValue == organisation.locale)
        }
        currencies = ["COP", "CLP", "MXN", "EUR", "USD"]
        timeZones = [
            "America/Bogota", "America/Santiago", "America/Mexico_City", "Europe/Madrid", "America/New_York",
            "America/Lima", "America/Guayaquil",
        ]
        accounts = organisation.bankAccountList.enumerated().map { index, account in
            Account(
                bank: account.bank, type: format.text("bank_account_type.\(account.accountType.rawValue)"),
                number: account.number, holder: account.holder, taxId: account.taxId ?? "",
                remove: AppURL.settingsBankAccountRemove(index))
        }
        accountTypes = BankAccountType.allCases.map {
            .init(value: $0.rawValue, label: format.text("bank_account_type.\($0.rawValue)"), selected: false)
        }
        canAddAccount = accounts.count < OrganisationService.maximumBankAccounts
    }
}

/// `/settings/reminders`: when reminders go out and which, holidays, credit holds and late fees.
struct ReminderSettingsContext: Encodable {
    struct Links: Encodable {
        let reminders = AppURL.settingsReminders
        let holidays = AppURL.settingsHolidays
        let removeHoliday = AppURL.settingsHolidaysRemove
    }
    struct Kind: Encodable {
        let value: String
        let label: String
        let hint: String
        let checked: Bool
    }
    struct Day: Encodable {
        let iso: String
        let date: String
        let name: String
    }

    let tabs: [SettingsTab]
    let links = Links()
    let hours: [SettingsOption]
    /// The date input's value (the browser shows it the reader's way); empty while not started.
    let collectionsStart: String
    let collectionsStartHelp: String
    let kinds: [Kind]
    /// "Pagos y facturas nuevas": each event kind right away or in the day's message (`EventDelivery`).
    let newInvoiceDelivery: [Kind]
    let paymentReceivedDelivery: [Kind]
    let creditHoldDays: String
    let policies: [SettingsOption]
    let lateFeeAmount: String
    let lateInterestRate: String
    let legalMaximumRate: String
    let amountExample: String
    let rateExample: String
    /// "Antes de enviar": working days after which the bank statement is old, hold or warn, the daily email.
    let statementStaleDays: String
    let staleModes: [SettingsOption]
    let outgoingDigest: Bool
    let holidays: [Day]
    let countries: [SettingsOption]
    let years: [SettingsOption]

    init(organisation: Organisation, defaultHour: Int, today: LocalDate, format: PageFormat) {
        tabs = SettingsTab.all(current: "reminders", format: format)
        let hour = organisation.reminderHour ?? defaultHour
        hours = (0...23).map {
            .init(value: String($0), label: String(format: "%02d:00", $0), selected: $0 == hour)
        }
        collectionsStart = organisation.collectionsStart ?? ""
        collectionsStartHelp =
            organisation.collectionsStart.flatMap { try? LocalDate(iso: $0) }.map {
                format.text("settings.collections_start_help", ["date": format.date($0)])
            } ?? format.text("settings.collections_start_unset")
        let enabled = organisation.enabledReminderKinds
        kinds = ReminderKind.allCases.map {
            .init(
                value: $0.rawValue, label: format.text("settings.kind.\($0.rawValue)"),
                hint: format.text("settings.kind_hint.\($0.rawValue)"), checked: enabled.contains($0))
        }
        newInvoiceDelivery = Self.deliveries(of: .newInvoice, organisation, format)
        paymentReceivedDelivery = Self.deliveries(of: .paymentReceived, organisation, format)
        creditHoldDays = organisation.creditHoldDaysOverdue.map(String.init) ?? "0"
        policies = LateFeePolicyName.allCases.map {
            .init(
                value: $0.rawValue, label: format.text("settings.late_fee_policy.\($0.rawValue)"),
                selected: $0.rawValue == organisation.lateFeePolicyName)
        }
        lateFeeAmount = organisation.lateFeeMinor.map { format.money($0, organisation.defaultCurrency) } ?? ""
        lateInterestRate =
            organisation.lateInterestBasisPoints.map { settingsDecimal(BasisPoints.rateText($0), format) }
            ?? ""
        legalMaximumRate =
            organisation.legalMaximumBasisPoints.map { settingsDecimal(BasisPoints.rateText($0), format) }
            ?? ""
        amountExample = format.amountExample
        rateExample = settingsDecimal("24.5", format)
        statementStaleDays = String(organisation.statementStaleDays)
        staleModes = StaleStatementMode.allCases.map {
            .init(
                value: $0.rawValue, label: format.text("settings.stale_mode.\($0.rawValue)"),
                selected: $0 == organisation.statementStaleMode)
        }
        outgoingDigest = organisation.outgoingDigest
        let language = SupportedLocale.Language(rawValue: format.composer.language) ?? .es
        let country = HolidayCountry(locale: organisation.supportedLocale)
        let dates = StoredList<LocalDate>.decode(organisation.holidays)
        var names: [LocalDate: String] = [:]
        for year in Set(dates.map(\.year)) {
            for holiday in country.flatMap({ HolidayPreset.holidays($0, year: year) }) ?? [] {
                names[holiday.date] = holiday.name(language: language)
            }
        }
        holidays = dates.map { .init(iso: $0.iso, date: format.date($0), name: names[$0] ?? "") }
        countries = HolidayCountry.allCases.map {
            .init(value: $0.rawValue, label: format.text("settings.country.\($0.rawValue)"), selected: $0 == country)
        }
        years = [today.year, today.year + 1].map { .init(value: String($0), label: String($0), selected: false) }
    }
}

/// `/settings/rates`: what one unit of another currency counts as.
struct RateSettingsContext: Encodable {
    struct Row: Encodable {
        let currency: String
        let rate: String
    }
    struct Links: Encodable { let rates = AppURL.settingsRates }

    let tabs: [SettingsTab]
    let links = Links()
    let base: String
    let rows: [Row]
    let example: String

    init(organisation: Organisation, format: PageFormat) {
        tabs = SettingsTab.all(current: "rates", format: format)
        base = organisation.defaultCurrency
        let stored: [Row] = organisation.referenceRates.split(separator: ",").compactMap { entry in
            let pair = entry.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            return Row(currency: String(pair[0]), rate: settingsDecimal(String(pair[1]), format))
        }
        rows = stored + Array(repeating: Row(currency: "", rate: ""), count: 3)
        example = settingsDecimal("4100.5", format)
    }
}

/// `/settings/api-keys`: the organisation's keys, and the one just made (shown once).
struct APIKeysContext: Encodable {
    struct Row: Encodable {
        let name: String
        let prefix: String
        let role: String
        let created: String
        let lastUsed: String
        let revoked: String
        let revoke: String
    }
    struct Links: Encodable { let create = AppURL.apiKeys }

    let tabs: [SettingsTab]
    let links = Links()
    let rows: [Row]
    let roles: [SettingsOption]
    /// The secret of the key just created, once; empty otherwise.
    let newKey: String

    init(keys: [APIKey], newKey: String, timeZone: TimeZone, format: PageFormat) throws {
        tabs = SettingsTab.all(current: "api_keys", format: format)
        func day(_ instant: Date?) -> String {
            instant.map { format.date(LocalDate.today(at: $0, in: timeZone)) } ?? ""
        }
        rows = try keys.map { key in
            Row(
                name: key.name, prefix: key.prefix, role: format.text("role.\(key.role.rawValue)"),
                created: day(key.createdAt),
                lastUsed: key.lastUsedAt == nil ? format.text("api_keys.never") : day(key.lastUsedAt),
                revoked: day(key.revokedAt), revoke: AppURL.apiKeyRevoke(try key.requireID()))
        }
        roles = Role.allCases.map {
            .init(value: $0.rawValue, label: format.text("role.\($0.rawValue)"), selected: $0 == .viewer)
        }
        self.newKey = newKey
    }
}
