import Foundation
import Testing

@testable import CarteraCore

@Suite struct ReminderBatcherTests {
    @Test func oneMessageAndOneCallTaskPerCustomerLedByTheFirmestStep() {
        let steps = CollectionPolicy.standard.steps
        func step(_ key: String) -> PolicyStep { steps.first { $0.key == key }! }
        let alice = UUID()
        let bob = UUID()
        let due = [
            DueReminder(invoiceID: UUID(), customerID: alice, step: step("due_day")),
            DueReminder(invoiceID: UUID(), customerID: alice, step: step("final_45")),
            DueReminder(invoiceID: UUID(), customerID: alice, step: step("after_10")),
            DueReminder(invoiceID: UUID(), customerID: alice, step: step("call_30")),
            DueReminder(invoiceID: UUID(), customerID: bob, step: step("before_10")),
        ]
        let batches = ReminderBatcher.batches(due)
        #expect(batches.count == 3)
        let aliceMessage = batches.first { $0.customerID == alice && $0.channel != .callTask }!
        #expect(aliceMessage.lead.key == "final_45")
        #expect(aliceMessage.reminders.count == 3)
        #expect(batches.filter { $0.customerID == alice && $0.channel == .callTask }.count == 1)
        #expect(batches.first { $0.customerID == bob }?.kind == .beforeDue)
        #expect(
            Set(batches.flatMap(\.invoiceIDs)) == Set(due.map(\.invoiceID)),
            "every due reminder lands in exactly one batch")
    }
}
