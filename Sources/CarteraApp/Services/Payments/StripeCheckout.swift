import CarteraCore
import Foundation
import Vapor

/// Stripe Checkout: a hosted payment page per invoice, and the signed webhook that says it was paid.
/// https://docs.stripe.com/payments/checkout and https://docs.stripe.com/webhooks#verify-manually
struct StripeCheckout: Sendable {
    struct Configuration: Sendable, Equatable {
        var secretKey: String
        var webhookSecret: String
        /// Only tests point this elsewhere (a local stand-in for Stripe's API).
        var apiBase = "https://api.stripe.com"
    }

    /// Five minutes, Stripe's own default: an older signature is a replay.
    static let signatureTolerance: TimeInterval = 300

    let configuration: Configuration

    struct Session: Decodable {
        let id: String
        let url: String
    }

    /// Creates a Checkout Session for what the invoice still owes and returns the page to send the customer to.
    func createCheckout(
        invoice: Invoice, customerName: String, successURL: String, cancelURL: String, client: any Client
    ) async throws -> Session {
        let balance = try invoice.balance
        let fields: [(String, String)] = [
            ("mode", "payment"), ("success_url", successURL), ("cancel_url", cancelURL),
            ("client_reference_id", try invoice.requireID().uuidString),
            ("line_items[0][quantity]", "1"),
            ("line_items[0][price_data][currency]", invoice.currency.lowercased()),
            // Stripe counts in the currency's smallest unit, as we do (CLP and JPY have none).
            ("line_items[0][price_data][unit_amount]", String(balance.minorUnits)),
            ("line_items[0][price_data][product_data][name]", "Factura \(invoice.number) — \(customerName)"),
            ("metadata[invoice_id]", try invoice.requireID().uuidString),
            ("metadata[organisation_id]", invoice.organisationID.uuidString),
        ]
        let body = fields.map { "\(Self.formEncode($0.0))=\(Self.formEncode($0.1))" }.joined(separator: "&")
        let response = try await client.post(URI(string: "\(configuration.apiBase)/v1/checkout/sessions")) { request in
            request.headers.bearerAuthorization = BearerAuthorization(token: configuration.secretKey)
            request.headers.contentType = .urlEncodedForm
            request.headers.replaceOrAdd(
                name: "Idempotency-Key", value: "checkout-\(try invoice.requireID().uuidString)-\(balance.minorUnits)")
            request.body = ByteBuffer(string: body)
        }
        guard response.status == .ok, let session = try? response.content.decode(Session.self, using: JSONDecoder())
        else {
            throw ServiceError(
                .upstreamFailure, code: "payment_provider_error",
                message: "The payment provider did not create the checkout (HTTP \(response.status.code))")
        }
        return session
    }

    enum WebhookError: Error, Equatable { case malformedSignature, stale, badSignature }

    /// Checks `Stripe-Signature: t=…,v1=…`: HMAC-SHA256 of "t.payload" with the endpoint's secret,
    /// compared in constant time, and a timestamp within the tolerance.
    func verify(payload: Data, signatureHeader: String, now: Date) throws {
        var timestamp: TimeInterval?
        var signatures: [String] = []
        for part in signatureHeader.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = TimeInterval(pair[1]) }
            if pair[0] == "v1" { signatures.append(pair[1].lowercased()) }
        }
        guard let timestamp, !signatures.isEmpty else { throw WebhookError.malformedSignature }
        guard abs(now.timeIntervalSince1970 - timestamp) <= Self.signatureTolerance else { throw WebhookError.stale }
        var signed = Data("\(Int(timestamp)).".utf8)
        signed.append(payload)
        let expected = HMAC<SHA256>.authenticationCode(
            for: signed, using: SymmetricKey(data: Data(configuration.webhookSecret.utf8))
        )
        .map { String(format: "%02x", $0) }.joined()
        guard signatures.contains(where: { CSRFProtection.equal($0, expected) }) else {
            throw WebhookError.badSignature
        }
    }

    private static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
