import CarteraCore
import Fluent
import Foundation

/// A person's own work on tasks: the list they pick from, a task written by hand, a new due date,
/// and several completed at once.
extension TaskService {
    /// Whose tasks: everybody's, those of customers nobody works, or one collector's customers.
    enum Scope: Equatable, Sendable {
        case everyone, unassigned
        case collector(UUID)
    }

    enum Due: String, CaseIterable, Sendable {
        case today, overdue, later
    }

    /// Open tasks (or done, cancelled) by due date, oldest first, each with its customer; at most 500.
    static func list(_ query: TaskListQuery, scope: Scope, in context: ServiceContext) async throws
        -> [CollectionTask]
    {
        let status = try query.status.map { try FieldParser.enumValue($0, CollectionTaskStatus.self, "status") }
        let builder = CollectionTask.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .filter(\.$status == (status ?? .open)).with(\.$customer)
        if let kind = try query.kind.flatMap({ $0.isEmpty ? nil : $0 }) {
            builder.filter(\.$kind == (try FieldParser.enumValue(kind, CollectionTaskKind.self, "kind")))
        }
        let today = context.today.iso
        switch try query.due.flatMap({ $0.isEmpty ? nil : $0 }).map({ try FieldParser.enumValue($0, Due.self, "due") })
        {
        case .today: builder.filter(\.$dueOn == today)
        case .overdue: builder.filter(\.$dueOn < today)
        case .later: builder.filter(\.$dueOn > today)
        case nil: break
        }
        switch scope {
        case .everyone: break
        case .unassigned:
            builder.join(Customer.self, on: \CollectionTask.$customer.$id == \Customer.$id)
                .filter(Customer.self, \.$assignedUserID == nil)
        case .collector(let user):
            builder.join(Customer.self, on: \CollectionTask.$customer.$id == \Customer.$id)
                .filter(Customer.self, \.$assignedUserID == user)
        }
        return try await builder.sort(\.$dueOn).sort(\.$createdAt).sort(\.$id).limit(500).all()
    }

    /// A task written by hand: the note is its title, so the list says what to do in the person's words.
    static func create(_ input: TaskInput, in context: ServiceContext) async throws -> CollectionTask {
        let customerID = try FieldParser.required(input.customerId, "customer_id")
        let customer = try await CustomerService.find(customerID, in: context)
        let kind = try FieldParser.enumValue(
            try FieldParser.required(input.kind, "kind"), CollectionTaskKind.self, "kind")
        let due = try FieldParser.date(try FieldParser.text(input.dueOn, "due_on", maxLength: 10), "due_on")
        guard due >= context.today else {
            throw ServiceError.invalid("due_on", code: "date_in_past", "due_on cannot be in the past")
        }
        let note = try FieldParser.text(input.note, "note", maxLength: 300)
        return try await context.transaction { tx in
            let task = CollectionTask()
            task.id = UUID()
            task.organisationID = tx.organisationID
            task.$customer.id = customerID
            task.kind = kind
            task.title = note
            task.dueOn = due.iso
            task.status = .open
            // Written by hand: never the same as another task, whatever its day.
            task.dedupeKey = "manual:\(task.id!.uuidString)"
            task.invoiceIDs = ""
            try await task.create(on: tx.db)
            try await AuditLog.record(
                "task.created", entityType: "collection_task", entityID: try task.requireID(),
                details: [
                    "kind": kind.rawValue, "customer_id": customerID.uuidString, "title": note, "due_on": due.iso,
                ], in: tx)
            task.$customer.value = customer
            return task
        }
    }

    /// A new due date for an open task (today or later).
    static func reschedule(_ taskID: UUID, _ input: TaskRescheduleInput, in context: ServiceContext) async throws
        -> CollectionTask
    {
        let due = try FieldParser.date(try FieldParser.text(input.dueOn, "due_on", maxLength: 10), "due_on")
        guard due >= context.today else {
            throw ServiceError.invalid("due_on", code: "date_in_past", "due_on cannot be in the past")
        }
        return try await context.transaction { tx in
            let task = try await openTask(taskID, in: tx)
            let before = task.dueOn
            task.dueOn = due.iso
            try await task.save(on: tx.db)
            try await AuditLog.record(
                "task.rescheduled", entityType: "collection_task", entityID: taskID,
                details: ["from": before, "to": due.iso], in: tx)
            return task
        }
    }

    /// Completes every task named, or none: one that is not open (or not found) refuses the lot.
    static func complete(_ input: TaskBulkCompleteInput, in context: ServiceContext) async throws
        -> [CollectionTask]
    {
        let ids = try FieldParser.required(input.taskIds, "task_ids")
        guard !ids.isEmpty else { throw ServiceError.invalid("task_ids", "task_ids must name at least one task") }
        guard ids.count <= 200 else { throw ServiceError.invalid("task_ids", "task_ids names more than 200 tasks") }
        return try await context.transaction { tx in
            var done: [CollectionTask] = []
            for id in Set(ids).sorted(by: { $0.uuidString < $1.uuidString }) {
                done.append(try await finish(try await openTask(id, in: tx), in: tx))
            }
            return done
        }
    }

    /// The open task of the caller's organisation, else why not.
    static func openTask(_ taskID: UUID, in context: ServiceContext) async throws -> CollectionTask {
        guard
            let task = try await CollectionTask.query(on: context.db).filter(\.$id == taskID)
                .filter(\.$organisationID == context.organisationID).first()
        else { throw ServiceError.notFound("task") }
        guard task.status == .open else {
            throw ServiceError.conflict("task_not_open", "The task is already \(task.status.rawValue)")
        }
        return task
    }

    /// Marks the task done and records it; inside the caller's transaction.
    static func finish(_ task: CollectionTask, in tx: ServiceContext) async throws -> CollectionTask {
        task.status = .done
        task.completedAt = tx.clock.now()
        try await task.save(on: tx.db)
        try await AuditLog.record(
            "task.completed", entityType: "collection_task", entityID: try task.requireID(), in: tx)
        return task
    }
}
