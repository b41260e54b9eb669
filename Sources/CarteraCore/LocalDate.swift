import Foundation

/// A calendar date with no time or zone: due dates are days, not instants.
/// Held as year/month/day and converted through days since 1970-01-01 (proleptic Gregorian).
///
/// Every date lies in 1900-01-01 … 2199-12-31 (`supportedYears`): wide enough for any invoice,
/// narrow enough that no day count derived from two dates can overflow, and every construction
/// and every calculation (`adding`) refuses what falls outside, so a typed "9999-12-31" or a
/// schedule running past 2199 is an error at the edge, never a stored row others trip on.
public struct LocalDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible, Strideable {
    public static let supportedYears = 1900...2199
    public static let earliest = LocalDate(unchecked: 1900, 1, 1)
    public static let latest = LocalDate(unchecked: 2199, 12, 31)

    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) throws {
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else {
            throw DomainError(code: "invalid_date", message: "\(year)-\(month)-\(day) is not a calendar date")
        }
        guard Self.supportedYears.contains(year) else { throw Self.outOfRange("\(year)-\(month)-\(day)") }
        self.init(unchecked: year, month, day)
    }

    /// Only for values already known to be a supported calendar date.
    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func outOfRange(_ text: String) -> DomainError {
        DomainError(code: "date_out_of_range", message: "\(text) is outside 1900-01-01 … 2199-12-31")
    }

    /// Strictly "YYYY-MM-DD".
    public init(iso text: String) throws {
        // Read on the bytes: dates come by the hundred thousand from the database in reports.
        var text = text
        let parsed: (year: Int, month: Int, day: Int)? = text.withUTF8 { bytes in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            var value = 0
            for index in [0, 1, 2, 3, 5, 6, 8, 9] {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return (value / 10_000, value / 100 % 100, value % 100)
        }
        let invalid = { DomainError(code: "invalid_date", message: "\"\(text)\" is not a date as YYYY-MM-DD") }
        guard let parsed else { throw invalid() }
        do { try self.init(year: parsed.year, month: parsed.month, day: parsed.day) } catch let error as DomainError
            where error.code == "date_out_of_range"
        {
            throw Self.outOfRange("\"\(text)\"")
        } catch { throw invalid() }
    }

    /// Howard Hinnant's days-from-civil / civil-from-days: exact, no calendar object, no time zone.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01; throws outside the supported years.
    public init(daysSinceEpoch days: Int) throws {
        guard (Self.earliest.daysSinceEpoch...Self.latest.daysSinceEpoch).contains(days) else {
            throw Self.outOfRange("day \(days) after 1970-01-01")
        }
        self.init(validDaysSinceEpoch: days)
    }

    private init(validDaysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    /// Throws when the result falls outside the supported years (or `days` is absurd).
    public func adding(days: Int) throws -> LocalDate {
        let (target, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        guard !overflow else { throw Self.outOfRange("\(iso) + \(days) days") }
        return try LocalDate(daysSinceEpoch: target)
    }

    /// Month arithmetic clamps to the end of the target month: Jan 31 + 1 month = Feb 28 (or 29).
    /// Throws when the result falls outside the supported years.
    public func adding(months: Int) throws -> LocalDate {
        let (shifted, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        guard !overflow, shifted >= 0 else { throw Self.outOfRange("\(iso) + \(months) months") }
        let targetYear = shifted / 12
        let targetMonth = shifted % 12 + 1
        return try LocalDate(
            year: targetYear, month: targetMonth, day: min(day, Self.daysIn(month: targetMonth, year: targetYear)))
    }

    /// `adding(days:)` held to the supported years: for estimates (a predicted payment date, a
    /// forecast week) where "as late as we can say" is the honest answer near the end of the range.
    public func addingClamped(days: Int) -> LocalDate {
        let (target, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        let bounded =
            overflow
            ? (days < 0 ? Self.earliest.daysSinceEpoch : Self.latest.daysSinceEpoch)
            : min(max(target, Self.earliest.daysSinceEpoch), Self.latest.daysSinceEpoch)
        return LocalDate(validDaysSinceEpoch: bounded)
    }

    public func days(until other: LocalDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    public var endOfMonth: LocalDate { LocalDate(unchecked: year, month, Self.daysIn(month: month, year: year)) }

    public var startOfMonth: LocalDate { LocalDate(unchecked: year, month, 1) }

    /// ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int {
        let offset = (daysSinceEpoch + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// The calendar date at an instant in a time zone: the one place a Foundation Calendar is used.
    public static func today(at instant: Date, in timeZone: TimeZone) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        // A clock outside the supported years is a broken machine; hold it to the range.
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return earliest }
        return (try? LocalDate(year: year, month: month, day: day))
            ?? (year < supportedYears.lowerBound ? earliest : latest)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    public func distance(to other: LocalDate) -> Int { days(until: other) }
    /// Strideable's step (day-by-day loops between two dates); held to the supported years.
    public func advanced(by days: Int) -> LocalDate { addingClamped(days: days) }

    public init(from decoder: any Decoder) throws {
        try self.init(iso: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
