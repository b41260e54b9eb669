import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// Nobody can steer a reminder by what they type: control characters are refused in names, emails
/// and reply-to addresses (422 naming the field, nothing stored), and the MIME writer and the SMTP
/// client refuse line breaks in anything they write, whatever is stored.
@Suite struct MailSteeringTests {
    static let injected = "Ana\r\nBcc: x@evil.example"

    @Test("CR/LF contact → 422 and nothing queued")
    func crlfContactIsRefusedAndNothingIsQueued() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let asName = try await h.post(
                "/api/v1/customers/\(customer)/contacts",
                ["name": Self.injected, "role": "billing", "email": "ana@cliente.co"])
            #expect(asName.status == .unprocessableEntity)
            #expect(asName.json["error"]["field"].string == "name")
            #expect(asName.json["error"]["code"].string == "control_character")
            let asEmail = try await h.post(
                "/api/v1/customers/\(customer)/contacts", ["name": "Ana", "role": "billing", "email": Self.injected])
            #expect(asEmail.status == .unprocessableEntity)
            #expect(asEmail.json["error"]["field"].string == "email")
            let bothEnds = try await h.post(
                "/api/v1/customers/\(customer)/contacts",
                ["name": "Ana", "role": "billing", "email": "ana@cliente.co\r\nBcc: x@evil.example"])
            #expect(bothEnds.status == .unprocessableEntity)
            #expect(try await Contact.query(on: h.app.db).count() == 0)

            // An invoice and a reminder run later: no message to anyone, let alone x@evil.example.
            _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "100000.00", issued: "2026-01-01")
            try await h.runReminders()
            let outbox = try await OutboxMessage.query(on: h.app.db).all()
            #expect(outbox.allSatisfy { !$0.recipientAddress.contains("evil") && !$0.recipientName.contains("\n") })
            #expect(outbox.filter { $0.channel == .email }.isEmpty)
        }
    }

    @Test func errorsNameTheFieldInTheCallersLanguage() async throws {
        try await TestHarness.run { h in
            var spanish = HTTPHeaders()
            spanish.replaceOrAdd(name: .acceptLanguage, value: "es")
            let reply = try await h.send(
                .POST, "/api/v1/customers", json: ["legal_name": "Acme\u{202E}gnp.exe", "payment_terms": "net30"],
                headers: spanish)
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.json["error"]["field"].string == "legal_name")
            #expect(
                reply.json["error"]["message"].string?.hasPrefix("legal_name contiene un carácter de control") == true)
            let nul = try await h.post("/api/v1/customers", ["legal_name": "Acme\u{0}S.A.", "payment_terms": "net30"])
            #expect(nul.status == .unprocessableEntity)
            #expect(nul.json["error"]["message"].string?.contains("U+0000") == true)
            #expect(try await Customer.query(on: h.app.db).count() == 0)

            let replyTo = try await h.patch(
                "/api/v1/organisation", ["reply_to_email": "cobros@empresa.co\r\nBcc: x@evil.example"])
            #expect(replyTo.status == .unprocessableEntity)
            #expect(replyTo.json["error"]["field"].string == "reply_to_email")
            let notAnAddress = try await h.send(
                .PATCH, "/api/v1/organisation", json: ["reply_to_email": "cobros@localhost"], headers: spanish)
            #expect(notAnAddress.json["error"]["code"].string == "invalid_email")
            #expect(
                notAnAddress.json["error"]["message"].string == "reply_to_email debe ser un correo como ana@empresa.co")
            #expect(try await Organisation.query(on: h.app.db).first()?.replyToEmail == nil)
        }
    }

    @Test func aTemplateSubjectIsOneLine() async throws {
        try await TestHarness.run { h in
            let reply = try await h.send(
                .PUT, "/api/v1/templates/overdue/es/email",
                json: ["subject": "Pago\r\nBcc: x@evil.example", "body": "Hola"])
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.json["error"]["field"].string == "subject")
            #expect(try await MessageTemplateRecord.query(on: h.app.db).count() == 0)
        }
    }

    @Test func notesKeepTheirLinesButNotNUL() async throws {
        try await TestHarness.run { h in
            let created = try await h.post(
                "/api/v1/customers",
                ["legal_name": "Acme S.A.", "payment_terms": "net30", "notes": "Paga los viernes.\r\nLlamar a Luis."])
            #expect(created.status == .created)
            let nul = try await h.post(
                "/api/v1/customers", ["legal_name": "Beta S.A.", "payment_terms": "net30", "notes": "oculto\u{0}"])
            #expect(nul.status == .unprocessableEntity)
            #expect(nul.json["error"]["field"].string == "notes")
        }
    }

    /// A row stored before these rules (inserted directly, as an old database would hold it) reaches
    /// the outbox, but the MIME writer refuses to write the header: the message fails with the
    /// reason, and no file carries an injected header.
    @Test func aContactStoredWithCRLFStillCannotInjectAHeader() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            // One a day (one conversation a day), on weekdays at 10:00 in Bogotá, so each is due at once.
            for (day, (name, email)) in zip(
                ["2026-03-16", "2026-03-17"],
                [(Self.injected, "ana@cliente.co"), ("Luis", "luis@cliente.co\r\nBcc: x@evil.example")])
            {
                h.travel(to: day)
                let contact = Contact()
                contact.$customer.id = try #require(UUID(uuidString: customer))
                contact.name = name
                contact.role = .billing
                contact.email = email
                try await contact.create(on: h.app.db)
                _ = try await h.createInvoice(customer: customer, number: "FE-\(email.count)", total: "100000.00")
                let queued = try #require(
                    try await OutboxMessage.query(on: h.app.db).filter(\.$status == .pending).first())
                let result = try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "w1")
                #expect(result.sent == 0 && result.failed == 1)
                let failed = try #require(try await OutboxMessage.find(queued.requireID(), on: h.app.db))
                #expect(failed.status == .failed)
                #expect(failed.lastError?.contains("refused to write the To header") == true)
                try await contact.delete(on: h.app.db)
            }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: h.mailDirectory.path)) ?? []
            for file in files {
                let text = try String(contentsOf: h.mailDirectory.appendingPathComponent(file), encoding: .utf8)
                #expect(!text.contains("\r\nBcc:"))
            }
        }
    }

    // MARK: - MIME writer and SMTP client

    static func message(
        toName: String = "Ana Pérez", to: String = "ana@cliente.co", subject: String = "Recordatorio de pago",
        replyTo: String? = nil
    ) -> OutgoingMessage {
        OutgoingMessage(
            channel: .email, messageID: "<1@cartera>", fromName: "Ferretería Prueba", fromAddress: "cobranza@localhost",
            replyTo: replyTo,
            toName: toName, toAddress: to, subject: subject, text: "Hola", html: "<p>Hola</p>",
            date: Date(timeIntervalSince1970: 0))
    }

    @Test func theMIMEWriterEncodesNonASCIIHeadersAndRefusesLineBreaks() throws {
        let text = try MIMEMessage.render(Self.message(replyTo: "cobros@empresa.co"))
        #expect(text.contains("To: =?UTF-8?B?\(Data("Ana Pérez".utf8).base64EncodedString())?= <ana@cliente.co>"))
        #expect(text.contains("Reply-To: <cobros@empresa.co>"))
        #expect(text.contains("Subject: Recordatorio de pago\r\n"))
        for bad in [
            Self.message(toName: Self.injected), Self.message(to: "ana@cliente.co\r\nBcc: x@evil.example"),
            Self.message(subject: "Pago\r\nBcc: x@evil.example"), Self.message(subject: "Pago\nX-Evil: 1"),
            Self.message(toName: "Ana Pérez\r\nBcc: x@evil.example"),
            Self.message(replyTo: "a@b.co\r\nBcc: x@evil.example"),
            Self.message(to: "ana@cliente.co> x"),
        ] {
            #expect(throws: TransportError.self) { try MIMEMessage.render(bad) }
            do { _ = try MIMEMessage.render(bad) } catch let error as TransportError { #expect(error.isPermanent) }
        }
        // A bidi override in a stored name is harmless to the protocol once encoded.
        #expect(try MIMEMessage.render(Self.message(toName: "Acme\u{202E}gnp")).contains("To: =?UTF-8?B?"))
        // Text that looks like an encoded word is encoded, so it cannot pass for one.
        #expect(try MIMEMessage.encodedWord("=?UTF-8?B?QmNjOg==?=", header: "Subject").hasPrefix("=?UTF-8?B?PT9"))
    }

    @Test func theSMTPClientRefusesLineBreaksInCommands() throws {
        #expect(try SMTPTransport.envelopeCommand("RCPT TO", "ana@cliente.co") == "RCPT TO:<ana@cliente.co>")
        #expect(
            try SMTPTransport.envelopeCommand("MAIL FROM", "cobranza@localhost") == "MAIL FROM:<cobranza@localhost>")
        for address in [
            "ana@cliente.co\r\nRCPT TO:<x@evil.example>", "ana@cliente.co>\r\nDATA", "a@b.co> SIZE=1", "a@b.co\n",
        ] {
            #expect(throws: TransportError.self) { try SMTPTransport.envelopeCommand("RCPT TO", address) }
        }
        #expect(throws: TransportError.self) { try SMTPTransport.requireSingleLine("EHLO x\r\nQUIT") }
        #expect(throws: Never.self) { try SMTPTransport.requireSingleLine("EHLO cartera.local") }
    }

    /// The SMTP path refuses before connecting: a server that does not exist is never dialled.
    @Test func theSMTPTransportRefusesBeforeConnecting() async throws {
        try await TestHarness.run { h in
            let smtp = SMTPTransport(
                configuration: .init(host: "127.0.0.1", port: 1, security: .none), group: h.app.eventLoopGroup)
            do {
                try await smtp.deliver(Self.message(to: "ana@cliente.co\r\nBcc: x@evil.example"))
                Issue.record("delivered")
            } catch let error as TransportError {
                #expect(error.isPermanent)
                #expect(error.description.contains("refused"))
            }
        }
    }
}
