import Foundation

/// The messages (outbox and history) and "My tasks" pages, and the forms posted from them.
extension AppURL {
    static let messages = "/messages"
    static let tasks = "/tasks"

    /// The message list with its filters; empty values are left out.
    static func messages(
        status: String = "", channel: String = "", customer: String = "", from: String = "", to: String = "",
        page: Int = 1
    ) -> String {
        let pairs: KeyValuePairs<String, String> = [
            "status": status, "channel": channel, "customer_id": customer, "from": from, "to": to,
            "page": page > 1 ? String(page) : "",
        ]
        let kept = pairs.filter { !$0.value.isEmpty }
        return kept.isEmpty
            ? messages : messages + "?" + kept.map { "\($0.key)=\(encoded($0.value))" }.joined(separator: "&")
    }

    static func message(_ id: UUID) -> String { path("messages", id) }
    /// The message's own HTML, as the customer saw it (framed by the message page, or opened to print a letter).
    static func messageView(_ id: UUID) -> String { path("messages", id, "view") }
    static func messageRetry(_ id: UUID) -> String { path("messages", id, "retry") }
    static func messageCancel(_ id: UUID) -> String { path("messages", id, "cancel") }

    static func tasks(scope: String, kind: String = "", due: String = "") -> String {
        let pairs: KeyValuePairs<String, String> = ["scope": scope, "kind": kind, "due": due]
        return tasks + "?"
            + pairs.filter { !$0.value.isEmpty }.map { "\($0.key)=\(encoded($0.value))" }
            .joined(separator: "&")
    }

    static let tasksComplete = "/tasks/complete"
    static func taskReschedule(_ id: UUID) -> String { path("tasks", id, "reschedule") }
}
