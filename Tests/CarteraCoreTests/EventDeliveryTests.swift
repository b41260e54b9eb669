import Testing

@testable import CarteraCore

@Suite struct EventDeliveryTests {
    @Test func theNextRunIsTodayBeforeItsHourAndTomorrowFromIt() throws {
        let today = try LocalDate(iso: "2026-03-10")
        #expect(EventDelivery.runDay(today: today, localHour: 6, reminderHour: 8) == today)
        #expect(EventDelivery.runDay(today: today, localHour: 8, reminderHour: 8) == today.addingClamped(days: 1))
        #expect(EventDelivery.runDay(today: today, localHour: 15, reminderHour: 8) == today.addingClamped(days: 1))
    }

    @Test func onlyTheEventKindsCanWaitForTheDaysMessage() {
        #expect(ReminderKind.eventKinds == [.newInvoice, .paymentReceived])
    }

    @Test func anSMSKeepsOnlyTheSentencesThatFit() {
        let body = String(repeating: "a", count: 250)
        let short = String(repeating: "b", count: 40)
        let long = String(repeating: "c", count: 80)
        #expect(SMSLength.fitting([short], after: body) == [short])
        #expect(SMSLength.fitting([long, short], after: body) == [short], "the long one goes alone")
        #expect(SMSLength.fitting([short, short], after: body) == [short])
        #expect(SMSLength.fitting([long], after: "") == [long])
    }
}
