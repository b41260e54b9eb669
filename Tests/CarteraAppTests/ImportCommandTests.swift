import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// `cartera import`: the same import from the command line, with its report and exit status.
@Suite struct ImportCommandTests {
    /// "Panadería Ñandú" and "Bogotá" written in ISO 8859-1, as older Windows software exports.
    static func latin1(_ text: String) -> [UInt8] { Array(text.data(using: .isoLatin1)!) }

    @Test func aLatin1FileImportsWithItsAccents() async throws {
        try await TestHarness.run { h in
            let file = try ImportFixtures.writeTemporary(
                Self.latin1(
                    "Código;Razón social;Correo;Teléfono;Cupo\nP-1;Panadería Ñandú;pagos@nandu.co;601 555 0101;5.000.000,00\nP-2;Café Bogotá;;;\n"
                ))
            defer { try? FileManager.default.removeItem(atPath: file) }
            let output = try await RecordingConsole.run(ImportCommand(), [file, "--kind", "customers"], app: h.app)
            #expect(output.contains("imported: 2 new customer(s)"), "\(output)")
            let customer = try #require(try await Customer.query(on: h.app.db).filter(\.$externalCode == "P-1").first())
            #expect(customer.legalName == "Panadería Ñandú" && customer.creditLimitMinor == 500_000_000)
            let contact = try #require(
                try await Contact.query(on: h.app.db).filter(\.$customer.$id == customer.requireID()).first())
            #expect(contact.email == "pagos@nandu.co" && contact.role == .billing)
        }
    }

    @Test func aLatin1FileWithABadRowListsItAndImportsNothing() async throws {
        try await TestHarness.run { h in
            let csv =
                "Código;Razón social;Factura;Fecha;Vencimiento;Valor\nP-1;Panadería Ñandú;F-1;15/01/2026;14/02/2026;1.000,00\nP-1;Panadería Ñandú;F-2;15/01/2026;14/02/2026;-5,00\n"
            let file = try ImportFixtures.writeTemporary(Self.latin1(csv))
            defer { try? FileManager.default.removeItem(atPath: file) }
            let before = try await ImportFixtures.counts(h)
            let console = RecordingConsole()
            var context = CommandContext(
                console: console,
                input: CommandInput(arguments: ["cartera", file, "--kind", "invoices", "--locale", "es"]))
            context.application = h.app
            await #expect { try await console.run(ImportCommand(), with: context) } throws: {
                ($0 as? CommandArgumentError)?.field == "file"
            }
            #expect(
                console.output.contains("line 3, column \"Valor\" (amount): El valor no puede ser negativo"),
                "\(console.output)")
            #expect(console.output.contains("latin1"))
            #expect(try await ImportFixtures.counts(h) == before)
        }
    }

    @Test func aDryRunReportsWithoutImportingAndArgumentsAreChecked() async throws {
        try await TestHarness.run { h in
            let file = try ImportFixtures.writeTemporary(Array(ImportFixtures.spanish.utf8))
            defer { try? FileManager.default.removeItem(atPath: file) }
            let output = try await RecordingConsole.run(
                ImportCommand(), [file, "--kind", "invoices", "--dry-run"], app: h.app)
            #expect(output.contains("would import: 3 invoice(s)"), "\(output)")
            #expect(try await Invoice.query(on: h.app.db).count() == 0)
            await #expect {
                try await RecordingConsole.run(ImportCommand(), [file, "--kind", "bills"], app: h.app)
            } throws: {
                ($0 as? CommandArgumentError)?.field == "--kind"
            }
            await #expect {
                try await RecordingConsole.run(
                    ImportCommand(), [file, "--kind", "invoices", "--preset", "sap"], app: h.app)
            } throws: {
                ($0 as? CommandArgumentError)?.field == "--preset"
            }
            await #expect {
                try await RecordingConsole.run(ImportCommand(), ["/nonexistent.csv", "--kind", "invoices"], app: h.app)
            } throws: {
                ($0 as? CommandArgumentError)?.field == "file"
            }
        }
    }

    /// Not timed: checks the batched writes and the progress line on a file of some size.
    @Test func twentyThousandGeneratedRowsImport() async throws {
        try await TestHarness.run { h in
            var csv =
                "customer_code,customer_name,invoice_number,issue_date,due_date,amount,open_balance,currency,reference\n"
            for row in 1...20_000 {
                let customer = row % 200
                csv +=
                    "K\(customer),Cliente \(customer) S.A.S.,G-\(row),2026-01-\(String(format: "%02d", row % 28 + 1)),2026-03-\(String(format: "%02d", row % 28 + 1)),\(row).50,\(row % 3 == 0 ? "0.00" : "\(row).50"),COP,\n"
            }
            let file = try ImportFixtures.writeTemporary(Array(csv.utf8))
            defer { try? FileManager.default.removeItem(atPath: file) }
            let output = try await RecordingConsole.run(
                ImportCommand(), [file, "--kind", "invoices", "--preset", "generic"], app: h.app)
            #expect(output.contains("writing 20000 / 20000 rows"), "\(output.suffix(500))")
            #expect(try await Invoice.query(on: h.app.db).count() == 20_000)
            #expect(try await Customer.query(on: h.app.db).count() == 200)
            #expect(try await Invoice.query(on: h.app.db).filter(\.$status == .paid).count() == 6_666)
            #expect(try await Allocation.query(on: h.app.db).count() == 6_666)
            #expect(try await AuditEvent.query(on: h.app.db).filter(\.$action == "import.completed").count() == 1)
        }
    }
}
