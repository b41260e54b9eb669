import Foundation
import Testing

@testable import CarteraCore

@Suite struct SafetyCheckTests {
    let cop = try! Currency(code: "COP")
    let usd = try! Currency(code: "USD")
    let today = try! LocalDate(iso: "2026-12-09") // a Wednesday

    func money(_ minor: Int64, _ currency: Currency? = nil) -> Money {
        Money(minorUnits: minor, currency: currency ?? cop)
    }

    func item(_ minor: Int64, due: String, _ currency: Currency? = nil) -> SafetyFacts.Item {
        SafetyFacts.Item(balance: money(minor, currency), dueDate: try! LocalDate(iso: due))
    }

    @Test func sendsWhenNothingCoversTheOverdueBalance() throws {
        // given a customer owing 1 000 overdue and holding 999 of credit
        let facts = SafetyFacts(items: [item(1_000, due: "2026-11-30")], unappliedCredit: [money(999)])
        // then the message goes
        #expect(try SafetyCheck.verdict(facts, today: today, staleMode: .hold) == .send)
    }

    @Test func holdsWhenCreditCoversOnlyTheOverdueInvoices() throws {
        // given 1 000 overdue and 5 000 not yet due, and 1 000 of credit
        let facts = SafetyFacts(
            items: [item(1_000, due: "2026-11-30"), item(5_000, due: "2026-12-20")],
            unappliedCredit: [money(600), money(400)])
        // then the credit covers what the message asks (the overdue part only)
        #expect(
            try SafetyCheck.verdict(facts, today: today, staleMode: .hold)
                == .hold(.creditCovers(credit: [money(1_000)], asked: [money(1_000)])))
    }

    @Test func creditInAnotherCurrencyCoversNothing() throws {
        let facts = SafetyFacts(items: [item(1_000, due: "2026-11-30")], unappliedCredit: [money(5_000, usd)])
        #expect(try SafetyCheck.verdict(facts, today: today, staleMode: .hold) == .send)
    }

    @Test func aReminderBeforeTheDueDateAsksForItsBalances() throws {
        let facts = SafetyFacts(items: [item(2_000, due: "2026-12-19")], unappliedCredit: [money(2_000)])
        #expect(try SafetyCheck.askedAmounts(facts.items, today: today) == [cop: money(2_000)])
        #expect(try SafetyCheck.verdict(facts, today: today, staleMode: .hold) != .send)
    }

    @Test func aPendingPortalPaymentWithTheCreditCoversIt() throws {
        let facts = SafetyFacts(
            items: [item(1_000, due: "2026-11-30")], unappliedCredit: [money(300)], pendingPortalPayments: [money(700)])
        #expect(
            try SafetyCheck.verdict(facts, today: today, staleMode: .hold)
                == .hold(.portalPaymentPending(pending: [money(700)], asked: [money(1_000)])))
    }

    @Test func aBankLineInReviewHoldsFirst() throws {
        let facts = SafetyFacts(
            items: [item(1_000, due: "2026-11-30")], unappliedCredit: [money(5_000)], reviewQueueMatches: 2)
        #expect(try SafetyCheck.verdict(facts, today: today, staleMode: .warn) == .hold(.bankLineInReview(count: 2)))
    }

    @Test func anOldStatementHoldsOnlyInHoldMode() throws {
        let stale = StatementFreshness.stale(lastImported: try LocalDate(iso: "2026-12-01"), workingDays: 4)
        let facts = SafetyFacts(items: [item(1_000, due: "2026-11-30")], statement: stale)
        #expect(
            try SafetyCheck.verdict(facts, today: today, staleMode: .hold)
                == .hold(.statementStale(lastImported: try LocalDate(iso: "2026-12-01"), workingDays: 4)))
        #expect(try SafetyCheck.verdict(facts, today: today, staleMode: .warn) == .send)
    }

    @Test func noStatementEverImportedNeverHolds() throws {
        let facts = SafetyFacts(items: [item(1_000, due: "2026-11-30")], statement: .neverImported)
        #expect(try SafetyCheck.verdict(facts, today: today, staleMode: .hold) == .send)
        #expect(
            SafetyCheck.freshness(lastImported: nil, today: today, calendar: WorkingCalendar(), allowedWorkingDays: 3)
                == .neverImported)
    }

    @Test func freshnessCountsWorkingDaysAfterTheImport() throws {
        // imported Friday 4 December 2026; Monday 7 is a holiday in this calendar
        let friday = try LocalDate(iso: "2026-12-04")
        let calendar = WorkingCalendar(holidays: [try LocalDate(iso: "2026-12-07")])
        func on(_ iso: String) throws -> StatementFreshness {
            SafetyCheck.freshness(
                lastImported: friday, today: try LocalDate(iso: iso), calendar: calendar, allowedWorkingDays: 3)
        }
        #expect(try on("2026-12-04") == .fresh)
        #expect(try on("2026-12-09") == .fresh, "Tue, Wed: two working days")
        #expect(try on("2026-12-10") == .fresh, "Thu: three")
        #expect(try on("2026-12-11") == .stale(lastImported: friday, workingDays: 4), "Fri: four")
    }

    @Test func nextRunIsTodayBeforeTheHourAndTheNextWorkingDayAfter() throws {
        let calendar = WorkingCalendar()
        let wednesday = try LocalDate(iso: "2026-12-09")
        let friday = try LocalDate(iso: "2026-12-11")
        let monday = try LocalDate(iso: "2026-12-14")
        #expect(
            NextRun.after(today: wednesday, localHour: 7, reminderHour: 8, calendar: calendar, pausedUntil: nil)
                == NextRun(date: wednesday, hour: 8, afterPause: false))
        #expect(
            NextRun.after(today: friday, localHour: 8, reminderHour: 8, calendar: calendar, pausedUntil: nil).date
                == monday)
        let paused = NextRun.after(
            today: wednesday, localHour: 7, reminderHour: 8, calendar: calendar,
            pausedUntil: try LocalDate(iso: "2026-12-12"))
        #expect(paused == NextRun(date: monday, hour: 8, afterPause: true), "a Saturday resume sends on Monday")
    }
}
