/// When an invoice falls due and whether paying early earns a discount: net N days from the invoice
/// date or from the end of its month ("30 días fecha factura fin de mes"), optionally "2/10 net 30".
public struct PaymentTerms: Hashable, Codable, Sendable, CustomStringConvertible {
    public enum Basis: String, Codable, Sendable {
        case invoiceDate = "invoice_date"
        case endOfMonth = "end_of_month"
    }

    /// 2 % (200 bp) off when paid within 10 days of the invoice date.
    public struct EarlyPaymentDiscount: Hashable, Codable, Sendable {
        public let basisPoints: Int64
        public let days: Int

        public init(basisPoints: Int64, days: Int) {
            self.basisPoints = basisPoints
            self.days = days
        }
    }

    public let netDays: Int
    public let basis: Basis
    public let discount: EarlyPaymentDiscount?

    public init(netDays: Int, basis: Basis = .invoiceDate, discount: EarlyPaymentDiscount? = nil) throws {
        guard (0...365).contains(netDays) else {
            throw DomainError(code: "invalid_terms", message: "Net days must be between 0 and 365, got \(netDays)")
        }
        if let discount {
            guard (1...5_000).contains(discount.basisPoints), discount.days >= 0,
                discount.days < netDays || (basis == .endOfMonth)
            else {
                throw DomainError(
                    code: "invalid_terms",
                    message: "The discount must be 0.01–50 % and its window shorter than the net days")
            }
        }
        self.netDays = netDays
        self.basis = basis
        self.discount = discount
    }

    private init(known netDays: Int) { try! self.init(netDays: netDays) }
    public static let net0 = PaymentTerms(known: 0)
    public static let net15 = PaymentTerms(known: 15)
    public static let net30 = PaymentTerms(known: 30)
    public static let net45 = PaymentTerms(known: 45)
    public static let net60 = PaymentTerms(known: 60)
    public static let net90 = PaymentTerms(known: 90)

    /// Reads "net30", "NET 30", "eom30", "net30 eom", "2/10 net 30", "1.5/10 eom45", "contado",
    /// "due_on_receipt". Case and spaces do not matter.
    public init(code text: String) throws {
        let invalid = DomainError(
            code: "invalid_terms", message: "\"\(text)\" is not payment terms like net30, eom30 or 2/10 net30")
        var rest = text.lowercased().filter { !$0.isWhitespace }
        if ["contado", "due_on_receipt", "dueonreceipt", "cod"].contains(rest) { rest = "net0" }
        var discount: EarlyPaymentDiscount?
        if let slash = rest.firstIndex(of: "/") {
            let percent = String(rest[..<slash])
            var afterSlash = rest[rest.index(after: slash)...]
            let daysDigits = afterSlash.prefix { $0.isASCII && $0.isNumber }
            afterSlash = afterSlash.dropFirst(daysDigits.count)
            guard let basisPoints = Self.basisPoints(percent), let days = Int(daysDigits) else { throw invalid }
            discount = EarlyPaymentDiscount(basisPoints: basisPoints, days: days)
            rest = String(afterSlash)
        }
        var basis = Basis.invoiceDate
        if rest.hasSuffix("eom") {
            basis = .endOfMonth
            rest.removeLast(3)
        }
        if rest.hasPrefix("eom") {
            basis = .endOfMonth
            rest.removeFirst(3)
        }
        if rest.hasPrefix("net") { rest.removeFirst(3) }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }), rest.count <= 3, let days = Int(rest)
        else { throw invalid }
        do { try self.init(netDays: days, basis: basis, discount: discount) } catch { throw invalid }
    }

    /// Canonical form, read back by `init(code:)`: "net30", "eom30", "2/10 net30", "1.5/10 eom45".
    public var code: String {
        let net = (basis == .endOfMonth ? "eom" : "net") + String(netDays)
        guard let discount else { return net }
        return "\(Self.percentText(discount.basisPoints))/\(discount.days) \(net)"
    }

    public var description: String { code }

    /// Throws "date_out_of_range" when the terms carry the due date past 2199-12-31.
    public func dueDate(issuedOn issued: LocalDate) throws -> LocalDate {
        try (basis == .endOfMonth ? issued.endOfMonth : issued).adding(days: netDays)
    }

    public func discountDeadline(issuedOn issued: LocalDate) throws -> LocalDate? {
        try discount.map { try issued.adding(days: $0.days) }
    }

    /// What settles the invoice when paid by the discount deadline: the total less the discount,
    /// the discount rounded half-up to the minor unit.
    public func discountedTotal(_ total: Money) -> Money? {
        guard let discount else { return nil }
        // The discount is at most 50 % of the total: neither step can overflow, so nil never hides one.
        guard let off = try? total.percentage(basisPoints: discount.basisPoints) else { return nil }
        return try? total.subtracting(off)
    }

    /// "2" → 200, "1.5" → 150, "0.25" → 25; at most two decimals.
    private static func basisPoints(_ percent: String) -> Int64? {
        let parts = percent.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, parts.count == 1 || !fraction.isEmpty, let whole = Int64(parts[0]) else {
            return nil
        }
        return whole * 100 + (Int64(fraction + String(repeating: "0", count: 2 - fraction.count)) ?? 0)
    }

    private static func percentText(_ basisPoints: Int64) -> String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        guard fraction != 0 else { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension PaymentTerms {
    /// The discount a payment earns (seed: reward early payment): only when it comes by the discount
    /// deadline, nothing was settled before, and it is exactly the discounted total — then the
    /// difference settles the rest of the invoice. Anything else earns nothing.
    public func discountEarned(
        total: Money, alreadySettled: Money, payment: Money, issued: LocalDate, paidOn: LocalDate
    ) -> Money? {
        guard alreadySettled.isZero, let deadline = try? discountDeadline(issuedOn: issued), paidOn <= deadline,
            let discounted = discountedTotal(total), discounted == payment, discounted < total
        else { return nil }
        return Money(minorUnits: total.minorUnits - discounted.minorUnits, currency: total.currency)
    }
}
