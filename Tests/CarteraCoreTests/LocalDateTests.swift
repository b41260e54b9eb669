import Foundation
import Testing

@testable import CarteraCore

@Suite struct LocalDateTests {
    @Test func validatesCalendarDates() throws {
        #expect(try LocalDate(iso: "2024-02-29").day == 29)
        for bad in [
            "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-5", "26-01-05", "2026/01/05",
            "2026-01-05T00:00", "", "abcd-ef-gh",
        ] {
            #expect { try LocalDate(iso: bad) } throws: { ($0 as? DomainError)?.code == "invalid_date" }
        }
        #expect(try LocalDate(year: 2000, month: 2, day: 29).iso == "2000-02-29")
        #expect(throws: DomainError.self) { try LocalDate(year: 1900, month: 2, day: 29) }
    }

    @Test func onlyDatesFrom1900Through2199Exist() throws {
        #expect(try LocalDate(iso: "1900-01-01") == LocalDate.earliest)
        #expect(try LocalDate(iso: "2199-12-31") == LocalDate.latest)
        for outside in ["1899-12-31", "2200-01-01", "9999-12-31", "0001-01-01"] {
            #expect { try LocalDate(iso: outside) } throws: { ($0 as? DomainError)?.code == "date_out_of_range" }
        }
        #expect(throws: DomainError.self) { try LocalDate(iso: "0000-01-01") }
        #expect(throws: DomainError.self) { try LocalDate(daysSinceEpoch: LocalDate.latest.daysSinceEpoch + 1) }
        #expect(throws: DomainError.self) { try LocalDate.latest.adding(days: 1) }
        #expect(throws: DomainError.self) { try LocalDate.earliest.adding(days: -1) }
        #expect(throws: DomainError.self) { try LocalDate.latest.adding(months: 1) }
        #expect(try LocalDate(iso: "2199-12-15").addingClamped(days: 90) == LocalDate.latest)
        #expect(try JSONDecoder().decode([LocalDate].self, from: Data("[\"2199-12-31\"]".utf8)) == [LocalDate.latest])
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode([LocalDate].self, from: Data("[\"9999-12-31\"]".utf8))
        }
    }

    @Test func epochDaysAgreeWithFoundationOverAWideRange() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<3_000 {
            let days = Int.random(in: LocalDate.earliest.daysSinceEpoch...LocalDate.latest.daysSinceEpoch, using: &rng)
            let date = try LocalDate(daysSinceEpoch: days)
            let parts = calendar.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(days) * 86_400))
            #expect(
                date.year == parts.year && date.month == parts.month && date.day == parts.day, "\(date) for day \(days)"
            )
            #expect(date.daysSinceEpoch == days)
            #expect(try LocalDate(iso: date.iso) == date)
        }
        #expect(try LocalDate(iso: "1970-01-01").daysSinceEpoch == 0)
    }

    @Test func dayAndMonthArithmetic() throws {
        let jan31 = try LocalDate(iso: "2026-01-31")
        #expect(try jan31.adding(months: 1).iso == "2026-02-28")
        #expect(try LocalDate(iso: "2024-01-31").adding(months: 1).iso == "2024-02-29")
        #expect(try jan31.adding(months: -2).iso == "2025-11-30")
        #expect(try jan31.adding(months: 12).iso == "2027-01-31")
        #expect(try jan31.adding(days: 30).iso == "2026-03-02")
        #expect(try LocalDate(iso: "2026-12-31").adding(days: 1).iso == "2027-01-01")
        #expect(jan31.days(until: try LocalDate(iso: "2026-03-02")) == 30)
        #expect(try LocalDate(iso: "2026-02-10").endOfMonth.iso == "2026-02-28")
        #expect(Array(stride(from: jan31, to: try jan31.adding(days: 3), by: 1)).map(\.day) == [31, 1, 2])
    }

    @Test func isoWeekdays() throws {
        #expect(try LocalDate(iso: "2026-11-25").weekday == 3) // Wednesday
        #expect(try LocalDate(iso: "2026-11-29").weekday == 7) // Sunday
        #expect(try LocalDate(iso: "1970-01-01").weekday == 4) // Thursday
        #expect(try LocalDate(iso: "1969-12-29").weekday == 1) // Monday, before the epoch
    }

    @Test func todayDependsOnTheOrganisationsTimeZone() throws {
        let instant = ISO8601DateFormatter().date(from: "2026-01-01T03:00:00Z")!
        #expect(LocalDate.today(at: instant, in: TimeZone(identifier: "America/Bogota")!).iso == "2025-12-31")
        #expect(LocalDate.today(at: instant, in: TimeZone(identifier: "Europe/Madrid")!).iso == "2026-01-01")
        // UTC-3 in summer: 00:00
        #expect(LocalDate.today(at: instant, in: TimeZone(identifier: "America/Santiago")!).iso == "2026-01-01")
    }

    @Test func codableAsISOString() throws {
        let data = try JSONEncoder().encode([try LocalDate(iso: "2026-03-05")])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-03-05\"]")
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode([LocalDate].self, from: Data("[\"2026-02-30\"]".utf8))
        }
    }
}
