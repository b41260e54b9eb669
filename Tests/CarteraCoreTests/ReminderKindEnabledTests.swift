import Testing

@testable import CarteraCore

/// Organisations store the reminder kinds they switched off, so a kind nobody switched off—such as
/// one added to `ReminderKind` after the row was written—is on.
@Suite struct ReminderKindEnabledTests {
    @Test func nothingSwitchedOffMeansEveryKindIsOn() {
        #expect(ReminderKind.enabled(switchedOff: []) == Set(ReminderKind.allCases))
    }

    @Test func aKindTheStoredListDoesNotNameIsOn() {
        // given a row written when only these two were switched off
        let stored: [ReminderKind] = [.newInvoice, .paymentReceived]
        // then every other kind, whenever it was added, is on
        let enabled = ReminderKind.enabled(switchedOff: stored)
        for kind in ReminderKind.allCases {
            #expect(enabled.contains(kind) == !stored.contains(kind))
        }
    }

    @Test func switchedOffIsTheComplementInDeclarationOrder() {
        #expect(
            ReminderKind.switchedOff(enabled: [.overdue]) == [.newInvoice, .paymentReceived, .beforeDue, .debtSummary])
        #expect(ReminderKind.switchedOff(enabled: Set(ReminderKind.allCases)).isEmpty)
        for enabled in [Set<ReminderKind>(), [.overdue, .debtSummary], Set(ReminderKind.allCases)] {
            #expect(ReminderKind.enabled(switchedOff: ReminderKind.switchedOff(enabled: enabled)) == enabled)
        }
    }

    @Test func dunningAndChannelFacets() {
        #expect(ReminderKind.allCases.filter(\.isDunning) == [.beforeDue, .overdue, .debtSummary])
        #expect(ReminderChannel.allCases.filter(\.isTransmitted) == [.email, .sms])
        #expect(ReminderChannel.allCases.filter(\.hasTemplate) == [.email, .sms, .letter])
        #expect(ReminderChannel.allCases.filter(\.isForCollector) == [.callTask])
    }
}
