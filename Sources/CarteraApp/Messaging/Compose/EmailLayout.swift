import CarteraCore
import Foundation

/// The HTML part of a customer email: the organisation's name on top, the template's body with its
/// invoices as a table and its portal link as a button (where the template names them, else after
/// the opening paragraphs), and the sender at the foot. Built for mail clients: nested tables,
/// inline styles, no external CSS, scripts or images; every value HTML-escaped. The figures come
/// from the same values as the text part, so the two never disagree.
struct EmailLayout: Sendable {
    struct Wording: Sendable {
        let viewOnline: String
        let invoice: String
        let issued: String
        let due: String
        let balance: String
        let total: String
        let sentBy: String
        /// "Para dejar de recibir estos mensajes, cambie sus {link}." with `optOutLink` as the link's words.
        var optOut = ""
        var optOutLink = ""
    }

    /// The invoice lists the layout draws as tables, each with the total of its own rows.
    static let tables: Set<String> = ["invoices", "overdue_invoices", "not_due_invoices"]
    /// The sections the layout draws itself.
    static let blocks: Set<String> = tables.union(["portal_link"])
    static let brand = "#0b6e4f"
    static let ink = "#1d2433"
    static let muted = "#5b6475"
    static let line = "#dfe3ea"

    let organisationName: String
    let senderAddress: String?
    let wording: Wording

    init(organisationName: String, senderAddress: String?, wording: Wording) {
        self.organisationName = organisationName
        self.senderAddress = senderAddress
        self.wording = wording
    }

    /// The organisation's own name and sender, in the customer's language.
    init(_ composer: MessageComposer) {
        let organisation = composer.organisation
        func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
            composer.localizer.text(key, language: composer.language, arguments: arguments) ?? key
        }
        self.init(
            organisationName: organisation.name,
            senderAddress: organisation.replyToEmail.flatMap { $0.isEmpty ? nil : $0 },
            wording: Wording(
                viewOnline: text("message.email.view_online"), invoice: text("message.email.invoice"),
                issued: text("message.email.issued"), due: text("message.email.due"),
                balance: text("message.email.balance"), total: text("message.email.total"),
                sentBy: text("message.email.sent_by", ["sender": organisation.name]),
                optOut: text("message.email.opt_out", ["link": Self.linkMark]),
                optOutLink: text("message.email.opt_out_link")))
    }

    func html(subject: String, body: MessageTemplate, values: [String: TemplateValue]) -> String {
        var parts: [String] = []
        var placedTables: Set<String> = []
        var placedButton = false
        let button = portalButton(values)
        for piece in body.pieces(values, escapingHTML: true, blocks: Self.blocks) {
            switch piece {
            case .text(let text):
                parts += Self.paragraphs(text)
            case .block(let name) where Self.tables.contains(name):
                if !placedTables.contains(name), let table = invoiceTable(values, list: name) { parts.append(table) }
                placedTables.insert(name)
            case .block:
                if let button, !placedButton { parts.append(button) }
                placedButton = true
            }
        }
        // A template that names no invoice list, or no button, still shows them: after the greeting
        // and the first paragraph.
        var extra: [String] = []
        if body.variableNames.isDisjoint(with: Self.tables), let table = invoiceTable(values, list: "invoices") {
            extra.append(table)
        }
        if let button, !placedButton { extra.append(button) }
        parts.insert(contentsOf: extra, at: min(2, parts.count))
        return document(subject: subject, content: parts.joined(separator: "\n"), optOut: optOutLine(values))
    }

    /// Stands for the link inside the opt-out sentence until the sentence is escaped.
    private static let linkMark = "\u{1}"

    /// At the foot of every email with a portal link: the customer's contact preferences, where
    /// they can stop these messages (the portal records it with its date).
    func optOutLine(_ values: [String: TemplateValue]) -> String? {
        let link = Self.text(values["portal_link"])
        guard !wording.optOut.isEmpty, let url = URL(string: link),
            ["https", "http"].contains(url.scheme?.lowercased() ?? "")
        else { return nil }
        let anchor =
            "<a class=\"opt-out\" href=\"\(Self.escape(AppURL.portalPreferencesLink(portalLink: link)))\" "
            + "target=\"_blank\" style=\"color: \(Self.muted);\">\(Self.escape(wording.optOutLink))</a>"
        return Self.escape(wording.optOut).replacingOccurrences(of: Self.linkMark, with: anchor)
    }

    /// Paragraphs from blank lines, line breaks kept.
    static func paragraphs(_ escaped: String) -> [String] {
        escaped.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { "<p style=\"margin: 0 0 14px;\">\($0.replacingOccurrences(of: "\n", with: "<br>\n"))</p>" }
    }

    private static func escape(_ text: String) -> String { MessageTemplate.escapeHTML(text) }

    private static func text(_ value: TemplateValue?) -> String {
        if case .text(let text)? = value { return text }
        return ""
    }

    /// One row per invoice of `list`: number (and its status note), issue date, due date, balance; then
    /// the total of those rows.
    func invoiceTable(_ values: [String: TemplateValue], list: String = "invoices") -> String? {
        guard case .list(let rows)? = values[list], !rows.isEmpty else { return nil }
        let cell = "padding: 8px 6px; border-bottom: 1px solid \(Self.line);"
        let head = "padding: 8px 6px; border-bottom: 2px solid \(Self.line); color: \(Self.muted); font-weight: bold;"
        func th(_ text: String, right: Bool = false) -> String {
            "<th align=\"\(right ? "right" : "left")\" style=\"\(head)\">\(Self.escape(text))</th>"
        }
        func td(_ text: String, right: Bool = false, keep: Bool = false) -> String {
            let align = right ? "right" : "left"
            // amounts never break across lines; dates and numbers may on a phone
            let wrap = right || keep ? " white-space: nowrap;" : ""
            return "<td align=\"\(align)\" style=\"\(cell)\(wrap)\">\(Self.escape(text))</td>"
        }
        func number(_ row: [String: TemplateValue]) -> String {
            let note = Self.text(row["status_note"])
            let cell =
                "<td align=\"left\" style=\"\(cell) white-space: nowrap;\">\(Self.escape(Self.text(row["number"])))"
            guard !note.isEmpty else { return cell + "</td>" }
            return cell
                + "<br><span class=\"status-note\" style=\"color: \(Self.muted); font-size: 12px; white-space: normal;\">"
                + "\(Self.escape(note))</span></td>"
        }
        let body = rows.map { row in
            "<tr class=\"invoice\">"
                + number(row) + td(Self.text(row["issue_date"]))
                + td(Self.text(row["due_date"]))
                + td(Self.text(row["balance"]), right: true) + "</tr>"
        }
        let total = Self.text(values[MessageComposer.listTotalKey(list)])
        let footer =
            total.isEmpty
            ? ""
            : "<tr><td colspan=\"3\" style=\"padding: 8px 10px; font-weight: bold;\">\(Self.escape(wording.total))</td>"
                + "<td align=\"right\" style=\"padding: 8px 10px; font-weight: bold; white-space: nowrap;\">"
                + "\(Self.escape(total))</td></tr>"
        return """
            <table role="table" class="invoices" data-list="\(list)" width="100%" cellpadding="0" cellspacing="0" border="0" \
            style="border-collapse: collapse; margin: 0 0 16px; font-size: 14px;">
            <thead><tr>\(th(wording.invoice))\(th(wording.issued))\(th(wording.due))\(th(wording.balance, right: true))</tr></thead>
            <tbody>
            \(body.joined(separator: "\n"))
            \(footer)
            </tbody>
            </table>
            """
    }

    /// A button that works without CSS support: a coloured table cell around the link. Only web addresses.
    func portalButton(_ values: [String: TemplateValue]) -> String? {
        let link = Self.text(values["portal_link"])
        guard let url = URL(string: link), ["https", "http"].contains(url.scheme?.lowercased() ?? "") else {
            return nil
        }
        return """
            <table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin: 4px 0 20px;">
            <tr><td align="center" bgcolor="\(Self.brand)" style="border-radius: 6px; background: \(Self.brand);">\
            <a class="portal-button" href="\(Self.escape(link))" target="_blank" \
            style="display: inline-block; padding: 12px 22px; color: #ffffff; font-weight: bold; \
            text-decoration: none; border-radius: 6px;">\(Self.escape(wording.viewOnline))</a>\
            </td></tr>
            </table>
            """
    }

    private func document(subject: String, content: String, optOut: String?) -> String {
        let sender = senderAddress.map {
            " · <a href=\"mailto:\(Self.escape($0))\" style=\"color: \(Self.muted);\">\(Self.escape($0))</a>"
        }
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
            <title>\(Self.escape(subject))</title></head>
            <body style="margin: 0; padding: 0; background: #f5f6f8;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background: #f5f6f8;">
            <tr><td align="center" style="padding: 16px 8px;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" \
            style="max-width: 640px; background: #ffffff; border: 1px solid \(Self.line); border-radius: 8px; \
            font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: \(Self.ink);">
            <tr><td class="organisation" style="padding: 18px 16px; border-bottom: 3px solid \(Self.brand); \
            font-size: 20px; font-weight: bold; color: \(Self.brand);">\(Self.escape(organisationName))</td></tr>
            <tr><td style="padding: 20px 16px 8px;">
            \(content)
            </td></tr>
            <tr><td class="sender" style="padding: 14px 16px; border-top: 1px solid \(Self.line); font-size: 12px; \
            color: \(Self.muted);">\(Self.escape(wording.sentBy))\(sender ?? "")\(optOut.map { "<br>\n" + $0 } ?? "")</td></tr>
            </table>
            </td></tr>
            </table>
            </body></html>
            """
    }
}
