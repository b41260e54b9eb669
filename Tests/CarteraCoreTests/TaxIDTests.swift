import XCTest

@testable import CarteraCore

final class TaxIDTests: XCTestCase {
    private func refusal(_ typed: String, _ kind: TaxID.Kind) -> DomainError? {
        do {
            _ = try TaxID(typed, kind: kind)
            return nil
        } catch {
            return error as? DomainError
        }
    }

    func testNITTypedWithoutCheckDigitGetsItComputed() throws {
        XCTAssertEqual(try TaxID("900123456", kind: .nit).canonical, "900123456-8")
        XCTAssertEqual(try TaxID("900.123.456", kind: .nit).formatted, "900.123.456-8")
        XCTAssertEqual(try TaxID("800197268", kind: .nit).canonical, "800197268-4")
    }

    func testNITTypedWithItsCheckDigitAndAnyPunctuation() throws {
        for typed in ["900.123.456-8", "900123456-8", "9001234568", " 900 123 456 - 8 ", "900,123,456-8"] {
            XCTAssertEqual(try TaxID(typed, kind: .nit).canonical, "900123456-8", typed)
        }
        XCTAssertEqual(try TaxID("800.197.268-4", kind: .nit).formatted, "800.197.268-4")
        // A person's NIT: the cédula and its digit.
        XCTAssertEqual(try TaxID("79.456.123", kind: .nit).formatted, "79.456.123-\(TaxID.nitCheckDigit("79456123")!)")
    }

    func testNITWithAWrongCheckDigitIsRefusedNamingTheRightOne() {
        let error = refusal("900.123.456-7", .nit)
        XCTAssertEqual(error?.code, "wrong_check_digit")
        XCTAssertEqual(error?.field, "tax_id")
        XCTAssertTrue(error?.message.contains("should be 8") == true, error?.message ?? "")
        XCTAssertEqual(refusal("9001234567", .nit)?.code, "wrong_check_digit")
        XCTAssertEqual(refusal("NIT ABC", .nit)?.code, "invalid_tax_id")
        XCTAssertEqual(refusal("900123456-78", .nit)?.code, "invalid_tax_id")
        XCTAssertEqual(refusal("", .nit)?.code, "invalid_tax_id")
    }

    func testRUTWithCheckDigitOrK() throws {
        XCTAssertEqual(try TaxID("12.345.678-5", kind: .rut).canonical, "12345678-5")
        XCTAssertEqual(try TaxID("123456785", kind: .rut).formatted, "12.345.678-5")
        let withK = try XCTUnwrap(
            (10_000_000...10_000_100).map(String.init).first { TaxID.rutCheckDigit($0) == "K" })
        XCTAssertEqual(try TaxID("\(withK)k", kind: .rut).canonical, "\(withK)-K")
        XCTAssertEqual(try TaxID("\(withK)-K", kind: .rut).formatted, TaxID.formatted("\(withK)-K"))
        XCTAssertTrue(TaxID.formatted("\(withK)-K").hasSuffix("-K"))
        XCTAssertEqual(refusal("12.345.678-9", .rut)?.code, "wrong_check_digit")
        XCTAssertEqual(refusal("12.345.678-5", .rut), nil)
        XCTAssertEqual(refusal("AB-5", .rut)?.code, "invalid_tax_id")
    }

    func testRFCStructureAndCheckCharacter() throws {
        XCTAssertEqual(try TaxID("GODE561231GR8", kind: .rfc).canonical, "GODE561231GR8")
        XCTAssertEqual(try TaxID("gode-561231-gr8", kind: .rfc).formatted, "GODE561231GR8")
        XCTAssertEqual(try TaxID("XAXX010101000", kind: .rfc).canonical, "XAXX010101000")
        // A company's RFC has three letters.
        let company = "ABC010203XY"
        let check = try XCTUnwrap(TaxID.rfcCheckCharacter(company))
        XCTAssertEqual(try TaxID("\(company)\(check)", kind: .rfc).canonical, "\(company)\(check)")
        XCTAssertEqual(refusal("GODE561231GR9", .rfc)?.code, "wrong_check_digit")
        XCTAssertEqual(refusal("GODE561331GR8", .rfc)?.code, "invalid_tax_id") // month 13
        XCTAssertEqual(refusal("GO1E561231GR8", .rfc)?.code, "invalid_tax_id")
        XCTAssertEqual(refusal("GODE5612", .rfc)?.code, "invalid_tax_id")
    }

    func testNIFForDNINIEAndCIF() throws {
        XCTAssertEqual(try TaxID("12345678-z", kind: .nif).canonical, "12345678Z")
        XCTAssertEqual(try TaxID("X-1234567-L", kind: .nif).formatted, "X1234567L")
        XCTAssertEqual(try TaxID("B-12345674", kind: .nif).canonical, "B12345674")
        let letterCIF = "P1234567" + String(TaxID.cifLetters[4])
        XCTAssertEqual(try TaxID(letterCIF, kind: .nif).canonical, letterCIF)
        XCTAssertEqual(refusal("12345678A", .nif)?.code, "wrong_check_digit")
        XCTAssertEqual(refusal("X1234567T", .nif)?.code, "wrong_check_digit")
        XCTAssertEqual(refusal("B12345675", .nif)?.code, "wrong_check_digit")
        XCTAssertEqual(refusal("I12345674", .nif)?.code, "invalid_tax_id")
        XCTAssertEqual(refusal("1234", .nif)?.code, "invalid_tax_id")
    }

    func testOtherIsKeptAsTypedAndTheUsualKindFollowsTheLocale() throws {
        XCTAssertEqual(try TaxID("  US-12345678 ", kind: .other).canonical, "US-12345678")
        XCTAssertEqual(TaxID.Kind.usual(for: .esCO), .nit)
        XCTAssertEqual(TaxID.Kind.usual(for: .esCL), .rut)
        XCTAssertEqual(TaxID.Kind.usual(for: .esMX), .rfc)
        XCTAssertEqual(TaxID.Kind.usual(for: .esES), .nif)
        XCTAssertEqual(TaxID.Kind.usual(for: .enUS), .other)
        XCTAssertEqual(TaxID.formatted("US-12345678"), "US-12345678")
        XCTAssertEqual(TaxID.formatted("1234-5"), "1.234-5")
    }
}
