/// The instalments of a payment plan ("acuerdo de pago"): an optional down payment, then equal
/// instalments (the leftover minor units go to the first ones, so they always add up exactly), or
/// amounts the collector and customer agreed one by one.
public enum InstalmentSchedule {
    public enum Spacing: Sendable, Equatable {
        /// Same day of each following month, clamped to the month's end (Jan 31 → Feb 28 → Mar 31).
        case monthly
        case everyDays(Int)
    }

    public struct Instalment: Sendable, Equatable {
        public let number: Int
        public let dueDate: LocalDate
        public let amount: Money
        public init(number: Int, dueDate: LocalDate, amount: Money) {
            self.number = number
            self.dueDate = dueDate
            self.amount = amount
        }
    }

    public static let maximumInstalments = 60
    /// Instalments at most a year (366 days) apart.
    public static let spacingDays = 1...366

    public static func equal(
        total: Money, count: Int, firstDue: LocalDate, spacing: Spacing,
        downPayment: Money? = nil, downPaymentDue: LocalDate? = nil
    ) throws -> [Instalment] {
        guard (1...maximumInstalments).contains(count) else {
            throw DomainError(
                code: "invalid_instalment_count", field: "instalments",
                message: "A plan has between 1 and \(maximumInstalments) instalments")
        }
        if case .everyDays(let days) = spacing, !spacingDays.contains(days) {
            throw DomainError(
                code: "invalid_spacing", field: "every_days", message: "Instalments are between 1 and 366 days apart")
        }
        guard total.isPositive else {
            throw DomainError(
                code: "nothing_to_plan", field: "invoice_ids", message: "The plan's total must be positive")
        }
        var parts: [(LocalDate, Money)] = []
        var rest = total
        if let downPayment, !downPayment.isZero {
            guard downPayment.isPositive, downPayment < total else {
                throw DomainError(
                    code: "invalid_down_payment", field: "down_payment",
                    message: "The down payment must be positive and less than the total")
            }
            let due = downPaymentDue ?? firstDue
            guard due <= firstDue else {
                throw DomainError(
                    code: "invalid_down_payment", field: "down_payment_due",
                    message: "The down payment is due no later than the first instalment")
            }
            parts.append((due, downPayment))
            rest = try total.subtracting(downPayment)
        }
        for (index, amount) in rest.split(into: count).enumerated() {
            // index < 61 and days ≤ 366: the product is small; the date may still pass 2199.
            let due: LocalDate
            do {
                due =
                    switch spacing {
                    case .monthly: try firstDue.adding(months: index)
                    case .everyDays(let days): try firstDue.adding(days: index * days)
                    }
            } catch {
                throw DomainError(
                    code: "date_out_of_range", field: "first_due_on",
                    message: "The plan's last instalment would fall after 2199-12-31")
            }
            parts.append((due, amount))
        }
        return try custom(total: total, parts: parts)
    }

    /// Validates agreed amounts: positive, dates strictly increasing, summing exactly to the total.
    public static func custom(total: Money, parts: [(dueDate: LocalDate, amount: Money)]) throws -> [Instalment] {
        guard (1...maximumInstalments + 1).contains(parts.count) else {
            throw DomainError(
                code: "invalid_instalment_count", field: "instalments",
                message: "A plan has between 1 and \(maximumInstalments) instalments")
        }
        var previous: LocalDate?
        for (index, part) in parts.enumerated() {
            guard part.amount.currency == total.currency else {
                throw DomainError(
                    code: "currency_mismatch", field: "instalments[\(index)].amount",
                    message: "Every instalment is in \(total.currency.code)")
            }
            guard part.amount.isPositive else {
                throw DomainError(
                    code: "invalid_amount", field: "instalments[\(index)].amount",
                    message: "Every instalment must be positive")
            }
            if let previous, part.dueDate <= previous {
                throw DomainError(
                    code: "invalid_date", field: "instalments[\(index)].due_date",
                    message: "Instalment dates must increase")
            }
            previous = part.dueDate
        }
        let sum = try Money.sum(parts.map(\.amount), currency: total.currency)
        guard sum == total else {
            throw DomainError(
                code: "instalments_do_not_add_up", field: "instalments",
                message: "The instalments add up to \(sum.decimalString), not \(total.decimalString)")
        }
        return parts.enumerated().map {
            Instalment(number: $0.offset + 1, dueDate: $0.element.dueDate, amount: $0.element.amount)
        }
    }

    /// Which instalments are covered by what has been paid since the plan began: payments fill
    /// instalments in order, so a partial payment counts towards the earliest unpaid one.
    public static func standing(of instalments: [Instalment], paidSoFar: Money, asOf today: LocalDate)
        -> [InstalmentStanding]
    {
        var remaining = paidSoFar.minorUnits
        return instalments.map { instalment in
            let covered = min(max(remaining, 0), instalment.amount.minorUnits)
            remaining -= covered
            let state: InstalmentStanding.State
            if covered == instalment.amount.minorUnits {
                state = .paid
            } else if instalment.dueDate < today {
                state = .missed
            } else {
                state = .pending
            }
            return InstalmentStanding(
                instalment: instalment, paid: Money(minorUnits: covered, currency: instalment.amount.currency),
                state: state)
        }
    }
}

public struct InstalmentStanding: Sendable, Equatable {
    public enum State: String, Sendable, Codable, CaseIterable { case pending, paid, missed }
    public let instalment: InstalmentSchedule.Instalment
    public let paid: Money
    public let state: State
}
