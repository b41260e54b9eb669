import CarteraCore
import Foundation

extension TasksPage.Context {
    /// Formatting only: words and days from what `TasksPageData.read` found.
    init(data: TasksPageData, format: PageFormat) throws {
        let text = format.text
        let names = Dictionary(uniqueKeysWithValues: try data.users.map { (try $0.requireID(), $0.name) })
        let today = data.today.iso
        let rows = try data.tasks.map { task in
            let id = try task.requireID()
            let dueState = task.dueOn < today ? "overdue" : task.dueOn == today ? "today" : "later"
            return Row(
                id: id.uuidString, title: task.title, kind: task.kind.rawValue,
                kindLabel: text("task.kind.\(task.kind.rawValue)", [:]), customer: task.customer.legalName,
                customerURL: AppURL.customer(task.$customer.id),
                collector: task.customer.assignedUserID.flatMap { names[$0] }, due: format.date(task.dueOn),
                dueOn: task.dueOn, dueState: dueState, dueLabel: text("tasks.due.\(dueState)", [:]),
                rescheduleURL: AppURL.taskReschedule(id), completeURL: AppURL.taskComplete(id))
        }
        let kind = data.query.kind ?? ""
        let due = data.query.due ?? ""
        let tabs = ["mine", "all", "unassigned"].map {
            Tab(
                scope: $0, label: text("tasks.scope.\($0)", [:]), url: AppURL.tasks(scope: $0, kind: kind, due: due),
                current: $0 == data.scope)
        }
        let kinds = CollectionTaskKind.allCases.map {
            Option(value: $0.rawValue, label: text("task.kind.\($0.rawValue)", [:]), selected: $0.rawValue == kind)
        }
        self.init(
            scope: data.scope, tabs: tabs, rows: rows, kinds: kinds,
            dues: TaskService.Due.allCases.map {
                Option(value: $0.rawValue, label: text("tasks.due.\($0.rawValue)", [:]), selected: $0.rawValue == due)
            },
            customers: try data.customers.map {
                Option(value: try $0.requireID().uuidString, label: $0.legalName, selected: false)
            }, newKinds: kinds.map { Option(value: $0.value, label: $0.label, selected: false) },
            today: format.date(data.today), todayISO: data.today.iso)
    }
}
