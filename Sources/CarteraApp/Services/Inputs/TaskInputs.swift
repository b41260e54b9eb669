import Foundation

// What tasks are listed, created, rescheduled and completed with.
// Owned by the services: the API decodes them from its JSON or query string (its wire keys); pages build them from forms.

/// Query string; URL decoding has no key conversion, hence the explicit keys.
struct TaskListQuery: Codable, Sendable {
    /// open (default), done or cancelled.
    var status: String?
    /// all (default), unassigned, mine (the signed-in person's customers) or a user id.
    var scope: String?
    /// call, letter or follow_up.
    var kind: String?
    /// today, overdue or later (after today).
    var due: String?
    enum CodingKeys: String, CodingKey { case status, scope, kind, due }
}

/// A task a person writes by hand: whom it is about, what to do, by when, and a note that becomes its title.
struct TaskInput: Codable, Sendable {
    var customerId: UUID?
    var kind: String?
    var dueOn: String?
    var note: String?
}

struct TaskRescheduleInput: Codable, Sendable {
    var dueOn: String?
}

/// Several open tasks completed at once: all of them or none.
struct TaskBulkCompleteInput: Codable, Sendable {
    var taskIds: [UUID]?
}
