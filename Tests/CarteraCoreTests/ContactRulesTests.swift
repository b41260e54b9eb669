import CarteraCore
import XCTest

final class ContactRulesTests: XCTestCase {
    private let colombia = ContactRules.rules(for: .colombia)
    private let chile = ContactRules.rules(for: .chile)
    private let spain = ContactRules.rules(for: .spain)

    private func zone(_ id: String) throws -> TimeZone { try XCTUnwrap(TimeZone(identifier: id)) }

    /// An instant given as UTC wall-clock time "2026-12-07T11:59".
    private func utc(_ text: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withDashSeparatorInDate, .withColonSeparatorInTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return try XCTUnwrap(formatter.date(from: text + ":00"), text)
    }

    private func date(_ iso: String) throws -> LocalDate { try LocalDate(iso: iso) }

    // Bogotá is UTC-5 all year: local 7:00 is 12:00 UTC.
    func testBogotaWeekdayEdges() throws {
        let bogota = try zone("America/Bogota")
        // Monday 2026-12-07.
        XCTAssertFalse(colombia.allows(try utc("2026-12-07T11:59"), in: bogota, holidays: [])) // 6:59
        XCTAssertTrue(colombia.allows(try utc("2026-12-07T12:00"), in: bogota, holidays: [])) // 7:00
        XCTAssertTrue(colombia.allows(try utc("2026-12-07T23:59"), in: bogota, holidays: [])) // 18:59
        XCTAssertFalse(colombia.allows(try utc("2026-12-08T00:00"), in: bogota, holidays: [])) // 19:00
    }

    func testBogotaSaturdaySundayAndFestivo() throws {
        let bogota = try zone("America/Bogota")
        // Saturday 2026-12-12: 8:00–15:00.
        XCTAssertFalse(colombia.allows(try utc("2026-12-12T12:59"), in: bogota, holidays: [])) // 7:59
        XCTAssertTrue(colombia.allows(try utc("2026-12-12T13:00"), in: bogota, holidays: [])) // 8:00
        XCTAssertTrue(colombia.allows(try utc("2026-12-12T19:59"), in: bogota, holidays: [])) // 14:59
        XCTAssertFalse(colombia.allows(try utc("2026-12-12T20:00"), in: bogota, holidays: [])) // 15:00
        // Sunday 2026-12-13 at noon.
        XCTAssertFalse(colombia.allows(try utc("2026-12-13T17:00"), in: bogota, holidays: []))
        // Tuesday 2026-12-08 (Inmaculada Concepción) at 10:00 is a festivo.
        let festivos = Set(try XCTUnwrap(HolidayPreset.holidays(.colombia, year: 2026)).map(\.date))
        XCTAssertTrue(festivos.contains(try date("2026-12-08")))
        XCTAssertFalse(colombia.allows(try utc("2026-12-08T15:00"), in: bogota, holidays: festivos))
        XCTAssertTrue(colombia.allows(try utc("2026-12-08T15:00"), in: bogota, holidays: []))
    }

    func testBogotaNextWindowWaitsOverTheFestivoAndTheNight() throws {
        let bogota = try zone("America/Bogota")
        let festivos: Set<LocalDate> = [try date("2026-12-08")]
        // Monday 19:30 → Tuesday is a festivo → Wednesday 7:00.
        XCTAssertEqual(
            colombia.nextAllowed(from: try utc("2026-12-08T00:30"), in: bogota, holidays: festivos),
            try utc("2026-12-09T12:00"))
        // Monday 6:00 → the same day at 7:00; Monday 10:00 → at once.
        XCTAssertEqual(
            colombia.nextAllowed(from: try utc("2026-12-07T11:00"), in: bogota, holidays: festivos),
            try utc("2026-12-07T12:00"))
        XCTAssertEqual(
            colombia.nextAllowed(from: try utc("2026-12-07T15:00"), in: bogota, holidays: festivos),
            try utc("2026-12-07T15:00"))
        // Saturday 15:00 → Monday 7:00 (Sunday closed).
        XCTAssertEqual(
            colombia.nextAllowed(from: try utc("2026-12-12T20:00"), in: bogota, holidays: festivos),
            try utc("2026-12-14T12:00"))
    }

    /// Chile moves its clocks at local midnight: on Sunday 2026-09-06 00:00 becomes 01:00 (UTC-4 → UTC-3),
    /// and on Sunday 2026-04-05 00:00 becomes Saturday 23:00 again (UTC-3 → UTC-4).
    func testSantiagoAcrossItsClockChanges() throws {
        let santiago = try zone("America/Santiago")
        // Saturday 2026-09-05, still UTC-4: 8:00 local is 12:00 UTC, 20:00 is 00:00 UTC.
        XCTAssertFalse(chile.allows(try utc("2026-09-05T11:59"), in: santiago, holidays: []))
        XCTAssertTrue(chile.allows(try utc("2026-09-05T12:00"), in: santiago, holidays: []))
        XCTAssertTrue(chile.allows(try utc("2026-09-05T23:59"), in: santiago, holidays: []))
        XCTAssertFalse(chile.allows(try utc("2026-09-06T00:00"), in: santiago, holidays: []))
        // The Sunday of the change is closed; Monday 2026-09-07 opens at 8:00 UTC-3 = 11:00 UTC.
        XCTAssertEqual(
            chile.nextAllowed(from: try utc("2026-09-06T00:00"), in: santiago, holidays: []),
            try utc("2026-09-07T11:00"))
        XCTAssertFalse(chile.allows(try utc("2026-09-07T10:59"), in: santiago, holidays: []))
        XCTAssertTrue(chile.allows(try utc("2026-09-07T11:00"), in: santiago, holidays: []))
        // April: Saturday 2026-04-04 8:00 is 11:00 UTC (UTC-3); Monday 2026-04-06 8:00 is 12:00 UTC (UTC-4).
        XCTAssertTrue(chile.allows(try utc("2026-04-04T11:00"), in: santiago, holidays: []))
        XCTAssertEqual(
            chile.nextAllowed(from: try utc("2026-04-04T23:00"), in: santiago, holidays: []),
            try utc("2026-04-06T12:00"))
        XCTAssertFalse(chile.allows(try utc("2026-04-06T11:59"), in: santiago, holidays: []))
    }

    func testMadridWeekdaysOnlyAndSummerTime() throws {
        let madrid = try zone("Europe/Madrid")
        // Monday 2026-12-07, UTC+1: 9:00 local is 8:00 UTC, 21:00 is 20:00 UTC.
        XCTAssertFalse(spain.allows(try utc("2026-12-07T07:59"), in: madrid, holidays: []))
        XCTAssertTrue(spain.allows(try utc("2026-12-07T08:00"), in: madrid, holidays: []))
        XCTAssertTrue(spain.allows(try utc("2026-12-07T19:59"), in: madrid, holidays: []))
        XCTAssertFalse(spain.allows(try utc("2026-12-07T20:00"), in: madrid, holidays: []))
        // Summer (UTC+2): Monday 2026-07-06 9:00 local is 7:00 UTC.
        XCTAssertTrue(spain.allows(try utc("2026-07-06T07:00"), in: madrid, holidays: []))
        // Saturday closed: Friday 21:00 → Monday 9:00.
        XCTAssertEqual(
            spain.nextAllowed(from: try utc("2026-12-11T20:00"), in: madrid, holidays: []),
            try utc("2026-12-14T08:00"))
    }

    func testColombiaOneContactADayAndOneChannelAWeek() throws {
        // Wednesday 2026-12-09; the week runs Monday 7 to Sunday 13.
        let wednesday = try date("2026-12-09")
        XCTAssertNil(colombia.admits(.email, on: wednesday, after: []))
        XCTAssertEqual(
            colombia.admits(.email, on: wednesday, after: [PastContact(date: wednesday, channel: .email)]),
            .dailyLimit)
        XCTAssertNil(
            colombia.admits(.email, on: wednesday, after: [PastContact(date: try date("2026-12-07"), channel: .email)]))
        XCTAssertEqual(
            colombia.admits(.sms, on: wednesday, after: [PastContact(date: try date("2026-12-07"), channel: .email)]),
            .channelLimit)
        // Last week's SMS does not count this week.
        XCTAssertNil(
            colombia.admits(.email, on: wednesday, after: [PastContact(date: try date("2026-12-06"), channel: .sms)]))
    }

    func testChileTwoAWeekTwoDaysApartOneCall() throws {
        let monday = try date("2026-12-07")
        let tuesday = try date("2026-12-08")
        let wednesday = try date("2026-12-09")
        let friday = try date("2026-12-11")
        XCTAssertEqual(chile.admits(.email, on: tuesday, after: [PastContact(date: monday, channel: .email)]), .tooSoon)
        XCTAssertNil(chile.admits(.email, on: wednesday, after: [PastContact(date: monday, channel: .email)]))
        XCTAssertEqual(
            chile.admits(
                .email, on: friday,
                after: [PastContact(date: monday, channel: .email), PastContact(date: wednesday, channel: .sms)]),
            .weeklyLimit)
        XCTAssertEqual(
            chile.admits(.call, on: friday, after: [PastContact(date: monday, channel: .call)]), .weeklyLimit)
        XCTAssertNil(chile.admits(.email, on: friday, after: [PastContact(date: monday, channel: .call)]))
    }

    func testConsentOnlyAuthorisedInColombia() {
        XCTAssertTrue(colombia.mayUse(.authorised))
        XCTAssertFalse(colombia.mayUse(.notAsked))
        XCTAssertFalse(colombia.mayUse(.optedOut))
        XCTAssertTrue(spain.mayUse(.notAsked))
        XCTAssertFalse(spain.mayUse(.optedOut))
    }

    func testJurisdictionFromLocaleAndWeeklySchedule() {
        XCTAssertEqual(Jurisdiction(locale: .esCO), .colombia)
        XCTAssertEqual(Jurisdiction(locale: .enUS), .other)
        let runs = colombia.weeklySchedule
        XCTAssertEqual(runs.map(\.days), [1...5, 6...6])
        XCTAssertEqual(runs.map(\.hours), [ContactHours(7, 19), ContactHours(8, 15)])
        XCTAssertEqual(ContactRules.rules(for: .mexico).weeklySchedule.map(\.days), [1...7])
    }
}
