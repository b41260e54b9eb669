import Testing

@testable import CarteraCore

@Suite struct PaymentTermsTests {
    @Test(arguments: [
        (PaymentTerms.net0, "2026-03-10"), (.net15, "2026-03-25"), (.net30, "2026-04-09"),
        (.net45, "2026-04-24"), (.net60, "2026-05-09"), (.net90, "2026-06-08"),
    ])
    func netDueDates(terms: PaymentTerms, due: String) throws {
        #expect(try terms.dueDate(issuedOn: try LocalDate(iso: "2026-03-10")).iso == due)
    }

    @Test func endOfMonthCountsFromTheLastDayOfTheIssueMonth() throws {
        let terms = try PaymentTerms(code: "eom30")
        #expect(terms.basis == .endOfMonth)
        #expect(try terms.dueDate(issuedOn: try LocalDate(iso: "2026-01-15")).iso == "2026-03-02")
        #expect(try terms.dueDate(issuedOn: try LocalDate(iso: "2026-01-31")).iso == "2026-03-02")
        #expect(
            try PaymentTerms(code: "net30 eom").dueDate(issuedOn: try LocalDate(iso: "2026-02-01")).iso == "2026-03-30")
    }

    @Test func earlyPaymentDiscount() throws {
        let terms = try PaymentTerms(code: "2/10 net 30")
        let issued = try LocalDate(iso: "2026-03-10")
        #expect(terms.discount == .init(basisPoints: 200, days: 10))
        #expect(try terms.discountDeadline(issuedOn: issued)?.iso == "2026-03-20")
        #expect(try terms.dueDate(issuedOn: issued).iso == "2026-04-09")
        // 2 % of 1,000,000.50 = 20,000.01 → 980,000.49
        #expect(terms.discountedTotal(Money(minorUnits: 100_000_050, currency: .cop))?.minorUnits == 98_000_049)
        #expect(PaymentTerms.net30.discountedTotal(Money(minorUnits: 100, currency: .cop)) == nil)
        #expect(try PaymentTerms.net30.discountDeadline(issuedOn: issued) == nil)
    }

    @Test(arguments: [
        ("net30", "net30"), ("NET 30", "net30"), ("Net30", "net30"), ("eom30", "eom30"), ("net30 eom", "eom30"),
        ("2/10 net 30", "2/10 net30"), ("2/10 net30", "2/10 net30"), ("1.5/10 net 30", "1.5/10 net30"),
        ("0.25/5 eom45", "0.25/5 eom45"), ("contado", "net0"), ("due_on_receipt", "net0"), ("net0", "net0"),
        ("60", "net60"),
    ])
    func parsesCodesToCanonicalForm(text: String, canonical: String) throws {
        let terms = try PaymentTerms(code: text)
        #expect(terms.code == canonical)
        #expect(try PaymentTerms(code: terms.code) == terms)
    }

    @Test(arguments: [
        "", "net", "net-30", "net 400", "thirty", "2/net30", "/10 net30", "60/10 net30", "2/30 net30", "2.125/10 net30",
        "net30 net30",
    ])
    func refusesInvalidCodes(text: String) {
        #expect { try PaymentTerms(code: text) } throws: { ($0 as? DomainError)?.code == "invalid_terms" }
    }
}

@Suite struct EarlyPaymentDiscountTests {
    let terms = try! PaymentTerms(code: "2/10 net30")
    let issued = try! LocalDate(iso: "2026-03-01")
    func cop(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cop) }

    @Test func theDiscountedTotalByTheDeadlineEarnsTheDifference() throws {
        // 2 % of 1 000 000,00 is 20 000,00: paying 980 000,00 by March 11 settles the invoice
        let earned = terms.discountEarned(
            total: cop(1_000_000_00), alreadySettled: cop(0), payment: cop(980_000_00), issued: issued,
            paidOn: try LocalDate(iso: "2026-03-11"))
        #expect(earned == cop(20_000_00))
    }

    @Test func lateWrongOrPartialPaymentsEarnNothing() throws {
        let onTime = try LocalDate(iso: "2026-03-05")
        #expect(
            terms.discountEarned(
                total: cop(1_000_000_00), alreadySettled: cop(0), payment: cop(980_000_00), issued: issued,
                paidOn: try LocalDate(iso: "2026-03-12")) == nil)
        #expect(
            terms.discountEarned(
                total: cop(1_000_000_00), alreadySettled: cop(0), payment: cop(980_000_01), issued: issued,
                paidOn: onTime) == nil)
        #expect(
            terms.discountEarned(
                total: cop(1_000_000_00), alreadySettled: cop(100), payment: cop(980_000_00), issued: issued,
                paidOn: onTime) == nil)
        #expect(
            try PaymentTerms(code: "net30").discountEarned(
                total: cop(100), alreadySettled: cop(0), payment: cop(98), issued: issued, paidOn: onTime) == nil)
    }

    @Test func theDiscountRoundsHalfUpToTheMinorUnit() throws {
        // 2 % of 1 234,57 is 24,6914 → 24,69; the customer pays 1 209,88
        let earned = terms.discountEarned(
            total: cop(1_234_57), alreadySettled: cop(0), payment: cop(1_209_88), issued: issued, paidOn: issued)
        #expect(earned == cop(24_69))
        let clp = Money(minorUnits: 1_250, currency: .clp) // 2 % = 25
        #expect(
            terms.discountEarned(
                total: clp, alreadySettled: .zero(.clp), payment: Money(minorUnits: 1_225, currency: .clp),
                issued: issued, paidOn: issued) == Money(minorUnits: 25, currency: .clp))
    }
}
