import Foundation

/// A calendar date with no time or zone: due dates are days, not instants.
/// Held as year/month/day and converted through days since 1970-01-01 (proleptic Gregorian).
public struct LocalDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible, Strideable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) throws {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else {
            throw DomainError(code: "invalid_date", message: "\(year)-\(month)-\(day) is not a calendar date")
        }
        self.year = year
        self.month = month
        self.day = day
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
        do { try self.init(year: parsed.year, month: parsed.month, day: parsed.day) } catch { throw invalid() }
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

    public init(daysSinceEpoch days: Int) {
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

    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Month arithmetic clamps to the end of the target month: Jan 31 + 1 month = Feb 28 (or 29).
    public func adding(months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let targetYear = index / 12, targetMonth = index % 12 + 1
        let targetDay = min(day, Self.daysIn(month: targetMonth, year: targetYear))
        return try! LocalDate(year: targetYear, month: targetMonth, day: targetDay)
    }

    public func days(until other: LocalDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    public var endOfMonth: LocalDate { try! LocalDate(year: year, month: month, day: Self.daysIn(month: month, year: year)) }

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
        return try! LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)
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
    public func advanced(by days: Int) -> LocalDate { adding(days: days) }

    public init(from decoder: any Decoder) throws {
        try self.init(iso: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
