import CarteraCore
import Vapor

/// GET /tasks — "My tasks": calls, letters and follow-ups (portal requests, contacts to fix), the
/// signed-in collector's by default; a task written by hand, a new due date, several completed at once.
struct TasksPage {
    struct Context: Encodable {
        struct Row: Encodable {
            let id: String
            let title: String
            let kind: String
            let kindLabel: String
            let customer: String
            let customerURL: String
            let collector: String?
            let due: String
            let dueOn: String
            let dueState: String
            let dueLabel: String
            let rescheduleURL: String
            let completeURL: String
        }
        typealias Option = SelectOption
        struct Tab: Encodable {
            let scope: String
            let label: String
            let url: String
            let current: Bool
        }

        let scope: String
        let tabs: [Tab]
        let rows: [Row]
        let kinds: [Option]
        let dues: [Option]
        let customers: [Option]
        let newKinds: [Option]
        let today: String
        let todayISO: String
        let actionURL = AppURL.tasks
        let createURL = AppURL.tasks
        let completeURL = AppURL.tasksComplete
    }

    static func render(req: Request) async throws -> Response {
        let context = try await req.serviceContext()
        let user = try req.auth.require(User.self)
        // Collectors start on their own tasks; admins and viewers on everybody's.
        let scope = (try? req.query.get(String.self, at: "scope")) ?? (user.role == .collector ? "mine" : "all")
        let data = try await TasksPageData.read(
            scope: scope, try req.query.decode(TaskListQuery.self), for: user, in: context)
        return try await req.render(
            "tasks/index", title: "tasks.title", section: "tasks",
            try Context(data: data, format: context.pageFormat(language: req.pageLanguage)))
    }

    static func create(req: Request) async throws -> Response {
        _ = try await TaskService.create(try req.content.decode(TaskInput.self), in: try await req.serviceContext())
        return done(req, "flash.task_created")
    }

    static func reschedule(req: Request) async throws -> Response {
        let id = try req.uuidParameter("taskID", entity: "task")
        let input = try req.content.decode(TaskRescheduleInput.self)
        _ = try await TaskService.reschedule(id, input, in: try await req.serviceContext())
        return done(req, "flash.task_rescheduled")
    }

    static func completeMany(req: Request) async throws -> Response {
        let input = try req.content.decode(TaskBulkCompleteInput.self)
        let done = try await TaskService.complete(input, in: try await req.serviceContext())
        req.session.flash(req.text("flash.tasks_done", ["count": String(done.count)]))
        return req.redirectBack(fallback: AppURL.tasks)
    }

    private static func done(_ req: Request, _ key: String) -> Response {
        req.session.flash(req.text(key))
        return req.redirectBack(fallback: AppURL.tasks)
    }
}
