import Foundation

/// Whose rules say when, how often and on which channels a customer may be contacted about a debt.
/// The organisation's country is the default; a customer can have another.
public enum Jurisdiction: String, CaseIterable, Codable, Sendable {
    case colombia, chile, mexico, spain, other

    /// The country of a regional format ("es-CO" → Colombia); a format with no country is `other`.
    public init(locale: SupportedLocale) {
        switch locale {
        case .esCO: self = .colombia
        case .esCL: self = .chile
        case .esMX: self = .mexico
        case .esES: self = .spain
        case .enUS: self = .other
        }
    }

    /// Whose public holidays close the contact window, when Cartera knows them.
    public var holidayCountry: HolidayCountry? {
        switch self {
        case .colombia: .colombia
        case .chile: .chile
        case .mexico: .mexico
        case .spain: .spain
        case .other: nil
        }
    }
}

/// The ways a contact can be reached, as consent is given per way (a call task is a call).
public enum ContactChannel: String, CaseIterable, Codable, Sendable {
    case email, sms, letter, call

    public init(_ channel: ReminderChannel) {
        switch channel {
        case .email: self = .email
        case .sms: self = .sms
        case .letter: self = .letter
        case .callTask: self = .call
        }
    }
}

/// What a contact said about being reached on a channel.
public enum ConsentState: String, CaseIterable, Codable, Sendable {
    /// Authorised. A contact entered by a person or imported is authorised for the channels its
    /// address implies (an email address: email; a phone: SMS and calls; letters: the customer's
    /// postal address) until someone records otherwise.
    case authorised
    /// Nobody asked: usable except where the law wants an authorisation (Colombia).
    case notAsked = "not_asked"
    /// Asked not to be contacted this way: never used, anywhere. Recorded with its date and source.
    case optedOut = "opted_out"
}

/// Where a consent change came from, kept with its date.
public enum ConsentSource: String, CaseIterable, Codable, Sendable {
    case page, portal, api
    case importFile = "import"
}

/// Opening hours of one day, in minutes after local midnight: `opens` allowed, `closes` not.
public struct ContactHours: Hashable, Sendable {
    public let opens: Int
    public let closes: Int

    public init(_ opensHour: Int, _ closesHour: Int) {
        opens = opensHour * 60
        closes = closesHour * 60
    }

    public func contains(minute: Int) -> Bool { minute >= opens && minute < closes }
}

/// One earlier collection contact with the customer: the local day and the channel.
public struct PastContact: Hashable, Sendable {
    public let date: LocalDate
    public let channel: ContactChannel

    public init(date: LocalDate, channel: ContactChannel) {
        self.date = date
        self.channel = channel
    }
}

/// Why a contact may not be made today; the daily pass reconsiders it tomorrow.
public enum ContactRefusal: String, CaseIterable, Codable, Sendable {
    case dailyLimit = "daily_limit"
    case weeklyLimit = "weekly_limit"
    case channelLimit = "channel_limit"
    case tooSoon = "too_soon"
    case notAuthorised = "not_authorised"
}

/// When and how often a customer may be contacted about what they owe, per jurisdiction: the one
/// place these rules live (as `DunningRules` is for steps). Hours are in the customer's time zone.
/// A week is the calendar week, Monday to Sunday.
public struct ContactRules: Hashable, Sendable {
    public let jurisdiction: Jurisdiction
    /// Hours per ISO weekday (1 = Monday … 7 = Sunday); a missing day is closed.
    public let hours: [Int: ContactHours]
    public let holidaysAllowed: Bool
    public let maxPerDay: Int?
    public let maxPerWeek: Int?
    /// At most this many contacts a week on one channel (Chile: one call a week).
    public let maxPerChannelPerWeek: [ContactChannel: Int]
    public let maxChannelsPerWeek: Int?
    /// Days that must pass between two contacts (Chile: two).
    public let minDaysBetween: Int?
    /// Only channels the contact authorised may be used (a channel nobody asked about is refused).
    public let onlyAuthorisedChannels: Bool

    public static func rules(for jurisdiction: Jurisdiction) -> ContactRules {
        switch jurisdiction {
        case .colombia:
            // Ley 2300 de 2023 ("dejen de fregar"), art. 3: contact only through the channels the
            // consumer authorised; Monday to Friday 7:00–19:00 and Saturday 8:00–15:00, never on
            // Sundays or holidays; once contacted, not more than once a day nor on more than one
            // channel in the same week.
            return ContactRules(
                jurisdiction: jurisdiction, hours: weekdays(7, 19, saturday: ContactHours(8, 15)),
                holidaysAllowed: false, maxPerDay: 1, maxPerWeek: nil, maxPerChannelPerWeek: [:],
                maxChannelsPerWeek: 1, minDaysBetween: nil, onlyAuthorisedChannels: true)
        case .chile:
            // Ley 19.496 art. 37 as amended by Ley 21.320 (2021): not more than one call or visit a
            // week, not more than two other contacts (letter, SMS, email, messaging) a week and at
            // least two days apart; no calls or visits on days and hours that are not "hábiles"
            // (Código de Procedimiento Civil art. 59: 8:00–20:00, Monday to Saturday, no Sundays
            // or holidays). The law counts calls and other means apart; Cartera reads "two a week"
            // over all channels, the stricter reading.
            return ContactRules(
                jurisdiction: jurisdiction, hours: weekdays(8, 20, saturday: ContactHours(8, 20)),
                holidaysAllowed: false, maxPerDay: 1, maxPerWeek: 2, maxPerChannelPerWeek: [.call: 1],
                maxChannelsPerWeek: nil, minDaysBetween: 2, onlyAuthorisedChannels: false)
        case .mexico:
            // CONDUSEF, disposiciones para despachos de cobranza (REDECO): contact the debtor only
            // between 7:00 and 22:00 of their time zone. No day of the week is barred there;
            // Cartera adds no contact on holidays and at most one a day, as everywhere.
            return ContactRules(
                jurisdiction: jurisdiction, hours: everyDay(7, 22), holidaysAllowed: false, maxPerDay: 1,
                maxPerWeek: nil, maxPerChannelPerWeek: [:], maxChannelsPerWeek: nil, minDaysBetween: nil,
                onlyAuthorisedChannels: false)
        case .spain:
            // No debt-collection hours in law; Cartera follows the rule for commercial calls
            // (TRLGDCU art. 96.2, Real Decreto Legislativo 1/2007 as amended by Ley 3/2014):
            // working days 9:00–21:00, not on weekends or holidays; at most one contact a day.
            return ContactRules(
                jurisdiction: jurisdiction, hours: weekdays(9, 21, saturday: nil), holidaysAllowed: false,
                maxPerDay: 1, maxPerWeek: nil, maxPerChannelPerWeek: [:], maxChannelsPerWeek: nil,
                minDaysBetween: nil, onlyAuthorisedChannels: false)
        case .other:
            // No rule known: business hours, Monday to Friday 8:00–20:00, at most one contact a day.
            return ContactRules(
                jurisdiction: jurisdiction, hours: weekdays(8, 20, saturday: nil), holidaysAllowed: false,
                maxPerDay: 1, maxPerWeek: nil, maxPerChannelPerWeek: [:], maxChannelsPerWeek: nil,
                minDaysBetween: nil, onlyAuthorisedChannels: false)
        }
    }

    private static func weekdays(_ opens: Int, _ closes: Int, saturday: ContactHours?) -> [Int: ContactHours] {
        var hours = Dictionary(uniqueKeysWithValues: (1...5).map { ($0, ContactHours(opens, closes)) })
        hours[6] = saturday
        return hours
    }

    private static func everyDay(_ opens: Int, _ closes: Int) -> [Int: ContactHours] {
        Dictionary(uniqueKeysWithValues: (1...7).map { ($0, ContactHours(opens, closes)) })
    }

    // MARK: - The window

    /// The hours of `date`, nil when no contact may be made that day.
    public func hours(on date: LocalDate, holidays: Set<LocalDate>) -> ContactHours? {
        if !holidaysAllowed && holidays.contains(date) { return nil }
        return hours[date.weekday]
    }

    /// Whether a message may reach the customer at `instant`.
    public func allows(_ instant: Date, in timeZone: TimeZone, holidays: Set<LocalDate>) -> Bool {
        let (date, minute) = Self.local(instant, in: timeZone)
        return hours(on: date, holidays: holidays)?.contains(minute: minute) ?? false
    }

    /// `instant` itself when allowed, otherwise the next opening; nil if none within 60 days
    /// (a rule with no open day at all).
    public func nextAllowed(from instant: Date, in timeZone: TimeZone, holidays: Set<LocalDate>) -> Date? {
        let (today, minute) = Self.local(instant, in: timeZone)
        for offset in 0..<60 {
            let date = today.addingClamped(days: offset)
            guard let open = hours(on: date, holidays: holidays) else { continue }
            if offset == 0 {
                if open.contains(minute: minute) { return instant }
                if minute >= open.closes { continue }
            }
            return Self.instant(date, minute: open.opens, in: timeZone)
        }
        return nil
    }

    /// The week in runs of consecutive days with the same hours (Monday–Friday 7–19, Saturday 8–15),
    /// for saying the window in words.
    public var weeklySchedule: [(days: ClosedRange<Int>, hours: ContactHours)] {
        var runs: [(days: ClosedRange<Int>, hours: ContactHours)] = []
        for day in 1...7 {
            guard let open = hours[day] else { continue }
            if let last = runs.last, last.hours == open, last.days.upperBound == day - 1 {
                runs[runs.count - 1] = (last.days.lowerBound...day, open)
            } else {
                runs.append((day...day, open))
            }
        }
        return runs
    }

    // MARK: - How often

    /// Whether one more contact on `channel` on `date` keeps within the limits, given the earlier
    /// collection contacts (any dates; only the week around `date` counts).
    public func admits(_ channel: ContactChannel, on date: LocalDate, after history: [PastContact])
        -> ContactRefusal?
    {
        let weekStart = date.addingClamped(days: 1 - date.weekday)
        let week = history.filter { $0.date >= weekStart && $0.date <= weekStart.addingClamped(days: 6) }
        if let maxPerDay, history.filter({ $0.date == date }).count >= maxPerDay { return .dailyLimit }
        if let maxPerWeek, week.count >= maxPerWeek { return .weeklyLimit }
        if let limit = maxPerChannelPerWeek[channel], week.filter({ $0.channel == channel }).count >= limit {
            return .weeklyLimit
        }
        if let maxChannelsPerWeek, Set(week.map(\.channel) + [channel]).count > maxChannelsPerWeek {
            return .channelLimit
        }
        if let minDaysBetween,
            history.contains(where: { $0.date != date && abs($0.date.days(until: date)) < minDaysBetween })
        {
            return .tooSoon
        }
        return nil
    }

    /// Whether a contact's consent lets this channel be used.
    public func mayUse(_ consent: ConsentState) -> Bool {
        switch consent {
        case .authorised: true
        case .notAsked: !onlyAuthorisedChannels
        case .optedOut: false
        }
    }

    // MARK: - Local time

    static func local(_ instant: Date, in timeZone: TimeZone) -> (LocalDate, Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return (LocalDate.today(at: instant, in: timeZone), (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }

    /// The instant of a local wall-clock time; a time skipped by a clock change moves forward.
    static func instant(_ date: LocalDate, minute: Int, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = DateComponents(
            year: date.year, month: date.month, day: date.day, hour: minute / 60, minute: minute % 60)
        return calendar.date(from: parts)
    }
}
