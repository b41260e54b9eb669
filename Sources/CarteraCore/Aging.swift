/// Aging buckets by days past due. "Current" includes the due day itself.
public enum AgingBucket: String, Codable, Sendable, CaseIterable, Comparable {
    case current
    case days1To30 = "days_1_30"
    case days31To60 = "days_31_60"
    case days61To90 = "days_61_90"
    case over90 = "over_90"

    /// Days past due the bucket covers; `nil` upper bound for the open-ended last bucket.
    public var dayRange: ClosedRange<Int>? {
        switch self {
        case .current: 0...0
        case .days1To30: 1...30
        case .days31To60: 31...60
        case .days61To90: 61...90
        case .over90: nil
        }
    }

    /// The most days past due an invoice in this bucket can be; nil for the open-ended bucket.
    public var maximumDaysPastDue: Int? { dayRange?.upperBound }

    public static func bucket(dueDate: LocalDate, asOf: LocalDate) -> AgingBucket {
        let days = daysPastDue(dueDate: dueDate, asOf: asOf)
        return allCases.first { $0.dayRange?.contains(days) ?? true }!
    }

    public static func < (lhs: AgingBucket, rhs: AgingBucket) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public func daysPastDue(dueDate: LocalDate, asOf: LocalDate) -> Int {
    max(0, dueDate.days(until: asOf))
}

/// Open balances by bucket in one currency; amounts in different currencies are never added.
public struct AgingReport: Sendable, Equatable, Codable {
    public let asOf: LocalDate
    public let currency: Currency
    public private(set) var buckets: [AgingBucket: Money]

    public init(asOf: LocalDate, currency: Currency) {
        self.asOf = asOf
        self.currency = currency
        buckets = Dictionary(uniqueKeysWithValues: AgingBucket.allCases.map { ($0, .zero(currency)) })
    }

    public var total: Money {
        Money(minorUnits: buckets.values.saturatingSum(\.minorUnits), currency: currency)
    }

    public mutating func add(balance: Money, dueDate: LocalDate) throws {
        try add(amount: balance, to: .bucket(dueDate: dueDate, asOf: asOf))
    }

    /// Adds an amount already bucketed elsewhere (by the aging SQL).
    public mutating func add(amount: Money, to bucket: AgingBucket) throws {
        buckets[bucket] = try buckets[bucket, default: .zero(currency)].adding(amount)
    }

    /// Throws "amount_too_large" when a bucket's total would leave Int64.
    public static func reports(asOf: LocalDate, items: [(balance: Money, dueDate: LocalDate)]) throws -> [AgingReport] {
        var reports: [Currency: AgingReport] = [:]
        for item in items {
            var report = reports[item.balance.currency] ?? AgingReport(asOf: asOf, currency: item.balance.currency)
            try report.add(balance: item.balance, dueDate: item.dueDate)
            reports[item.balance.currency] = report
        }
        return reports.values.sorted { $0.currency.code < $1.currency.code }
    }
}
