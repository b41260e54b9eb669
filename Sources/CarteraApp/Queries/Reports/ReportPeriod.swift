import CarteraCore
import Vapor

/// The period and options of a report, from the query string (API and pages alike):
/// `from`/`to` ISO dates, both included, by default the current month up to today;
/// `within_days` for reminder effectiveness; `as_of` for the aging reports (default today).
struct ReportPeriod: Equatable {
    struct Query: Content {
        var from: String?
        var to: String?
        var withinDays: String?
        var asOf: String?
        enum CodingKeys: String, CodingKey { case from, to, withinDays = "within_days", asOf = "as_of" }
    }

    static let maximumWithinDays = 365

    let from: LocalDate
    let to: LocalDate
    let withinDays: Int

    init(from: LocalDate, to: LocalDate, withinDays: Int = CollectionReport.defaultWithinDays) {
        self.from = from
        self.to = to
        self.withinDays = withinDays
    }

    /// Bad dates, `from` after `to` or an unusable `within_days` are 422s naming the parameter.
    init(_ query: Query, today: LocalDate) throws {
        let to = try FieldParser.optionalDate(query.to.nonEmpty, "to") ?? today
        let from =
            try FieldParser.optionalDate(query.from.nonEmpty, "from")
            ?? (try LocalDate(year: to.year, month: to.month, day: 1))
        guard from <= to else { throw ServiceError.invalid("from", "from must be on or before to") }
        var within = CollectionReport.defaultWithinDays
        if let text = query.withinDays.nonEmpty {
            guard let days = Int(text), (0...Self.maximumWithinDays).contains(days) else {
                throw ServiceError.invalid(
                    "within_days", "within_days must be a whole number of days from 0 to \(Self.maximumWithinDays)")
            }
            within = days
        }
        self.init(from: from, to: to, withinDays: within)
    }

    static func asOf(_ query: Query, today: LocalDate) throws -> LocalDate {
        try FieldParser.optionalDate(query.asOf.nonEmpty, "as_of") ?? today
    }
}

extension Optional where Wrapped == String {
    /// Empty form fields count as absent.
    fileprivate var nonEmpty: String? { flatMap { $0.isEmpty ? nil : $0 } }
}
