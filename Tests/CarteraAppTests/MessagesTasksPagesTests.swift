import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The messages page (outbox and history) and "My tasks", through HTTP as a browser uses them.
@Suite struct MessagesTasksPagesTests {
    /// Two customers with an overdue invoice each, a statement queued to each, the first one bounced.
    func setUp(_ h: TestHarness) async throws -> (failed: UUID, queued: UUID, customers: [String]) {
        h.travel(to: "2026-02-18")
        let first = try await h.customerWithContacts()
        let second = try await h.customerWithContacts("Droguería La Esperanza S.A.S.")
        for (customer, number) in [(first, "FE-3001"), (second, "FE-3002")] {
            _ = try await h.createInvoice(customer: customer, number: number, total: "900000.00", issued: "2026-02-18")
        }
        h.travel(to: "2026-04-01")
        let sent = try await h.post("/api/v1/customers/\(first)/statement/send", [:])
        let other = try await h.post("/api/v1/customers/\(second)/statement/send", [:])
        let failed = try #require(UUID(uuidString: sent.json["id"].string ?? ""))
        let message = try #require(try await OutboxMessage.find(failed, on: h.app.db))
        message.status = .failed
        message.attempts = 1
        message.lastError = "SMTP DATA: 550 5.1.1 <tesoreria@progreso.com.co>: Recipient address rejected: User unknown"
        // @Timestamp stamps the wall clock, not the test's: put both on the test's day (10:00 in Bogotá).
        message.createdAt = h.clock.now()
        try await message.save(on: h.app.db)
        let queued = try #require(UUID(uuidString: other.json["id"].string ?? ""))
        let queuedMessage = try #require(try await OutboxMessage.find(queued, on: h.app.db))
        queuedMessage.createdAt = h.clock.now()
        try await queuedMessage.save(on: h.app.db)
        return (failed, queued, [first, second])
    }

    @Test func theListSaysEachMessageInWordsAndFilters() async throws {
        try await TestHarness.run { h in
            let (failed, queued, _) = try await setUp(h)
            let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
            let all = try await browser.get("/messages")
            #expect(all.status == .ok)
            #expect(all.body.contains("Ferretería El Progreso S.A.S."))
            #expect(all.body.contains("Droguería La Esperanza S.A.S."))
            #expect(all.body.contains("falló"))
            #expect(all.body.contains("en cola"))
            #expect(all.body.contains("La dirección no existe"))
            #expect(all.body.contains("Estado de cuenta enviado a mano"))
            #expect(all.body.contains("1 abr 2026, 10:00"))
            #expect(!all.body.contains("manual_statement"))
            #expect(!all.body.contains(">pending<") && !all.body.contains(">failed<"))

            let onlyFailed = try await browser.get("/messages?status=failed")
            #expect(onlyFailed.body.contains(AppURL.message(failed)))
            #expect(!onlyFailed.body.contains(AppURL.message(queued)))
            #expect(!(try await browser.get("/messages?channel=sms").body.contains(AppURL.message(failed))))
            #expect(
                try await browser.get("/messages?from=2026-04-01&to=2026-04-01").body.contains(AppURL.message(queued)))
            #expect(!(try await browser.get("/messages?to=2026-03-31").body.contains(AppURL.message(queued))))
            #expect(try await browser.get("/messages?status=nonsense").status == .unprocessableEntity)

            let page = try await browser.get("/messages/\(failed)")
            #expect(page.status == .ok)
            #expect(page.body.contains("src=\"/messages/\(failed)/view\""))
            #expect(page.body.contains("sandbox"))
            #expect(page.body.contains("id=\"retry\""))
            let view = try await browser.get("/messages/\(failed)/view")
            #expect(view.status == .ok)
            #expect(view.body.contains("<html"))
            #expect(view.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'self'") == true)
            #expect(view.headers.first(name: "X-Frame-Options") == "SAMEORIGIN")
            #expect(try await browser.get("/messages/\(UUID())").status == .notFound)
        }
    }

    @Test func retryingAFailedMessageQueuesItAgainAndIsAudited() async throws {
        try await TestHarness.run { h in
            let (failed, queued, _) = try await setUp(h)
            let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
            try await browser.get("/messages/\(failed)")
            let retried = try await browser.post(
                "/messages/\(failed)/retry", [], referer: "http://localhost/messages/\(failed)")
            #expect(retried.status == .seeOther)
            #expect(try await OutboxMessage.find(failed, on: h.app.db)?.status == .pending)
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "message.retried").count() == 1)
            let page = try await browser.get("/messages/\(failed)")
            #expect(page.body.contains("El mensaje volvió a la cola de envío."))
            #expect(page.body.contains("en cola"))
            #expect(!page.body.contains("id=\"retry\""))

            // A queued message cannot be retried: the page says why and nothing changes.
            let refused = try await browser.post(
                "/messages/\(queued)/retry", [], referer: "http://localhost/messages/\(queued)")
            #expect(refused.status == .seeOther)
            #expect(try await browser.get("/messages/\(queued)").body.contains("flash-error"))
            #expect(try await OutboxMessage.find(queued, on: h.app.db)?.status == .pending)

            // It can be cancelled.
            try await browser.post("/messages/\(queued)/cancel", [], referer: "http://localhost/messages/\(queued)")
            #expect(try await OutboxMessage.find(queued, on: h.app.db)?.status == .cancelled)
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "message.cancelled").count() == 1)
        }
    }

    @Test func aViewerSeesNoFormsAndCannotPost() async throws {
        try await TestHarness.run { h in
            let (failed, _, customers) = try await setUp(h)
            _ = try await h.post(
                "/api/v1/tasks",
                ["customer_id": customers[0], "kind": "call", "due_on": "2026-04-01", "note": "Llamar"])
            let viewer = try await h.signedIn("consulta@empresa.co", role: .viewer)
            let page = try await viewer.get("/messages/\(failed)")
            #expect(page.status == .ok)
            #expect(!page.body.contains("id=\"retry\""))
            #expect(!page.body.contains("action=\"/messages/\(failed)/retry\""))
            let tasks = try await viewer.get("/tasks")
            #expect(tasks.body.contains("Llamar"))
            #expect(!tasks.body.contains("id=\"bulk-complete\""))
            #expect(!tasks.body.contains("id=\"task-form\""))
            #expect(!tasks.body.contains("reschedule"))
            let posted = try await viewer.post("/messages/\(failed)/retry", [])
            #expect(posted.status == .forbidden)
            #expect(try await OutboxMessage.find(failed, on: h.app.db)?.status == .failed)
        }
    }

    @Test func tasksAreCreatedRescheduledAndCompletedSeveralAtOnce() async throws {
        try await TestHarness.run { h in
            let (_, _, customers) = try await setUp(h)
            let collector = try await h.createUser("gestor@empresa.co", role: .collector)
            _ = try await h.post(
                "/api/v1/customers/\(customers[0])/assign", ["user_id": try collector.requireID().uuidString])
            let browser = WebClient(app: h.app)
            try await browser.signIn("gestor@empresa.co", "contraseña-segura")
            try await browser.get("/tasks")
            for note in ["Llamar a tesorería", "Confirmar la fecha de pago", "Enviar la carta firmada"] {
                let created = try await browser.post(
                    "/tasks",
                    [
                        ("_form", "task"), ("customerId", customers[0]), ("kind", "call"), ("dueOn", "2026-04-01"),
                        ("note", note),
                    ], referer: "http://localhost/tasks")
                #expect(created.status == .seeOther)
            }
            // Someone else's customer: on "all", not on "mine".
            _ = try await h.post(
                "/api/v1/tasks",
                ["customer_id": customers[1], "kind": "letter", "due_on": "2026-04-03", "note": "Carta certificada"])
            let mine = try await browser.get("/tasks")
            #expect(mine.body.contains("Llamar a tesorería"))
            #expect(!mine.body.contains("Carta certificada"))
            #expect(try await browser.get("/tasks?scope=all").body.contains("Carta certificada"))
            #expect(try await browser.get("/tasks?scope=unassigned").body.contains("Carta certificada"))
            #expect(!(try await browser.get("/tasks?scope=all&kind=letter").body.contains("Llamar a tesorería")))
            #expect(try await browser.get("/tasks?scope=all&due=later").body.contains("Carta certificada"))
            #expect(!(try await browser.get("/tasks?scope=all&due=today").body.contains("Carta certificada")))

            let tasks = try await CollectionTask.query(on: h.app.db).filter(\.$kind == .call).sort(\.$title).all()
            let ids = try tasks.map { try $0.requireID().uuidString }
            // tasks sorted by title: Confirmar…, Enviar…, Llamar…
            try await browser.get("/tasks")
            let completed = try await browser.post(
                "/tasks/complete", [("_form", "bulk"), ("taskIds[]", ids[0]), ("taskIds[]", ids[2])],
                referer: "http://localhost/tasks")
            #expect(completed.status == .seeOther)
            let after = try await browser.get("/tasks")
            #expect(after.body.contains("Tareas completadas: 2."))
            #expect(!after.body.contains("Llamar a tesorería"))
            #expect(!after.body.contains("Confirmar la fecha de pago"))
            #expect(after.body.contains("Enviar la carta firmada"))
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "task.completed").count() == 2)

            let rescheduled = try await browser.post(
                "/tasks/\(ids[1])/reschedule", [("dueOn", "2026-04-10")], referer: "http://localhost/tasks")
            #expect(rescheduled.status == .seeOther)
            #expect(try await CollectionTask.find(tasks[1].requireID(), on: h.app.db)?.dueOn == "2026-04-10")
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "task.rescheduled").count() == 1)
        }
    }

    @Test func badInputIsRefusedOnThePageAndChangesNothing() async throws {
        try await TestHarness.run { h in
            let (_, _, customers) = try await setUp(h)
            let browser = try await h.signedIn("gestor@empresa.co", role: .collector)
            let task = try await h.post(
                "/api/v1/tasks",
                ["customer_id": customers[0], "kind": "call", "due_on": "2026-04-02", "note": "Llamar"])
            #expect(task.status == .created)
            let id = try #require(task.json["id"].string)
            try await browser.get("/tasks?scope=all")

            // a day already past
            try await browser.post(
                "/tasks/\(id)/reschedule", [("dueOn", "2026-03-01")], referer: "http://localhost/tasks")
            let page = try await browser.get("/tasks?scope=all")
            #expect(page.body.contains("flash-error"))
            #expect(page.body.contains("Fecha"))
            #expect(try await CollectionTask.find(UUID(uuidString: id), on: h.app.db)?.dueOn == "2026-04-02")

            // no note
            let before = try await CollectionTask.query(on: h.app.db).count()
            try await browser.post(
                "/tasks",
                [
                    ("_form", "task"), ("customerId", customers[0]), ("kind", "call"), ("dueOn", "2026-04-05"),
                    ("note", "  "),
                ], referer: "http://localhost/tasks")
            let refused = try await browser.get("/tasks?scope=all")
            #expect(refused.body.contains("field-error"))
            #expect(try await CollectionTask.query(on: h.app.db).count() == before)

            // completing several where one is not open completes none
            try await browser.post("/tasks/\(id)/complete", [], referer: "http://localhost/tasks")
            let other = try await h.post(
                "/api/v1/tasks", ["customer_id": customers[1], "kind": "call", "due_on": "2026-04-02", "note": "Otra"])
            let otherID = try #require(other.json["id"].string)
            try await browser.get("/tasks?scope=all")
            try await browser.post(
                "/tasks/complete", [("taskIds[]", otherID), ("taskIds[]", id)], referer: "http://localhost/tasks")
            #expect(try await CollectionTask.find(UUID(uuidString: otherID), on: h.app.db)?.status == .open)
            #expect(try await browser.get("/tasks?scope=all").body.contains("flash-error"))
        }
    }

    @Test func theTaskActionsAreInTheAPI() async throws {
        try await TestHarness.run { h in
            let (_, _, customers) = try await setUp(h)
            var ids: [String] = []
            for note in ["Uno", "Dos"] {
                let created = try await h.post(
                    "/api/v1/tasks",
                    ["customer_id": customers[0], "kind": "follow_up", "due_on": "2026-04-01", "note": note])
                #expect(created.status == .created)
                #expect(created.json["title"].string == note)
                ids.append(try #require(created.json["id"].string))
            }
            let moved = try await h.post("/api/v1/tasks/\(ids[0])/reschedule", ["due_on": "2026-04-08"])
            #expect(moved.json["due_on"].string == "2026-04-08")
            #expect(
                try await h.post("/api/v1/tasks/\(ids[0])/reschedule", ["due_on": "yesterday"]).status
                    == .unprocessableEntity)
            let listed = try await h.get("/api/v1/tasks?due=later")
            #expect(listed.json.array.count == 1)
            let done = try await h.post("/api/v1/tasks/complete", ["task_ids": ids])
            #expect(done.status == .ok)
            #expect(done.json.array.count == 2)
            #expect(try await h.get("/api/v1/tasks").json.array.isEmpty)
            #expect(try await h.post("/api/v1/tasks/complete", ["task_ids": ids]).status == .conflict)
        }
    }
}
