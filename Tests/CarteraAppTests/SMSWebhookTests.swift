import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

@testable import CarteraApp

/// SMS go out as JSON POSTs to a gateway; here the gateway is a real HTTP route on a real port.
@Suite(.serialized) struct SMSWebhookTests {
    @Test func smsStepsArePostedToTheGatewayAndRefusalsArePermanent() async throws {
        try await TestHarness.run { h in
            let received = NIOLockedValueBox<[SMSWebhookTransport.Payload]>([])
            let refuse = NIOLockedValueBox(false)
            h.app.post("sms-gateway") { req async throws -> HTTPStatus in
                #expect(req.headers.bearerAuthorization?.token == "gateway-secret")
                let payload = try req.content.decode(SMSWebhookTransport.Payload.self)
                received.withLockedValue { $0.append(payload) }
                return refuse.withLockedValue { $0 } ? .badRequest : .accepted
            }
            let port = Int.random(in: 20_000...40_000)
            h.app.http.server.configuration.port = port
            try await h.app.server.start(address: .hostname("127.0.0.1", port: port))
            do { try await exercise(h, port: port, received: received, refuse: refuse) } catch {
                await h.app.server.shutdown()
                throw error
            }
            await h.app.server.shutdown()
        }
    }

    private func exercise(
        _ h: TestHarness, port: Int, received: NIOLockedValueBox<[SMSWebhookTransport.Payload]>,
        refuse: NIOLockedValueBox<Bool>
    ) async throws {
        let sms = SMSWebhookTransport(
            url: URI(string: "http://127.0.0.1:\(port)/sms-gateway"), client: h.app.client,
            bearerToken: "gateway-secret")
        h.app.transports = Transports(
            email: FileTransport(directory: h.mailDirectory), sms: sms, fromAddress: "cobranza@test.co")

        _ = try await h.post(
            "/api/v1/policies",
            [
                "name": "sms", "is_default": true,
                "steps": [["key": "sms_5", "offset_days": 5, "channel": "sms", "tone": "friendly"]],
            ])
        try await h.send(.PATCH, "/api/v1/organisation", json: ["reminder_kinds": ["overdue"]])
        h.travel(to: "2026-02-02")
        let customer = try await h.customerWithContacts()
        _ = try await h.createInvoice(
            customer: customer, number: "SMS-1", total: "45000.00", issued: "2026-02-02",
            extra: ["due_date": "2026-03-02"])
        h.travel(to: "2026-03-09")
        try await h.runReminders()
        #expect(try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "sms").sent == 1)
        let payload = try #require(received.withLockedValue { $0 }.first)
        #expect(payload.to == "+57 310 555 0101")
        #expect(payload.body.contains("SMS-1") && payload.body.contains("$ 45.000,00"), "\(payload.body)")
        let stored = try #require(try await OutboxMessage.query(on: h.app.db).filter(\.$channel == .sms).first())
        #expect(payload.messageId == stored.rfcMessageID)

        refuse.withLockedValue { $0 = true }
        let other = try await h.customerWithContacts("Otro Cliente S.A.S.")
        _ = try await h.createInvoice(
            customer: other, number: "SMS-2", total: "1.00", issued: "2026-02-02", extra: ["due_date": "2026-03-04"])
        try await h.runReminders()
        #expect(try await BackgroundJobs.deliverOutbox(app: h.app, workerID: "sms").failed == 1)
    }
}
