import CarteraCore
import Fluent
import Foundation

extension DashboardPage {
    /// When the next run sends, whether sending is paused, whether the bank statement is recent enough for
    /// the check before sending, and, on a new install, that nothing goes out before the reminder hour.
    struct Outlook: Encodable {
        let nextRun: String
        let newInstall: String?
        let schedulerOff: String?
        let pausedBanner: String?
        let statementWarning: String?
        let outgoingURL = AppURL.outgoing

        static func read(in context: ServiceContext, schedule: ReminderSchedule, format: PageFormat) async throws
            -> Outlook
        {
            let organisation = context.organisation
            let next = schedule.next(
                for: organisation, now: context.clock.now(), calendar: DunningSettings.calendar(of: organisation))
            let neverSent =
                try await ReminderDelivery.query(on: context.db)
                .filter(\.$organisationID == context.organisationID).first() == nil
            let freshness = SafetyCheck.freshness(
                lastImported: try await DunningSafety.lastStatementDay(
                    organisationID: context.organisationID, on: context.db),
                today: context.today, calendar: DunningSettings.calendar(of: organisation),
                allowedWorkingDays: organisation.statementStaleDays)
            return Outlook(
                nextRun: NextRunText.words(next, today: context.today, format: format),
                newInstall: neverSent && schedule.enabled
                    ? format.text("next_run.new_install", ["time": "\(next.hour):00"]) : nil,
                schedulerOff: schedule.enabled ? nil : format.text("next_run.scheduler_off"),
                pausedBanner: organisation.pause(on: context.today).map {
                    format.text("outgoing.paused_banner", ["date": format.date($0)])
                },
                statementWarning: SafetyText.statementWarning(
                    freshness, mode: organisation.statementStaleMode, allowedDays: organisation.statementStaleDays,
                    format: format))
        }
    }
}
