import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// `GET /metrics`: Prometheus text with Vapor's per-route request metrics and the outbox depth.
@Suite struct MetricsTests {
    func scrape(_ h: TestHarness, _ authorization: String? = nil) async throws -> (
        status: HTTPStatus, body: String, headers: HTTPHeaders
    ) {
        var headers = HTTPHeaders()
        if let authorization { headers.add(name: .authorization, value: authorization) }
        // over a real connection from 127.0.0.1: without a token only this machine may scrape
        let response = try await h.app.testing(method: .running(hostname: "127.0.0.1", port: 0)).sendRequest(
            .GET, "/metrics", headers: headers)
        return (response.status, String(buffer: response.body), response.headers)
    }

    @Test func metricsAreExposedInThePrometheusFormat() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-01")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(customer: customer, number: "M-1", total: "10.00", issued: "2026-02-01")
            let reply = try await scrape(h)
            #expect(reply.status == .ok)
            #expect(reply.headers.contentType?.description.hasPrefix("text/plain") == true)
            #expect(reply.body.contains("# TYPE http_requests_total counter"))
            #expect(reply.body.contains("http_requests_total{"))
            #expect(reply.body.contains("path=\"/api/v1/invoices\""), "routes are labelled by their pattern")
            // the new-invoice email is pending in the outbox
            #expect(reply.body.contains("cartera_outbox_messages{status=\"pending\"} 1"), "\(reply.body.prefix(400))")
        }
    }

    @Test func aTokenProtectsTheMetricsWhenConfigured() async throws {
        try await TestHarness.run(
            adjust: { config in
                config.metricsToken = "s3creto"
            },
            { h in
                let anonymous = try await scrape(h)
                let wrong = try await scrape(h, "Bearer otro")
                let right = try await scrape(h, "Bearer s3creto")
                #expect(anonymous.status == .unauthorized && wrong.status == .unauthorized)
                #expect(right.status == .ok && right.body.contains("http_requests_total"))
            })
    }
}
