import CarteraCore
import Fluent
import Foundation

/// Tasks for people that calls, promises and plans produce (dunning makes its own call and letter tasks).
enum TaskService {
    /// One task per customer, kind, title and day: logging the same outcome twice does not double the work.
    @discardableResult
    static func create(
        _ kind: CollectionTaskKind, for customer: Customer, titleKey: String, arguments: [String: String] = [:],
        due: LocalDate, invoiceIDs: [UUID] = [], in context: ServiceContext
    ) async throws -> CollectionTask? {
        let language = context.organisation.language
        let title =
            context.messaging.localizer.text(
                titleKey, language: language,
                arguments: arguments.merging(["customer": customer.legalName]) { $1 }) ?? titleKey
        let dedupeKey = "\(titleKey):\(try customer.requireID()):\(due.iso)"
        guard try await CollectionTask.query(on: context.db).filter(\.$dedupeKey == dedupeKey).count() == 0 else {
            return nil
        }
        let task = CollectionTask()
        task.organisationID = context.organisationID
        task.$customer.id = try customer.requireID()
        task.kind = kind
        task.title = title
        task.dueOn = due.iso
        task.status = .open
        task.dedupeKey = dedupeKey
        task.invoiceIDs = StoredList.encode(invoiceIDs)
        try await task.create(on: context.db)
        try await AuditLog.record(
            "task.created", entityType: "collection_task", entityID: try task.requireID(),
            details: ["kind": kind.rawValue, "customer_id": try customer.requireID().uuidString, "title": title],
            in: context)
        return task
    }

    static func complete(_ taskID: UUID, in context: ServiceContext) async throws -> CollectionTask {
        try await context.transaction { tx in try await finish(try await openTask(taskID, in: tx), in: tx) }
    }
}
