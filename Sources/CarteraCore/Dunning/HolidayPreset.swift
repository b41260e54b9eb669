/// The national public holidays of a year, per country, to fill an organisation's list of days with
/// no reminders in one step. Fixed-date holidays, the ones a law moves to a Monday, and the ones that
/// follow Easter (computed for the year). Regional holidays are left to the person to add.
public enum HolidayCountry: String, CaseIterable, Codable, Sendable {
    case colombia = "CO"
    case chile = "CL"
    case mexico = "MX"
    case spain = "ES"

    /// The country of a regional format, when it has a preset.
    public init?(locale: SupportedLocale) {
        switch locale {
        case .esCO: self = .colombia
        case .esCL: self = .chile
        case .esMX: self = .mexico
        case .esES: self = .spain
        case .enUS: return nil
        }
    }
}

public struct Holiday: Hashable, Sendable {
    public let date: LocalDate
    /// The holiday's name in Spanish and in English ("Viernes Santo", "Good Friday").
    public let spanishName: String
    public let englishName: String

    public func name(language: SupportedLocale.Language) -> String {
        language == .es ? spanishName : englishName
    }
}

public enum HolidayPreset {
    /// Easter Sunday of `year` (Gregorian calendar; the anonymous algorithm, exact for every year).
    public static func easter(_ year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return calendarDate(year, month, day)
    }

    /// The year's holidays in date order, nil for a year outside `LocalDate.supportedYears`.
    public static func holidays(_ country: HolidayCountry, year: Int) -> [Holiday]? {
        guard LocalDate.supportedYears.contains(year) else { return nil }
        let easter = easter(year)
        func fixed(_ month: Int, _ day: Int, _ es: String, _ en: String) -> Holiday {
            Holiday(date: calendarDate(year, month, day), spanishName: es, englishName: en)
        }
        func fromEaster(_ days: Int, _ es: String, _ en: String) -> Holiday {
            Holiday(date: easter.addingClamped(days: days), spanishName: es, englishName: en)
        }
        let list: [Holiday]
        switch country {
        case .colombia: list = colombia(year: year, fixed: fixed, fromEaster: fromEaster)
        case .chile: list = chile(year: year, fixed: fixed, fromEaster: fromEaster)
        case .mexico: list = mexico(year: year, fixed: fixed, fromEaster: fromEaster)
        case .spain: list = spain(fixed: fixed, fromEaster: fromEaster)
        }
        return list.sorted { $0.date < $1.date }
    }

    typealias Fixed = (Int, Int, String, String) -> Holiday
    typealias FromEaster = (Int, String, String) -> Holiday

    /// Colombia: Law 51 of 1983 ("Ley Emiliani") moves most holidays to the following Monday.
    private static func colombia(year: Int, fixed: Fixed, fromEaster: FromEaster) -> [Holiday] {
        func monday(_ holiday: Holiday) -> Holiday {
            Holiday(
                date: nextMonday(holiday.date), spanishName: holiday.spanishName, englishName: holiday.englishName)
        }
        return [
            fixed(1, 1, "Año Nuevo", "New Year's Day"),
            monday(fixed(1, 6, "Día de los Reyes Magos", "Epiphany")),
            monday(fixed(3, 19, "Día de San José", "Saint Joseph's Day")),
            fromEaster(-3, "Jueves Santo", "Maundy Thursday"),
            fromEaster(-2, "Viernes Santo", "Good Friday"),
            fixed(5, 1, "Día del Trabajo", "Labour Day"),
            monday(fromEaster(39, "Ascensión del Señor", "Ascension Day")),
            monday(fromEaster(60, "Corpus Christi", "Corpus Christi")),
            monday(fromEaster(68, "Sagrado Corazón", "Sacred Heart")),
            monday(fixed(6, 29, "San Pedro y San Pablo", "Saints Peter and Paul")),
            fixed(7, 20, "Día de la Independencia", "Independence Day"),
            fixed(8, 7, "Batalla de Boyacá", "Battle of Boyacá"),
            monday(fixed(8, 15, "La Asunción de la Virgen", "Assumption Day")),
            monday(fixed(10, 12, "Día de la Raza", "Columbus Day")),
            monday(fixed(11, 1, "Todos los Santos", "All Saints' Day")),
            monday(fixed(11, 11, "Independencia de Cartagena", "Independence of Cartagena")),
            fixed(12, 8, "Inmaculada Concepción", "Immaculate Conception"),
            fixed(12, 25, "Navidad", "Christmas Day"),
        ]
    }

    /// Chile: Law 19.668 moves Saint Peter and Saint Paul and the Day of the Race to a Monday (the one
    /// before from a Tuesday or Wednesday, the one after from a Thursday or Friday).
    private static func chile(year: Int, fixed: Fixed, fromEaster: FromEaster) -> [Holiday] {
        func nearestMonday(_ holiday: Holiday) -> Holiday {
            let weekday = holiday.date.weekday
            let shift =
                switch weekday {
                case 2, 3: 1 - weekday
                case 4, 5: 8 - weekday
                default: 0
                }
            return Holiday(
                date: holiday.date.addingClamped(days: shift), spanishName: holiday.spanishName,
                englishName: holiday.englishName)
        }
        return [
            fixed(1, 1, "Año Nuevo", "New Year's Day"),
            fromEaster(-2, "Viernes Santo", "Good Friday"),
            fromEaster(-1, "Sábado Santo", "Holy Saturday"),
            fixed(5, 1, "Día del Trabajo", "Labour Day"),
            fixed(5, 21, "Día de las Glorias Navales", "Navy Day"),
            nearestMonday(fixed(6, 29, "San Pedro y San Pablo", "Saints Peter and Paul")),
            fixed(7, 16, "Virgen del Carmen", "Our Lady of Mount Carmel"),
            fixed(8, 15, "Asunción de la Virgen", "Assumption Day"),
            fixed(9, 18, "Independencia Nacional", "Independence Day"),
            fixed(9, 19, "Día de las Glorias del Ejército", "Army Day"),
            nearestMonday(fixed(10, 12, "Encuentro de Dos Mundos", "Columbus Day")),
            fixed(10, 31, "Día de las Iglesias Evangélicas", "Reformation Day"),
            fixed(11, 1, "Todos los Santos", "All Saints' Day"),
            fixed(12, 8, "Inmaculada Concepción", "Immaculate Conception"),
            fixed(12, 25, "Navidad", "Christmas Day"),
        ]
    }

    /// México: the Federal Labour Law's days (three on a Monday), and Holy Thursday and Good Friday,
    /// when banks close.
    private static func mexico(year: Int, fixed: Fixed, fromEaster: FromEaster) -> [Holiday] {
        func monday(_ month: Int, number: Int, _ es: String, _ en: String) -> Holiday {
            let first = calendarDate(year, month, 1)
            let toMonday = (8 - first.weekday) % 7
            return Holiday(
                date: first.addingClamped(days: toMonday + 7 * (number - 1)), spanishName: es, englishName: en)
        }
        var list = [
            fixed(1, 1, "Año Nuevo", "New Year's Day"),
            monday(2, number: 1, "Día de la Constitución", "Constitution Day"),
            monday(3, number: 3, "Natalicio de Benito Juárez", "Benito Juárez's Birthday"),
            fromEaster(-3, "Jueves Santo", "Maundy Thursday"),
            fromEaster(-2, "Viernes Santo", "Good Friday"),
            fixed(5, 1, "Día del Trabajo", "Labour Day"),
            fixed(9, 16, "Día de la Independencia", "Independence Day"),
            monday(11, number: 3, "Día de la Revolución", "Revolution Day"),
            fixed(12, 25, "Navidad", "Christmas Day"),
        ]
        // The transfer of the federal executive, every six years since 2024.
        if year >= 2024, (year - 2024) % 6 == 0 {
            list.append(fixed(10, 1, "Transmisión del Poder Ejecutivo", "Presidential Inauguration"))
        }
        return list
    }

    /// España: the national days (Holy Thursday is kept in every region but Catalonia and Valencia).
    private static func spain(fixed: Fixed, fromEaster: FromEaster) -> [Holiday] {
        [
            fixed(1, 1, "Año Nuevo", "New Year's Day"),
            fixed(1, 6, "Epifanía del Señor", "Epiphany"),
            fromEaster(-3, "Jueves Santo", "Maundy Thursday"),
            fromEaster(-2, "Viernes Santo", "Good Friday"),
            fixed(5, 1, "Fiesta del Trabajo", "Labour Day"),
            fixed(8, 15, "Asunción de la Virgen", "Assumption Day"),
            fixed(10, 12, "Fiesta Nacional de España", "National Day"),
            fixed(11, 1, "Todos los Santos", "All Saints' Day"),
            fixed(12, 6, "Día de la Constitución", "Constitution Day"),
            fixed(12, 8, "Inmaculada Concepción", "Immaculate Conception"),
            fixed(12, 25, "Navidad", "Christmas Day"),
        ]
    }

    /// A date of a year already checked to be supported (every month has its first days).
    private static func calendarDate(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        (try? LocalDate(year: year, month: month, day: day)) ?? LocalDate.earliest
    }

    /// The date itself when it is a Monday, else the Monday after it.
    private static func nextMonday(_ date: LocalDate) -> LocalDate {
        date.addingClamped(days: (8 - date.weekday) % 7)
    }
}
