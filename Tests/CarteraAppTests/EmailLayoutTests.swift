import CarteraCore
import Fluent
import Foundation
import Testing

@testable import CarteraApp

/// The HTML part of customer emails: the organisation's name, a table of the invoices with the same
/// figures as the text part, a button to the portal, the sender at the foot; everything escaped.
@Suite struct EmailLayoutTests {
    static let portal = "https://cartera.example.co/portal/abc123?x=1&y=2"

    /// Two invoices for a customer whose name is markup, rendered with the bundled overdue email.
    func overdueEmail(_ h: TestHarness, language: String) async throws -> RenderedMessage {
        let organisation = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
        organisation.name = "Ferretería <b>Prueba</b> & Cía"
        organisation.replyToEmail = "cobranza@ferreteria-prueba.co"
        let composer = MessageComposer(
            organisation: organisation, localizer: h.app.messaging.localizer, language: language)
        let customer = Customer()
        customer.legalName = "<script>alert('x')</script> S.A.S."
        let today = try LocalDate(iso: "2026-03-11")
        let invoices = try [("FE-1", 1_234_567_89, "2026-01-10"), ("FE-2", 50_000_00, "2026-02-01")].map {
            number, minor, issued in
            let invoice = Invoice()
            invoice.number = number
            invoice.issueDate = issued
            invoice.dueDate = try LocalDate(iso: issued).addingClamped(days: 30).iso
            invoice.currency = "COP"
            invoice.totalMinor = Int64(minor)
            invoice.balanceMinor = Int64(minor)
            invoice.settledMinor = 0
            invoice.status = .open
            invoice.paymentTerms = "net30"
            return invoice
        }
        let values = try composer.values(
            customer: customer, contact: nil, invoices: invoices, today: today, portalLink: Self.portal)
        let source = try #require(
            h.app.messaging.catalog.bundled(key: "overdue", language: language, channel: .email))
        return try RenderedMessage(source: source, values: values, email: EmailLayout(composer))
    }

    static func rows(_ html: String) -> [String] {
        html.components(separatedBy: "<tr class=\"invoice\">").dropFirst().map {
            String($0.prefix { $0 != "\n" })
        }
    }

    @Test(arguments: [
        ("es", "Consultar y pagar en línea", ["$ 1.234.567,89", "$ 50.000,00"], "Saldo", "Enviado por"),
        ("en", "View and pay online", ["$1,234,567.89", "$50,000.00"], "Balance", "Sent by"),
    ])
    func theHTMLHasTheOrganisationATableOfTheInvoicesAndAButton(
        language: String, button: String, balances: [String], heading: String, footer: String
    ) async throws {
        try await TestHarness.run { h in
            let message = try await overdueEmail(h, language: language)
            let html = message.html
            // the button links to the customer's portal, the address escaped as an attribute
            #expect(html.contains("href=\"https://cartera.example.co/portal/abc123?x=1&amp;y=2\""))
            #expect(html.contains(">\(button)</a>"))
            #expect(!html.contains("pague en línea: https") && !html.contains("pay online: https"), "no plain link")
            // one row per invoice, with the balances the text part states
            let rows = Self.rows(html)
            #expect(rows.count == 2)
            for (row, balance) in zip(rows, balances) {
                #expect(row.contains(balance), "\(row)")
                #expect(message.text.contains(balance), "the text part states the same balance")
            }
            #expect(rows.first?.contains("FE-1") == true && rows.last?.contains("FE-2") == true)
            #expect(html.contains(heading))
            // the organisation's name on top and the sender at the foot, escaped
            #expect(html.contains("Ferretería &lt;b&gt;Prueba&lt;/b&gt; &amp; Cía</td>"))
            #expect(html.contains(footer) && html.contains("mailto:cobranza@ferreteria-prueba.co"))
            // nothing a customer's name carries runs
            #expect(!html.contains("<script"))
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; S.A.S."))
            #expect(message.text.contains("<script>alert('x')</script> S.A.S."), "the text part is plain text")
            #expect(!html.contains("<link") && !html.contains("<img") && !html.contains("<style"))
        }
    }

    @Test func aTemplateWithoutTheInvoicesOrTheLinkStillGetsTheTableAndTheButton() async throws {
        try await TestHarness.run { h in
            let message = try await overdueEmail(h, language: "es")
            #expect(Self.rows(message.html).count == 2)
            let organisation = try #require(try await Organisation.find(h.organisationID, on: h.app.db))
            let composer = MessageComposer(
                organisation: organisation, localizer: h.app.messaging.localizer, language: "es")
            let values: [String: TemplateValue] = [
                "invoices": .list([["number": .text("FE-9"), "balance": .text("$ 10,00")]]),
                "portal_link": .text(Self.portal), "contact_name": .text("Ana"),
            ]
            let bare = try RenderedMessage(
                source: .init(subject: "Hola", body: "Hola {{contact_name}}:\n\nGracias.\n\nSaludos"), values: values,
                email: EmailLayout(composer))
            #expect(Self.rows(bare.html).count == 1)
            #expect(bare.html.contains("portal-button"))
            // after the greeting and the first paragraph
            let table = try #require(bare.html.range(of: "class=\"invoices\""))
            #expect(bare.html.range(of: "Gracias.")!.lowerBound < table.lowerBound)
            #expect(table.lowerBound < bare.html.range(of: "Saludos")!.lowerBound)
            // a link that is not a web address is no button
            let odd = try RenderedMessage(
                source: .init(subject: "x", body: "x"), values: ["portal_link": .text("javascript:alert(1)")],
                email: EmailLayout(composer))
            #expect(!odd.html.contains("portal-button") && !odd.html.contains("javascript:"))
        }
    }

    /// The outbox writes a real multipart message: the text part as it always was, the HTML part designed.
    @Test func theDeliveredEmlHasBothPartsAndTheButtonGoesToTheCustomersPortal() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-03-16") // a Monday at 10:00 in Bogotá: the email is due at once
            let customer = try await h.customerWithContacts("Panadería La Candelaria S.A.S.")
            _ = try await h.createInvoice(customer: customer, number: "FE-2044", total: "1234567.89")
            #expect(try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1").sent == 1)
            let file = try #require(
                try FileManager.default.contentsOfDirectory(atPath: h.mailDirectory.path).first { $0.hasSuffix(".eml") }
            )
            let eml = try String(contentsOf: h.mailDirectory.appendingPathComponent(file), encoding: .utf8)
            #expect(eml.contains("Content-Type: multipart/alternative"))
            let parts = try Self.parts(eml)
            let text = try #require(parts["text/plain"])
            let html = try #require(parts["text/html"])
            #expect(text.contains("Le enviamos la factura FE-2044 por $ 1.234.567,89"))
            let link = try #require(
                text.components(separatedBy: "Consulte y pague en línea: ").dropFirst().first?
                    .prefix { !$0.isWhitespace })
            #expect(link.contains("/portal/"))
            #expect(html.contains("href=\"\(MessageTemplate.escapeHTML(String(link)))\""))
            #expect(html.contains("Consultar y pagar en línea</a>"))
            #expect(Self.rows(html).count == 1)
            #expect(Self.rows(html).first?.contains("$ 1.234.567,89") == true)
            #expect(html.contains("Hola María Tesorería:"))
            if let out = ProcessInfo.processInfo.environment["CARTERA_EMAIL_HTML_OUT"] {
                try Data(html.utf8).write(to: URL(fileURLWithPath: out))
            }
        }
    }

    /// "text/plain" and "text/html" bodies of a multipart/alternative message in base64 parts.
    static func parts(_ eml: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for part in eml.components(separatedBy: "\r\n--").dropFirst() {
            guard let split = part.range(of: "\r\n\r\n") else { continue }
            let headers = part[..<split.lowerBound]
            guard let type = ["text/plain", "text/html"].first(where: { headers.contains("Content-Type: \($0)") })
            else { continue }
            let encoded = part[split.upperBound...].replacingOccurrences(of: "\r\n", with: "")
            let data = try #require(Data(base64Encoded: encoded))
            result[type] = String(decoding: data, as: UTF8.self)
        }
        return result
    }
}
