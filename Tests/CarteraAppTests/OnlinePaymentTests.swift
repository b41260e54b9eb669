import Crypto
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

@testable import CarteraApp

/// Stripe Checkout: the portal's "pay online" asks Stripe's API for a hosted page; Stripe's signed
/// webhook posts the payment once. Stripe cannot run here, so a local HTTP server stands in for its
/// API; webhooks are signed exactly as Stripe documents.
@Suite struct OnlinePaymentTests {
    static let secret = "whsec_test_cartera"

    static func configure(_ config: inout AppConfig, apiBase: String = "http://127.0.0.1:1") {
        config.stripe = .init(secretKey: "sk_test_cartera", webhookSecret: secret, apiBase: apiBase)
    }

    func event(id: String, invoice: String, organisation: UUID, amount: Int64, created: Date) -> String {
        """
        {"id":"\(id)","object":"event","type":"checkout.session.completed","created":\(Int(created.timeIntervalSince1970)),
         "data":{"object":{"id":"cs_test_\(id)","object":"checkout.session","payment_status":"paid","amount_total":\(amount),"currency":"cop",
         "payment_intent":"pi_\(id)","metadata":{"invoice_id":"\(invoice)","organisation_id":"\(organisation.uuidString)"}}}}
        """
    }

    func signature(_ payload: String, at time: Date, secret: String = secret) -> String {
        let timestamp = Int(time.timeIntervalSince1970)
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(timestamp).\(payload)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "t=\(timestamp),v1=\(mac.map { String(format: "%02x", $0) }.joined())"
    }

    func deliver(_ h: TestHarness, _ payload: String, signature: String) async throws -> TestHarness.Reply {
        try await h.send(
            .POST, "/webhooks/stripe", rawBody: payload, key: .some(nil),
            headers: ["Stripe-Signature": signature, "Content-Type": "application/json"])
    }

    @Test func aSignedCompletedCheckoutPostsThePaymentOnce() async throws {
        try await TestHarness.run(adjust: { Self.configure(&$0) }) { h in
            let customer = try await h.createCustomer()
            let invoice = try #require(
                try await h.createInvoice(customer: customer, number: "WEB-1", total: "250000.00")["id"].string)
            let payload = event(
                id: "evt_1", invoice: invoice, organisation: h.organisationID, amount: 250_000_00,
                created: h.clock.now())
            let first = try await deliver(h, payload, signature: signature(payload, at: h.clock.now()))
            #expect(first.status == .ok, "\(first.json)")
            #expect(first.json["status"].string == "posted")
            let paid = try await h.get("/api/v1/invoices/\(invoice)").json
            #expect(paid["status"].string == "paid")
            let payment = try await h.get("/api/v1/payments").json["items"][0]
            #expect(payment["method"].string == "online" && payment["reference"].string == "pi_evt_1")
            // Stripe re-delivers: nothing new
            let again = try await deliver(
                h, payload, signature: signature(payload, at: h.clock.now().addingTimeInterval(30)))
            #expect(again.json["status"].string == "duplicate")
            #expect(try await h.get("/api/v1/payments").json["total"].int == 1)
        }
    }

    @Test func tamperedStaleOrUnsignedEventsAreRefused() async throws {
        try await TestHarness.run(adjust: { Self.configure(&$0) }) { h in
            let customer = try await h.createCustomer()
            let invoice = try #require(
                try await h.createInvoice(customer: customer, number: "WEB-2", total: "100000.00")["id"].string)
            let payload = event(
                id: "evt_2", invoice: invoice, organisation: h.organisationID, amount: 100_000_00,
                created: h.clock.now())
            let tampered = payload.replacingOccurrences(of: "10000000", with: "99999999")
            let cases: [(String, String)] = [
                (tampered, signature(payload, at: h.clock.now())), // body changed after signing
                (payload, signature(payload, at: h.clock.now().addingTimeInterval(-301))), // replayed after 5 minutes
                // another endpoint's secret
                (payload, signature(payload, at: h.clock.now(), secret: "whsec_someone_else")),
                (payload, "t=\(Int(h.clock.now().timeIntervalSince1970))"), // no signature
                (payload, ""),
            ]
            for (body, header) in cases {
                let reply = try await deliver(h, body, signature: header)
                #expect(reply.status == .badRequest, "\(header)")
                #expect(reply.json["error"]["code"].string == "invalid_signature")
            }
            #expect(try await h.get("/api/v1/payments").json["total"].int == 0)
            #expect(try await WebhookEvent.query(on: h.app.db).count() == 0)
        }
    }

    @Test func withoutStripeTheWebhookDoesNotExist() async throws {
        try await TestHarness.run { h in
            let reply = try await h.send(.POST, "/webhooks/stripe", rawBody: "{}", key: .some(nil))
            #expect(reply.status == .notFound)
        }
    }

    @Test func thePortalSendsTheCustomerToACheckoutForWhatTheInvoiceOwes() async throws {
        // a local server answering as Stripe's API does, recording what it was asked
        let stub = try await Application.make(.testing)
        let received = NIOLockedValueBox<[String]>([])
        stub.post("v1", "checkout", "sessions") { req -> Response in
            received.withLockedValue {
                $0.append((req.headers.bearerAuthorization?.token ?? "") + "|" + (req.body.string ?? ""))
            }
            let response = Response(
                status: .ok,
                body: .init(string: #"{"id":"cs_test_9","url":"https://checkout.stripe.com/c/pay/cs_test_9"}"#))
            response.headers.contentType = .json
            return response
        }
        try await stub.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = stub.http.server.shared.localAddress?.port ?? 0
        do {
            try await TestHarness.run(adjust: { Self.configure(&$0, apiBase: "http://127.0.0.1:\(port)") }) { h in
                let customer = try await h.createCustomer("Pagos Rápidos S.A.S.")
                let invoice = try #require(
                    try await h.createInvoice(customer: customer, number: "WEB-3", total: "180000.50")["id"].string)
                let link = try await h.post("/api/v1/customers/\(customer)/portal-links", [:]).json["url"].string!
                let path = String(link.dropFirst("http://127.0.0.1:8080".count))
                let browser = WebClient(app: h.app)
                #expect(try await browser.get(path).body.contains("Pagar en línea"))
                let redirect = try await browser.post("\(path)/pay/\(invoice)", [])
                #expect(redirect.status == .seeOther)
                #expect(redirect.location == "https://checkout.stripe.com/c/pay/cs_test_9")
                let request = try #require(received.withLockedValue { $0 }.first)
                #expect(request.hasPrefix("sk_test_cartera|"))
                #expect(request.contains("line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=18000050"))
                #expect(request.contains("metadata%5Binvoice_id%5D=\(invoice)"))
                #expect(request.contains("line_items%5B0%5D%5Bprice_data%5D%5Bcurrency%5D=cop"))
            }
        } catch {
            await stub.server.shutdown()
            try await stub.asyncShutdown()
            throw error
        }
        await stub.server.shutdown()
        try await stub.asyncShutdown()
    }
}
