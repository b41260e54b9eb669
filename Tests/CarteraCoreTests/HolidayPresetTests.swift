import CarteraCore
import XCTest

final class HolidayPresetTests: XCTestCase {
    private func dates(_ country: HolidayCountry, _ year: Int) throws -> [String] {
        try XCTUnwrap(HolidayPreset.holidays(country, year: year)).map(\.date.iso)
    }

    func testEasterSundays() {
        XCTAssertEqual(HolidayPreset.easter(2024).iso, "2024-03-31")
        XCTAssertEqual(HolidayPreset.easter(2025).iso, "2025-04-20")
        XCTAssertEqual(HolidayPreset.easter(2026).iso, "2026-04-05")
        XCTAssertEqual(HolidayPreset.easter(2027).iso, "2027-03-28")
        XCTAssertEqual(HolidayPreset.easter(2038).iso, "2038-04-25")
    }

    func testColombia2026MovesHolidaysToMondayAndFollowsEaster() throws {
        XCTAssertEqual(
            try dates(.colombia, 2026),
            [
                "2026-01-01", "2026-01-12", "2026-03-23", "2026-04-02", "2026-04-03", "2026-05-01", "2026-05-18",
                "2026-06-08", "2026-06-15", "2026-06-29", "2026-07-20", "2026-08-07", "2026-08-17", "2026-10-12",
                "2026-11-02", "2026-11-16", "2026-12-08", "2026-12-25",
            ])
        let holidays = try XCTUnwrap(HolidayPreset.holidays(.colombia, year: 2026))
        XCTAssertEqual(holidays.first { $0.date.iso == "2026-04-02" }?.name(language: .es), "Jueves Santo")
        XCTAssertEqual(holidays.first { $0.date.iso == "2026-04-03" }?.name(language: .en), "Good Friday")
    }

    func testChile2026() throws {
        let days = try dates(.chile, 2026)
        for day in ["2026-01-01", "2026-04-03", "2026-04-04", "2026-05-21", "2026-09-18", "2026-09-19", "2026-12-25"] {
            XCTAssertTrue(days.contains(day), day)
        }
        // 29 June 2026 is a Monday; 12 October 2027 is a Tuesday, kept on the Monday before.
        XCTAssertTrue(days.contains("2026-06-29"))
        XCTAssertTrue(try dates(.chile, 2027).contains("2027-10-11"))
    }

    func testMexico2026() throws {
        let days = try dates(.mexico, 2026)
        XCTAssertEqual(
            days,
            [
                "2026-01-01", "2026-02-02", "2026-03-16", "2026-04-02", "2026-04-03", "2026-05-01", "2026-09-16",
                "2026-11-16", "2026-12-25",
            ])
        XCTAssertTrue(try dates(.mexico, 2030).contains("2030-10-01"))
    }

    func testSpain2026() throws {
        XCTAssertEqual(
            try dates(.spain, 2026),
            [
                "2026-01-01", "2026-01-06", "2026-04-02", "2026-04-03", "2026-05-01", "2026-08-15", "2026-10-12",
                "2026-11-01", "2026-12-06", "2026-12-08", "2026-12-25",
            ])
    }

    func testYearsOutsideTheCalendarHaveNoPreset() {
        XCTAssertNil(HolidayPreset.holidays(.colombia, year: 1899))
        XCTAssertNil(HolidayPreset.holidays(.spain, year: 2200))
        XCTAssertEqual(HolidayCountry(locale: .esCL), .chile)
        XCTAssertNil(HolidayCountry(locale: .enUS))
    }
}
