import Vapor

/// Sends SMS through any gateway that accepts a JSON POST: {"to", "body", "message_id"}.
/// A 2xx answer is success; 4xx is permanent (bad number), anything else is retried.
struct SMSWebhookTransport: MessageTransport {
    let url: URI
    let client: any Client
    let bearerToken: String?

    struct Payload: Content {
        let to: String
        let body: String
        /// "message_id" on the wire, by the JSON coders' snake_case strategy.
        let messageId: String
    }

    func deliver(_ message: OutgoingMessage) async throws {
        let response = try await client.post(url) { request in
            try request.content.encode(
                Payload(to: message.toAddress, body: message.text, messageId: message.messageID), as: .json)
            if let bearerToken { request.headers.bearerAuthorization = BearerAuthorization(token: bearerToken) }
        }
        switch response.status.code {
        case 200..<300: return
        case 400..<500:
            throw TransportError(
                description: "SMS gateway refused the message: HTTP \(response.status.code)", isPermanent: true)
        default: throw TransportError(description: "SMS gateway failed: HTTP \(response.status.code)")
        }
    }
}
