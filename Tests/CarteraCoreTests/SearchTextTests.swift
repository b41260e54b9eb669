import XCTest

@testable import CarteraCore

final class SearchTextTests: XCTestCase {
    func testNamesAreStoredWithoutAccentsCaseOrPunctuation() {
        XCTAssertEqual(SearchText.name("Lácteos Nueva Granada S.A.S."), "lacteos nueva granada s a s")
        XCTAssertEqual(SearchText.name("  Muebles  Río-Magdalena  "), "muebles rio magdalena")
        XCTAssertEqual(SearchText.name("Ñandú & Cía."), "nandu cia")
        XCTAssertEqual(SearchText.words("LÁCTEOS"), ["lacteos"])
    }

    func testTaxIDsWithOrWithoutCheckDigitAndPunctuation() {
        XCTAssertEqual(SearchText.compact("900.123.456-7"), "9001234567")
        XCTAssertEqual(SearchText.compact("76.123.456-k"), "76123456K")
        let typed = SearchText.taxIDKeys("900123456")
        XCTAssertEqual(typed?.prefix, "900123456")
        XCTAssertEqual(typed?.withoutCheckDigit, "90012345")
        // The stored id starts with what was typed without the check digit.
        XCTAssertTrue(SearchText.compact("900.123.456-7").hasPrefix(typed!.prefix))
        XCTAssertTrue(SearchText.compact("76.123.456-K").hasPrefix(SearchText.taxIDKeys("76123456")!.prefix))
        // Typed with the check digit, stored without it.
        XCTAssertEqual(SearchText.taxIDKeys("900.123.456-7")?.withoutCheckDigit, "900123456")
        XCTAssertNil(SearchText.taxIDKeys("lacteos"))
        XCTAssertNil(SearchText.taxIDKeys("12-3"))
    }

    func testDocumentNumbersIgnoreCaseAndSeparators() {
        XCTAssertEqual(SearchText.codeKey("FE-10382"), "fe10382")
        XCTAssertEqual(SearchText.codeKey("fe10382"), "fe10382")
        XCTAssertEqual(SearchText.codeKey("FE 10.382/A"), "fe10382a")
    }

    func testWordsMatchByStartAccentsAndOneTypo() {
        let stored = SearchText.name("Lácteos Nueva Granada S.A.S.")
        for typed in [
            "lacteos", "Lácteos", "LACTEOS", "lact", "nueva granada", "lacteoss", "lacetos", "lactoes",
            "laxteos", "lacteos nuevo", "granda",
        ] {
            XCTAssertTrue(SearchText.matches(SearchText.words(typed), name: stored), typed)
        }
        for typed in ["lacxxos", "panaderia", "lacteos bogota", "xyz"] {
            XCTAssertFalse(SearchText.matches(SearchText.words(typed), name: stored), typed)
        }
        XCTAssertFalse(SearchText.matches([], name: stored))
    }

    func testExactWordsRankAboveTypos() throws {
        let typed = SearchText.words("lacteos")
        let exact = try XCTUnwrap(SearchText.score(typed, name: "lacteos el progreso"))
        let typo = try XCTUnwrap(SearchText.score(typed, name: "lacteas el progreso"))
        XCTAssertGreaterThan(exact, typo)
    }

    func testEditDistance() {
        XCTAssertEqual(SearchText.editDistance("lacteos", "lacteos", limit: 2), 0)
        XCTAssertEqual(SearchText.editDistance("lacetos", "lacteos", limit: 2), 1)
        XCTAssertEqual(SearchText.editDistance("lacteoss", "lacteos", limit: 2), 1)
        XCTAssertEqual(SearchText.editDistance("kitten", "sitting", limit: 5), 3)
        XCTAssertEqual(SearchText.editDistance("abc", "abcdefgh", limit: 2), 3)
        XCTAssertEqual(SearchText.editDistance("", "ab", limit: 2), 2)
    }

    func testTrigrams() {
        XCTAssertEqual(SearchText.trigrams("lacetos"), ["lac", "ace", "cet", "eto", "tos"])
        XCTAssertEqual(SearchText.trigrams("ab"), [])
        XCTAssertEqual(SearchText.trigrams("aaaa"), ["aaa"])
    }
}
