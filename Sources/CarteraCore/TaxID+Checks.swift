/// The check of each kind of tax id: its shape, and its check digit or letter.
extension TaxID {
    /// DIAN's weights, from the last digit of the number leftwards.
    static let nitWeights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71]

    /// The NIT check digit: the weighted sum módulo 11; 0 and 1 stay, otherwise 11 minus it.
    public static func nitCheckDigit(_ number: String) -> Int? {
        guard !number.isEmpty, number.count <= nitWeights.count, number.allSatisfy(\.isPlainDigit) else { return nil }
        let sum = zip(number.reversed(), nitWeights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        let remainder = sum % 11
        return remainder < 2 ? remainder : 11 - remainder
    }

    /// "900.123.456-8", "900123456-8", "900 123 456 8" (ten digits: the last is the check digit)
    /// and "900123456" (nine or fewer: the check digit is computed).
    static func nit(_ typed: String) throws -> String {
        let pieces = typed.split(whereSeparator: { $0 == "-" })
        let compact = Self.compact(typed)
        guard compact.allSatisfy(\.isPlainDigit), (1...11).contains(compact.count), pieces.count <= 2 else {
            throw invalid(.nit, typed)
        }
        let number: String
        let typedDigit: String?
        if pieces.count == 2 {
            number = Self.compact(String(pieces[0]))
            typedDigit = Self.compact(String(pieces[1]))
            guard typedDigit?.count == 1 else { throw invalid(.nit, typed) }
        } else if compact.count >= 10 {
            number = String(compact.dropLast())
            typedDigit = String(compact.suffix(1))
        } else {
            number = compact
            typedDigit = nil
        }
        guard (1...10).contains(number.count), let digit = nitCheckDigit(number) else { throw invalid(.nit, typed) }
        if let typedDigit, typedDigit != String(digit) {
            throw wrongCheck(.nit, formatted("\(number)-\(typedDigit)"), expected: String(digit))
        }
        return "\(number)-\(digit)"
    }

    /// The RUT check: weights 2 to 7 repeating from the last digit, 11 minus the sum módulo 11;
    /// 11 is 0 and 10 is K.
    public static func rutCheckDigit(_ number: String) -> Character? {
        guard !number.isEmpty, number.count <= 9, number.allSatisfy(\.isPlainDigit) else { return nil }
        let sum = number.reversed().enumerated().reduce(0) { $0 + Int(String($1.element))! * (2 + $1.offset % 6) }
        switch 11 - sum % 11 {
        case 11: return "0"
        case 10: return "K"
        case let value: return Character(String(value))
        }
    }

    /// "76.123.456-K", "76123456-k", "76123456K": the last character is always the check digit.
    static func rut(_ typed: String) throws -> String {
        let compact = Self.compact(typed)
        guard compact.count >= 2, compact.count <= 10, compact.dropLast().allSatisfy(\.isPlainDigit),
            let last = compact.last, last.isPlainDigit || last == "K"
        else { throw invalid(.rut, typed) }
        let number = String(compact.dropLast().drop { $0 == "0" })
        guard let digit = rutCheckDigit(number) else { throw invalid(.rut, typed) }
        guard digit == last else { throw wrongCheck(.rut, formatted("\(number)-\(last)"), expected: String(digit)) }
        return "\(number)-\(digit)"
    }

    static let genericRFCs: Set<String> = ["XAXX010101000", "XEXX010101000"]

    /// The SAT's alphabet for the RFC check character, valued by position.
    static let rfcAlphabet = Array("0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ")

    /// The RFC check character of the first 11 (company) or 12 (person) characters.
    public static func rfcCheckCharacter(_ body: String) -> Character? {
        let padded = body.count == 11 ? " " + body : body
        guard padded.count == 12 else { return nil }
        var sum = 0
        for (index, character) in padded.enumerated() {
            guard let value = rfcAlphabet.firstIndex(of: character) else { return nil }
            sum += value * (13 - index)
        }
        switch 11 - sum % 11 {
        case 11: return "0"
        case 10: return "A"
        case let value: return Character(String(value))
        }
    }

    /// "GODE561231GR8", "gode-561231-gr8", "ABC 010203 XY9": letters, a real date, homoclave and check.
    static func rfc(_ typed: String) throws -> String {
        let compact = Self.compact(typed)
        guard compact.count == 12 || compact.count == 13 else { throw invalid(.rfc, typed) }
        let letters = compact.count - 9
        let characters = Array(compact)
        let date = String(characters[letters..<(letters + 6)])
        let isLetter: (Character) -> Bool = { $0 == "&" || $0 == "Ñ" || ($0.isASCII && $0.isLetter) }
        guard characters[0..<letters].allSatisfy(isLetter), date.allSatisfy(\.isPlainDigit),
            characters[(letters + 6)...].allSatisfy({ $0 == "Ñ" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }),
            Self.isCalendarDate(date)
        else { throw invalid(.rfc, typed) }
        // The SAT's generic RFCs (the general public, foreigners) carry no real check character.
        if genericRFCs.contains(compact) { return compact }
        guard let check = rfcCheckCharacter(String(compact.dropLast())) else { throw invalid(.rfc, typed) }
        guard check == compact.last else { throw wrongCheck(.rfc, compact, expected: String(check)) }
        return compact
    }

    /// YYMMDD of any century: a month 01–12 and a day that month has (29 February always allowed).
    static func isCalendarDate(_ text: String) -> Bool {
        let digits = Array(text).compactMap { Int(String($0)) }
        guard digits.count == 6 else { return false }
        let month = digits[2] * 10 + digits[3]
        let day = digits[4] * 10 + digits[5]
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && (1...days[month - 1]).contains(day)
    }

    static let dniLetters = Array("TRWAGMYFPDXBNJZSQVHLCKE")
    static let cifLetters = Array("JABCDEFGHI")

    /// DNI "12345678Z" (7 or 8 digits), NIE "X1234567L", CIF "B12345674" / "P1234567D".
    static func nif(_ typed: String) throws -> String {
        var compact = Self.compact(typed)
        guard compact.count == 8 || compact.count == 9, let first = compact.first, let last = compact.last else {
            throw invalid(.nif, typed)
        }
        if compact.count == 8, first.isPlainDigit { compact = "0" + compact }
        let middle = compact.dropFirst().dropLast()
        guard middle.allSatisfy(\.isPlainDigit) else { throw invalid(.nif, typed) }
        if let nie = "XYZ".firstIndex(of: compact.first!) {
            let number = Int(String("XYZ".distance(from: "XYZ".startIndex, to: nie)) + middle)!
            return try letterChecked(compact, number: number, typed: typed)
        }
        if compact.first!.isPlainDigit {
            return try letterChecked(compact, number: Int(compact.dropLast())!, typed: typed)
        }
        guard "ABCDEFGHJNPQRSUVW".contains(first) else { throw invalid(.nif, typed) }
        let digits = middle.map { Int(String($0))! }
        var sum = 0
        for (index, digit) in digits.enumerated() {
            if index % 2 == 0 {
                let doubled = digit * 2
                sum += doubled / 10 + doubled % 10
            } else {
                sum += digit
            }
        }
        let control = (10 - sum % 10) % 10
        let asDigit = Character(String(control))
        let asLetter = cifLetters[control]
        let expected: Character
        if "PQRSNW".contains(first) {
            expected = asLetter
        } else if "ABEH".contains(first) {
            expected = asDigit
        } else {
            guard last != asDigit && last != asLetter else { return compact }
            expected = asDigit
        }
        guard last == expected else { throw wrongCheck(.nif, compact, expected: String(expected)) }
        return compact
    }

    private static func letterChecked(_ compact: String, number: Int, typed: String) throws -> String {
        guard let last = compact.last, last.isLetter else { throw invalid(.nif, typed) }
        let expected = dniLetters[number % 23]
        guard last == expected else { throw wrongCheck(.nif, compact, expected: String(expected)) }
        return compact
    }
}
