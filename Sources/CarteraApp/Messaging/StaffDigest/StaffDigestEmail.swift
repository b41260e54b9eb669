import CarteraCore
import Foundation

/// The morning email to the people who work accounts: what today's run sends, customer by customer,
/// in the outgoing page's own words (built from its context, so page and email never disagree), with
/// the link to that page where a customer is skipped; or, while the organisation is paused, one line
/// saying until when. A plain-text part and a small HTML one, every value HTML-escaped.
struct StaffDigestEmail {
    enum Content {
        /// Today's run as the outgoing page shows it; `customers`: how many different ones it names.
        case planned(OutgoingPage.Context, customers: Int)
        case paused(until: LocalDate)
    }

    struct Addressing {
        let recipient: String
        let organisation: String
        /// The local day and the hour of the run.
        let day: LocalDate
        let reminderHour: Int
        /// Where people reach this server: the links must work from a mail client.
        let publicURL: String
    }

    let subject: String
    let text: String
    let html: String

    init(_ content: Content, _ to: Addressing, format: PageFormat) {
        let words = Words(format: format)
        let (localizer, language) = (words.localizer, words.language)
        let outgoingURL = to.publicURL + AppURL.outgoing
        let accountURL = to.publicURL + AppURL.accountPassword
        let time = "\(to.reminderHour):00"
        let when =
            to.reminderHour >= StaffDigestDue.leadHours
            ? localizer.text(
                "staff_digest.when", language: language,
                arguments: ["digest_time": "\(StaffDigestDue.hour(reminderHour: to.reminderHour)):00", "time": time])
            : localizer.text("staff_digest.when_midnight", language: language, arguments: ["time": time])
        var lines = [localizer.text("staff_digest.greeting", language: language, arguments: ["name": to.recipient])]
        var blocks = [Self.paragraph(lines[0] ?? "")]
        func say(_ line: String?, muted: Bool = false) {
            lines.append(line)
            blocks.append(Self.paragraph(line ?? "", muted: muted))
        }
        switch content {
        case .paused(let until):
            subject = words.dated("staff_digest.subject_paused", until)
            say(
                localizer.text(
                    "staff_digest.paused", language: language,
                    arguments: words.day(until).merging(["organisation": to.organisation]) { $1 }))
        case .planned(let page, let customers):
            subject =
                customers == 1
                ? words.dated("staff_digest.subject_one", to.day)
                : words.dated("staff_digest.subject", to.day, ["count": String(customers)])
            say(
                localizer.text(
                    "staff_digest.intro", language: language,
                    arguments: ["time": time, "organisation": to.organisation]))
            for line in [page.statementWarning, page.count].compactMap({ $0 }) { say(line, muted: true) }
            lines += page.rows.map { Optional(words.text(of: $0)) }
            blocks.append(Self.table(page.rows, words: words, publicURL: to.publicURL))
            if !page.skipped.isEmpty {
                say(
                    localizer.text(
                        "staff_digest.skipped", language: language,
                        arguments: ["customers": page.skipped.map(\.customer).joined(separator: ", ")]),
                    muted: true)
            }
        }
        let optOut = localizer.text("staff_digest.opt_out", language: language, arguments: ["url": accountURL]) ?? ""
        lines += [
            localizer.text("staff_digest.page_link", language: language, arguments: ["url": outgoingURL]), when, optOut,
        ]
        text = lines.compactMap { $0 }.joined(separator: "\n\n") + "\n"
        blocks.append(Self.button(localizer.text("staff_digest.open_page", language: language) ?? "", url: outgoingURL))
        html = Self.document(
            subject: subject, organisation: to.organisation, content: blocks.joined(separator: "\n"),
            footer: [Self.escape(when ?? ""), Self.linked(optOut, url: accountURL)])
    }

    /// The texts the email is written in, in the reader's language.
    private struct Words {
        let format: PageFormat
        var localizer: Localizer { format.composer.localizer }
        var language: String { format.composer.language }

        /// "viernes" and "13 mar 2026".
        func day(_ date: LocalDate) -> [String: String] {
            ["weekday": format.text("next_run.weekday.\(date.weekday)"), "date": format.date(date)]
        }

        func dated(_ key: String, _ date: LocalDate, _ more: [String: String] = [:]) -> String {
            localizer.text(key, language: language, arguments: day(date).merging(more) { $1 }) ?? key
        }

        func what(_ row: OutgoingPage.Context.Row) -> String {
            localizer.text(
                "staff_digest.what", language: language, arguments: ["template": row.template, "channel": row.channel])
                ?? row.template
        }

        func total(_ row: OutgoingPage.Context.Row) -> String {
            localizer.text("staff_digest.total", language: language, arguments: ["total": row.total]) ?? row.total
        }

        func invoices(_ row: OutgoingPage.Context.Row) -> String {
            (row.invoices.map { "\($0.number) \($0.balance)" } + [row.more].compactMap { $0 }).joined(separator: ", ")
        }

        /// One customer in the plain-text part.
        func text(of row: OutgoingPage.Context.Row) -> String {
            (["• \(row.customer)", "  \(what(row))", "  \(invoices(row))", "  \(total(row))"]
                + [row.held.map { "  \($0)" }].compactMap { $0 }).joined(separator: "\n")
        }
    }

    private static func escape(_ text: String) -> String { MessageTemplate.escapeHTML(text) }

    private static func paragraph(_ text: String, muted: Bool = false) -> String {
        let colour = muted ? " color: \(EmailLayout.muted);" : ""
        return "<p style=\"margin: 0 0 14px;\(colour)\">\(escape(text))</p>"
    }

    /// A sentence whose address is a link.
    private static func linked(_ sentence: String, url: String) -> String {
        escape(sentence).replacingOccurrences(
            of: escape(url),
            with: "<a href=\"\(escape(url))\" style=\"color: \(EmailLayout.muted);\">\(escape(url))</a>")
    }

    /// One row per customer: name (a link to the customer), what goes and which invoices, the hold if
    /// any; the total on the right, never broken across lines.
    private static func table(_ rows: [OutgoingPage.Context.Row], words: Words, publicURL: String) -> String {
        let cell = "padding: 10px 6px; border-bottom: 1px solid \(EmailLayout.line); vertical-align: top;"
        let body = rows.map { row in
            let held = row.held.map {
                "<br><span class=\"held\" style=\"color: #9a3b00;\">\(escape($0))</span>"
            }
            return "<tr class=\"customer\"><td style=\"\(cell)\">"
                + "<a href=\"\(escape(publicURL + row.customerURL))\" style=\"color: \(EmailLayout.ink); font-weight: bold;\">"
                + "\(escape(row.customer))</a><br>"
                + "<span style=\"color: \(EmailLayout.muted);\">\(escape(words.what(row)))</span><br>"
                + "<span style=\"font-size: 13px;\">\(escape(words.invoices(row)))</span>\(held ?? "")</td>"
                + "<td align=\"right\" style=\"\(cell) white-space: nowrap; font-weight: bold;\">\(escape(row.total))</td></tr>"
        }
        return """
            <table role="table" class="digest" width="100%" cellpadding="0" cellspacing="0" border="0" \
            style="border-collapse: collapse; margin: 0 0 16px; font-size: 14px;">
            <tbody>
            \(body.joined(separator: "\n"))
            </tbody>
            </table>
            """
    }

    private static func button(_ label: String, url: String) -> String {
        """
        <table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin: 4px 0 20px;">
        <tr><td align="center" bgcolor="\(EmailLayout.brand)" style="border-radius: 6px; background: \(EmailLayout.brand);">\
        <a class="outgoing-link" href="\(escape(url))" target="_blank" \
        style="display: inline-block; padding: 12px 22px; color: #ffffff; font-weight: bold; \
        text-decoration: none; border-radius: 6px;">\(escape(label))</a>\
        </td></tr>
        </table>
        """
    }

    /// `footer` is HTML already.
    private static func document(subject: String, organisation: String, content: String, footer: [String]) -> String {
        """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
        <title>\(escape(subject))</title></head>
        <body style="margin: 0; padding: 0; background: #f5f6f8;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background: #f5f6f8;">
        <tr><td align="center" style="padding: 16px 8px;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" \
        style="max-width: 640px; background: #ffffff; border: 1px solid \(EmailLayout.line); border-radius: 8px; \
        font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: \(EmailLayout.ink);">
        <tr><td class="organisation" style="padding: 18px 16px; border-bottom: 3px solid \(EmailLayout.brand); \
        font-size: 20px; font-weight: bold; color: \(EmailLayout.brand);">\(escape(organisation))</td></tr>
        <tr><td style="padding: 20px 16px 8px;">
        \(content)
        </td></tr>
        <tr><td class="footer" style="padding: 14px 16px; border-top: 1px solid \(EmailLayout.line); font-size: 12px; \
        color: \(EmailLayout.muted);">\(footer.joined(separator: "<br>\n"))</td></tr>
        </table>
        </td></tr>
        </table>
        </body></html>
        """
    }
}
