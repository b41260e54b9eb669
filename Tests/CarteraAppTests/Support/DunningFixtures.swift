import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// Helpers for walking invoices through reminder policies day by day.
extension TestHarness {
    /// Sets "now" to 15:00 UTC (10:00 in Bogotá) on `day`.
    func travel(to day: String) {
        clock.set(ISO8601DateFormatter().date(from: "\(day)T15:00:00Z")!)
    }

    /// A customer with a billing and a primary contact, so we can check who is written to.
    func customerWithContacts(_ name: String = "Ferretería El Progreso S.A.S.", language: String = "es") async throws
        -> String
    {
        let customer = try await createCustomer(name, extra: ["language": language])
        _ = try await post(
            "/api/v1/customers/\(customer)/contacts",
            ["name": "Juan Compras", "role": "primary", "email": "compras@progreso.com.co"])
        _ = try await post(
            "/api/v1/customers/\(customer)/contacts",
            [
                "name": "María Tesorería", "role": "billing", "email": "tesoreria@progreso.com.co",
                "phone": "+57 310 555 0101",
            ])
        return customer
    }

    /// FE-1 falls due on Monday 16 March 2026; FE-2 is in a plan of three whose first instalment is due
    /// Thursday 19 March (its notice goes three days before, on the Monday).
    func dueMondayAndAnInstalmentThursday(for customer: String) async throws {
        _ = try await createInvoice(
            customer: customer, number: "FE-1", total: "500000.00", issued: "2026-03-02",
            extra: ["due_date": "2026-03-16"])
        let planned = try await createInvoice(
            customer: customer, number: "FE-2", total: "900000.00", issued: "2026-03-02",
            extra: ["due_date": "2026-03-09"])
        let plan = try await post(
            "/api/v1/customers/\(customer)/payment-plans",
            [
                "invoice_ids": [try #require(planned["id"].string)], "instalments": 3,
                "first_due_on": "2026-03-19",
            ])
        try #require(plan.status == .created, "\(plan.json)")
    }

    /// Runs the dunning pass for today through the API.
    @discardableResult
    func runReminders() async throws -> JSON {
        let reply = try await post("/api/v1/reminders/run", [:])
        try #require(reply.status == .ok, "run failed: \(reply.json)")
        return reply.json
    }

    func messages(customer: String) async throws -> [JSON] {
        try await get("/api/v1/customers/\(customer)/messages").json.array
    }
}

/// Records what it is asked to send, and can be told to fail. Stands in only where the test is
/// about the worker's bookkeeping; the real SMTP path is tested against a real server.
actor RecordingTransport: MessageTransport {
    private(set) var delivered: [OutgoingMessage] = []
    private var failuresLeft: Int
    private let permanent: Bool

    init(failing failures: Int = 0, permanent: Bool = false) {
        failuresLeft = failures
        self.permanent = permanent
    }

    func deliver(_ message: OutgoingMessage) async throws {
        if failuresLeft > 0 {
            failuresLeft -= 1
            throw TransportError(description: "simulated outage", isPermanent: permanent)
        }
        delivered.append(message)
    }

    var messageIDs: [String] { delivered.map(\.messageID) }
}
