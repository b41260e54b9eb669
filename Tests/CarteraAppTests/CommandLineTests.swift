import Fluent
import Testing
import Vapor

@testable import CarteraApp

@Suite struct CommandLineTests {
    @Test func runRemindersDryRunThenForRealThenTheOutbox() async throws {
        try await TestHarness.run { h in
            h.travel(to: "2026-02-01")
            let customer = try await h.customerWithContacts()
            _ = try await h.createInvoice(
                customer: customer, number: "CLI-1", total: "10.00", issued: "2026-02-01",
                extra: ["due_date": "2026-03-02"])
            let dry = try await RecordingConsole.run(
                RunRemindersCommand(), ["--date", "2026-03-12", "--dry-run"], app: h.app)
            #expect(dry.contains("2026-03-12: 1 message(s) or task(s) would be queued"))
            #expect(dry.contains("steps first_notice"), "a never-reminded customer gets a first notice: \(dry)")
            #expect(try await ReminderDelivery.query(on: h.app.db).count() == 0)
            let real = try await RecordingConsole.run(RunRemindersCommand(), ["--date", "2026-03-12"], app: h.app)
            #expect(real.contains("2026-03-12: 1 message(s), 0 task(s), 0 statement(s) queued"))
            let again = try await RecordingConsole.run(RunRemindersCommand(), ["--date", "2026-03-12"], app: h.app)
            #expect(again.contains("0 message(s)"), "idempotent: \(again)")

            let listed = try await RecordingConsole.run(OutboxCommand(), ["list", "--status", "pending"], app: h.app)
            #expect(listed.contains("2 message(s)"), "\(listed)") // new invoice + the +10 reminder
            let id = try #require(
                try await OutboxMessage.query(on: h.app.db).filter(\.$kind == .overdue).first()?.requireID())
            let cancelled = try await RecordingConsole.run(OutboxCommand(), ["cancel", id.uuidString], app: h.app)
            #expect(cancelled.contains("\(id): cancelled"))
            let retried = try await RecordingConsole.run(OutboxCommand(), ["retry", id.uuidString], app: h.app)
            #expect(retried.contains("\(id): pending"))
            let policies = try await RecordingConsole.run(PoliciesCommand(), [], app: h.app)
            #expect(policies.contains("standard (default)") && policies.contains("+45 days  email  final_notice"))
        }
    }

    @Test func badArgumentsNameTheArgumentAndChangeNothing() async throws {
        try await TestHarness.run { h in
            await #expect {
                try await RecordingConsole.run(RunRemindersCommand(), ["--date", "30/03/2026"], app: h.app)
            } throws: {
                ($0 as? CommandArgumentError)?.field == "--date"
            }
            await #expect {
                try await RecordingConsole.run(OutboxCommand(), ["list", "--status", "lost"], app: h.app)
            } throws: {
                ($0 as? CommandArgumentError)?.field == "--status"
            }
            await #expect { try await RecordingConsole.run(OutboxCommand(), ["retry", "nope"], app: h.app) } throws: {
                ($0 as? CommandArgumentError)?.field == "id"
            }
            await #expect {
                try await RecordingConsole.run(OutboxCommand(), ["retry", UUID().uuidString], app: h.app)
            } throws: {
                ($0 as? CommandArgumentError)?.message.contains("not found") == true
            }
            let queued = try await OutboxMessage.query(on: h.app.db).count()
            #expect(queued == 0)
        }
    }

    @Test func createUserAndRoleKeysFromTheCommandLine() async throws {
        try await TestHarness.run { h in
            let made = try await RecordingConsole.run(
                CreateUserCommand(readPassword: { "una-clave-larga" }),
                ["--email", "Marta@Empresa.co", "--name", "Marta", "--role", "admin"], app: h.app)
            #expect(made.contains("Created admin marta@empresa.co"))
            try await WebClient(app: h.app).signIn("marta@empresa.co", "una-clave-larga")
            await #expect {
                try await RecordingConsole.run(
                    CreateUserCommand(readPassword: { "corta" }), ["--email", "x@y.co"], app: h.app)
            } throws: {
                ($0 as? CommandArgumentError)?.field.hasPrefix("password") == true
            }
            await #expect {
                try await RecordingConsole.run(
                    CreateUserCommand(readPassword: { "una-clave-larga" }), ["--email", "x@y.co", "--role", "boss"],
                    app: h.app)
            } throws: {
                ($0 as? CommandArgumentError)?.field == "--role"
            }
            await #expect {
                try await RecordingConsole.run(
                    CreateUserCommand(readPassword: { "una-clave-larga" }), ["--email", "marta@empresa.co"], app: h.app)
            } throws: {
                ($0 as? ServiceError)?.code == "duplicate_email" || ($0 as? CommandArgumentError)?.field == "--email"
            }
            #expect(try await User.query(on: h.app.db).count() == 1)
            let key = try await RecordingConsole.run(
                CreateAPIKeyCommand(), ["--name", "lectura", "--role", "viewer"], app: h.app)
            let secret = try #require(
                key.split(separator: "\n").last.map(String.init)?.trimmingCharacters(in: .whitespaces))
            #expect(try await h.send(.GET, "/api/v1/customers", key: secret).status == .ok)
            #expect(
                try await h.send(.POST, "/api/v1/customers", json: ["legal_name": "x"], key: secret).status
                    == .forbidden)
        }
    }
}
