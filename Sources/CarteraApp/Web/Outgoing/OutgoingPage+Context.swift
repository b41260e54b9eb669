import CarteraCore
import Foundation

extension OutgoingPage.Context {
    /// Formatting only: words, amounts and dates from what `OutgoingPageData.read` found.
    init(data: OutgoingPageData, format: PageFormat, csrfDate: String) throws {
        let text = format.text
        let organisation = format.composer.organisation
        var rows: [Row] = []
        for planned in data.report.planned {
            guard let customer = data.customers[planned.customerId] else { continue }
            let invoices = planned.invoiceIds.compactMap { data.invoices[$0] }.sorted { $0.dueDate < $1.dueDate }
            rows.append(
                Row(
                    customerId: planned.customerId.uuidString, customer: customer.legalName,
                    customerURL: AppURL.customer(planned.customerId),
                    channel: text("channel.\(planned.channel)", [:]),
                    template: text("template.key.\(planned.template)", [:]),
                    invoices: try invoices.prefix(OutgoingPage.Context.invoicesShown).map {
                        Invoice(
                            number: $0.number, url: AppURL.invoice(try $0.requireID()),
                            balance: format.money(try $0.balance))
                    },
                    more: invoices.count > OutgoingPage.Context.invoicesShown
                        ? text("outgoing.more", ["count": String(invoices.count - OutgoingPage.Context.invoicesShown)])
                        : nil,
                    total: format.moneyList(try Self.totals(invoices)),
                    policy: data.policies[planned.customerId]?.words(format) ?? "",
                    // A held statement reads like a held reminder: the reason comes with the planned row.
                    held: planned.hold == nil
                        ? nil
                        : (planned.reason ?? data.report.holdReasons[planned.customerId]).map {
                            text("outgoing.held", ["reason": SafetyText.reason($0, format: format)])
                        }))
        }
        let held = rows.filter { $0.held != nil }.count
        self.init(
            runDay: text("outgoing.run_day", ["date": format.date(data.next.date)]),
            nextRun: NextRunText.words(data.next, today: data.today, format: format),
            schedulerOff: data.schedulerEnabled ? nil : text("next_run.scheduler_off", [:]),
            pausedBanner: data.pausedUntil.map { text("outgoing.paused_banner", ["date": format.date($0)]) },
            statementWarning: SafetyText.statementWarning(
                data.statement, mode: organisation.statementStaleMode, allowedDays: organisation.statementStaleDays,
                format: format),
            count: text("outgoing.count", ["sends": String(rows.count - held), "held": String(held)]),
            rows: rows,
            skipped: try data.skipped.map {
                Skipped(customerId: try $0.requireID().uuidString, customer: $0.legalName)
            },
            date: csrfDate,
            pauseMin: data.today.addingClamped(days: 1).iso,
            pausedUntil: data.pausedUntil?.iso)
    }

    /// What the listed invoices still owe, per currency.
    private static func totals(_ invoices: [CarteraApp.Invoice]) throws -> [Money] {
        var sums: [String: Money] = [:]
        for invoice in invoices {
            let balance = try invoice.balance
            sums[invoice.currency] = try (sums[invoice.currency] ?? .zero(balance.currency)).adding(balance)
        }
        return sums.keys.sorted().compactMap { sums[$0] }
    }
}
