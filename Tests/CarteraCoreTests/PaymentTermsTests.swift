import Testing
@testable import CarteraCore

@Suite struct PaymentTermsTests {
    @Test(arguments: [
        (PaymentTerms.net0, "2026-03-10"), (.net15, "2026-03-25"), (.net30, "2026-04-09"),
        (.net45, "2026-04-24"), (.net60, "2026-05-09"), (.net90, "2026-06-08"),
    ])
    func netDueDates(terms: PaymentTerms, due: String) throws {
        #expect(terms.dueDate(issuedOn: try LocalDate(iso: "2026-03-10")).iso == due)
    }

    @Test func endOfMonthCountsFromTheLastDayOfTheIssueMonth() throws {
        let terms = try PaymentTerms(code: "eom30")
        #expect(terms.basis == .endOfMonth)
        #expect(terms.dueDate(issuedOn: try LocalDate(iso: "2026-01-15")).iso == "2026-03-02")
        #expect(terms.dueDate(issuedOn: try LocalDate(iso: "2026-01-31")).iso == "2026-03-02")
        #expect(try PaymentTerms(code: "net30 eom").dueDate(issuedOn: try LocalDate(iso: "2026-02-01")).iso == "2026-03-30")
    }

    @Test func earlyPaymentDiscount() throws {
        let terms = try PaymentTerms(code: "2/10 net 30")
        let issued = try LocalDate(iso: "2026-03-10")
        #expect(terms.discount == .init(basisPoints: 200, days: 10))
        #expect(terms.discountDeadline(issuedOn: issued)?.iso == "2026-03-20")
        #expect(terms.dueDate(issuedOn: issued).iso == "2026-04-09")
        // 2 % of 1,000,000.50 = 20,000.01 → 980,000.49
        #expect(terms.discountedTotal(Money(minorUnits: 100_000_050, currency: .cop))?.minorUnits == 98_000_049)
        #expect(PaymentTerms.net30.discountedTotal(Money(minorUnits: 100, currency: .cop)) == nil)
        #expect(PaymentTerms.net30.discountDeadline(issuedOn: issued) == nil)
    }

    @Test(arguments: [
        ("net30", "net30"), ("NET 30", "net30"), ("Net30", "net30"), ("eom30", "eom30"), ("net30 eom", "eom30"),
        ("2/10 net 30", "2/10 net30"), ("2/10 net30", "2/10 net30"), ("1.5/10 net 30", "1.5/10 net30"),
        ("0.25/5 eom45", "0.25/5 eom45"), ("contado", "net0"), ("due_on_receipt", "net0"), ("net0", "net0"), ("60", "net60"),
    ])
    func parsesCodesToCanonicalForm(text: String, canonical: String) throws {
        let terms = try PaymentTerms(code: text)
        #expect(terms.code == canonical)
        #expect(try PaymentTerms(code: terms.code) == terms)
    }

    @Test(arguments: ["", "net", "net-30", "net 400", "thirty", "2/net30", "/10 net30", "60/10 net30", "2/30 net30", "2.125/10 net30", "net30 net30"])
    func refusesInvalidCodes(text: String) {
        #expect { try PaymentTerms(code: text) } throws: { ($0 as? DomainError)?.code == "invalid_terms" }
    }
}
