import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// Reminders sent over real SMTP to a real server (aiosmtpd), read back with a real MIME parser.
@Suite(.enabled(if: SMTPSink.isAvailable, "needs python3 with aiosmtpd (pip install aiosmtpd)"), .serialized)
struct SMTPEndToEndTests {
    @Test(arguments: [false, true])
    func overdueReminderReachesTheBillingContactInSpanish(starttls: Bool) async throws {
        let sink = try SMTPSink(starttls: starttls)
        defer { sink.stop() }
        try await TestHarness.run { h in
            let smtp = SMTPTransport(
                configuration: .init(
                    host: "127.0.0.1", port: sink.port, security: starttls ? .startTLS : .none,
                    verifyCertificates: false), group: h.app.eventLoopGroup)
            h.app.transports = Transports(email: smtp, sms: smtp, fromAddress: "cobranza@ferreteria-prueba.co")
            h.travel(to: "2026-02-01")
            try await h.send(
                .PATCH, "/api/v1/organisation",
                json: [
                    "reminder_kinds": ["overdue"],
                    "payment_instructions":
                        "Transferencia a Bancolombia, cuenta de ahorros 123-456789-01, referencia = número de factura.",
                ])
            let customer = try await h.customerWithContacts("Panadería La Candelaria S.A.S.")
            _ = try await h.createInvoice(
                customer: customer, number: "FE-2044", total: "1234567.89", issued: "2026-02-01",
                extra: ["due_date": "2026-03-01"])
            h.travel(to: "2026-03-11") // Wednesday, +10
            #expect(try await h.runReminders()["messages_queued"].int == 1)

            let result = try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "e2e")

            let errors = try await OutboxMessage.query(on: h.app.db).all().compactMap(\.lastError)
            #expect(result.sent == 1, "\(errors)")
            let mail = try #require(try sink.received().first)
            #expect(
                mail["rcpt_tos"] as? [String] == ["tesoreria@progreso.com.co"], "billing contact, not the primary one")
            #expect(mail["mail_from"] as? String == "cobranza@ferreteria-prueba.co")
            // the customer's first reminder: the friendly first notice (see DunningRules)
            #expect(
                mail["subject"] as? String
                    == "Ferretería Prueba S.A.S.: facturas pendientes de Panadería La Candelaria S.A.S.")
            #expect(mail["to"] as? String == "María Tesorería <tesoreria@progreso.com.co>")
            // the display name has dots, so RFC 5322 wants it quoted
            #expect(mail["from"] as? String == "\"Ferretería Prueba S.A.S.\" <cobranza@ferreteria-prueba.co>")
            #expect(mail["content_type"] as? String == "multipart/alternative")
            #expect(mail["tls"] as? Bool == starttls)
            let text = try #require(mail["text"] as? String)
            #expect(text.contains("Hola María Tesorería:"))
            #expect(text.contains("Factura FE-2044 — venció el 1 mar 2026 — saldo $ 1.234.567,89 (10 días de mora)"))
            #expect(text.contains("Bancolombia, cuenta de ahorros 123-456789-01"))
            let html = try #require(mail["html"] as? String)
            #expect(html.contains("Panader&iacute;a") || html.contains("Panadería"))
            let stored = try #require(try await OutboxMessage.query(on: h.app.db).filter(\.$kind == .overdue).first())
            #expect(mail["message_id"] as? String == stored.rfcMessageID)
            #expect(stored.status == .sent)
        }
    }

    @Test func aRejectedRecipientFailsPermanentlyWithTheServersReason() async throws {
        let sink = try SMTPSink(starttls: true)
        defer { sink.stop() }
        try await TestHarness.run { h in
            // the sink requires STARTTLS: a plain session is refused with 530, a permanent error
            let plain = SMTPTransport(
                configuration: .init(host: "127.0.0.1", port: sink.port, security: .none), group: h.app.eventLoopGroup)
            h.app.transports = Transports(email: plain, sms: plain, fromAddress: "cobranza@ferreteria-prueba.co")
            h.travel(to: "2026-03-16") // a Monday, 10:00 in Bogotá: inside the hours the customer may be written to
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(customer: customer, number: "FE-1", total: "10.00", issued: "2026-03-16")
            let result = try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "e2e")
            #expect(result.failed == 1)
            let message = try #require(try await OutboxMessage.query(on: h.app.db).first())
            #expect(message.status == .failed)
            #expect(message.lastError?.contains("530") == true, "\(message.lastError ?? "")")
            #expect(try sink.received().isEmpty)
        }
    }
}
