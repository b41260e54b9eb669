/// Reads the dates spreadsheets, banks and accounting exports write: "2026-12-31", "31/12/2026",
/// "12/31/2026", "31-12-2026", "31.12.2026", and for imports also "31 Dec 2026", "31-dic-2026",
/// "Dec 31, 2026" and "31/12/26". Whether "05/06/2026" is 5 June or 6 May is not in the text:
/// the caller says, or learns it from another row where one of the numbers is over 12.
enum DateText {
    enum Reading: Equatable {
        case date(LocalDate)
        /// Day and month could be swapped and no order was given.
        case ambiguous
        case invalid
    }

    /// Day, month and year in the layout's order; day and month may have one digit, the year needs four.
    /// The strict form bank CSVs are configured with.
    static func ordered(_ text: String, format: CSVStatementLayout.DateFormat) -> LocalDate? {
        if format == .iso { return try? LocalDate(iso: text) }
        guard let (first, second, year) = numericParts(text[...], twoDigitYears: false) else { return nil }
        let (day, month) = format == .dayMonthYear ? (first, second) : (second, first)
        return try? LocalDate(year: year, month: month, day: day)
    }

    /// Any form above. `order` settles day/month for numeric dates with the year last; nil leaves
    /// them `.ambiguous` unless a number over 12 or equal numbers decide. `.iso` refuses them.
    static func read(_ raw: String, order: CSVStatementLayout.DateFormat?) -> Reading {
        let text = withoutTime(StatementText.trim(raw))
        if let (values, widths) = digitGroups(text), widths.0 == 4 {
            return reading(year: values.0, month: values.1, day: values.2, valid: widths.1 <= 2 && widths.2 <= 2)
        }
        if let (first, second, year) = numericParts(text, twoDigitYears: true) {
            let resolved = first == second ? .dayMonthYear : (order ?? evidence(first: first, second: second))
            switch resolved {
            case .dayMonthYear?: return reading(year: year, month: second, day: first)
            case .monthDayYear?: return reading(year: year, month: first, day: second)
            case .iso?: return .invalid
            case nil: return .ambiguous
            }
        }
        return namedMonth(text)
    }

    /// The order a numeric date proves by itself ("31/12/2026": day first), or nil.
    static func evidence(_ raw: String) -> CSVStatementLayout.DateFormat? {
        guard let (first, second, _) = numericParts(withoutTime(StatementText.trim(raw)), twoDigitYears: true) else {
            return nil
        }
        return evidence(first: first, second: second)
    }

    private static func evidence(first: Int, second: Int) -> CSVStatementLayout.DateFormat? {
        if first > 12 && second <= 12 { return .dayMonthYear }
        if second > 12 && first <= 12 { return .monthDayYear }
        return nil
    }

    /// "1/2/2026" → (1, 2, 2026); a two-digit year is 20yy (invoices from the last century are not open).
    private static func numericParts(_ text: Substring, twoDigitYears: Bool) -> (Int, Int, Int)? {
        guard let (values, widths) = digitGroups(text), (1...2).contains(widths.0), (1...2).contains(widths.1),
            widths.2 == 4 || (twoDigitYears && widths.2 == 2)
        else { return nil }
        return (values.0, values.1, widths.2 == 2 ? 2000 + values.2 : values.2)
    }

    /// Three runs of one to four ASCII digits separated by "/", "-" or ".", and their widths; read
    /// byte by byte because it runs on every date of a million-row file.
    private static func digitGroups(_ text: Substring) -> (values: (Int, Int, Int), widths: (Int, Int, Int))? {
        var values = (0, 0, 0)
        var widths = (0, 0, 0)
        var group = 0
        for byte in text.utf8 {
            if (0x30...0x39).contains(byte) {
                // More than four digits is not a date part (and would overflow on a long run).
                guard (group == 0 ? widths.0 : group == 1 ? widths.1 : widths.2) < 4 else { return nil }
                let digit = Int(byte - 0x30)
                switch group {
                case 0:
                    values.0 = values.0 * 10 + digit
                    widths.0 += 1
                case 1:
                    values.1 = values.1 * 10 + digit
                    widths.1 += 1
                default:
                    values.2 = values.2 * 10 + digit
                    widths.2 += 1
                }
            } else if byte == 0x2F || byte == 0x2D || byte == 0x2E, group < 2 {
                group += 1
            } else {
                return nil
            }
        }
        guard group == 2, (1...4).contains(widths.0), (1...4).contains(widths.1), (1...4).contains(widths.2) else {
            return nil
        }
        return (values, widths)
    }

    /// "31 Dec 2026", "31-dic-2026", "31 de diciembre de 2026", "Dec 31, 2026": months by their
    /// first three letters in English or Spanish, which never collide with each other.
    private static func namedMonth(_ text: Substring) -> Reading {
        let tokens = text.split { $0 == " " || $0 == "-" || $0 == "/" || $0 == "." || $0 == "," }
            .map { $0.lowercased() }.filter { $0 != "de" && $0 != "del" }
        guard tokens.count == 3, tokens[2].count == 4, let year = Int(tokens[2]) else { return .invalid }
        if isNumber(tokens[0][...]), let month = month(tokens[1]) {
            return reading(year: year, month: month, day: Int(tokens[0]))
        }
        if isNumber(tokens[1][...]), let month = month(tokens[0]) {
            return reading(year: year, month: month, day: Int(tokens[1]))
        }
        return .invalid
    }

    private static let months: [String: Int] = [
        "jan": 1, "ene": 1, "feb": 2, "mar": 3, "apr": 4, "abr": 4, "may": 5, "jun": 6, "jul": 7,
        "aug": 8, "ago": 8, "sep": 9, "set": 9, "oct": 10, "nov": 11, "dec": 12, "dic": 12,
    ]

    private static func month(_ token: String) -> Int? {
        guard token.count >= 3, token.allSatisfy(\.isLetter) else { return nil }
        return months[String(token.prefix(3))]
    }

    /// Spreadsheets add a midnight time to dates ("12/31/2026 0:00", "2026-12-31T00:00:00"); the time is dropped.
    private static func withoutTime(_ text: String) -> Substring {
        guard text.utf8.contains(0x3A), let cut = text.utf8.firstIndex(where: { $0 == 0x20 || $0 == 0x54 }) else {
            return text[...]
        }
        return text[..<cut]
    }

    private static func reading(year: Int?, month: Int?, day: Int?, valid: Bool = true) -> Reading {
        guard valid, let year, let month, let day, let date = try? LocalDate(year: year, month: month, day: day) else {
            return .invalid
        }
        return .date(date)
    }

    private static func isNumber(_ part: Substring) -> Bool { !part.isEmpty && part.allSatisfy(StatementText.isDigit) }
}
