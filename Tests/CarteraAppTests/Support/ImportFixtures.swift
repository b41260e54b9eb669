import Fluent
import Foundation
import NIOCore
import Vapor
import VaporTesting

@testable import CarteraApp

/// CSV files and counts for the import tests.
enum ImportFixtures {
    static let quickBooks = """
        A/R Aging Detail
        Craig's Design and Landscaping Services
        As of February 28, 2026

        ,Date,Transaction Type,Num,Customer,Due Date,Past Due,Amount,Open Balance
        91 or more days past due,,,,,,,,
        ,11/14/2025,Invoice,1001,Amy's Bird Sanctuary,11/14/2025,106,"$1,250.00","$1,250.00"
        Total for 91 or more days past due,,,,,,,"$1,250.00","$1,250.00"
        31 - 60 days past due,,,,,,,,
        ,12/29/2025,Invoice,1027,Bill's Windsurf Shop,01/28/2026,31,"$2,300.50","$1,800.50"
        ,01/05/2026,Credit Memo,1030,Bill's Windsurf Shop,01/05/2026,54,-$100.00,-$100.00
        Total for 31 - 60 days past due,,,,,,,"$2,200.50","$1,700.50"
        1 - 30 days past due,,,,,,,,
        ,01/15/2026,Invoice,1035,"Cool Cars, Inc.",02/14/2026,14,"$3,000.00","$3,000.00"
        ,01/20/2026,Payment,,"Cool Cars, Inc.",01/20/2026,,-$500.00,-$500.00
        Total for 1 - 30 days past due,,,,,,,"$2,500.00","$2,500.00"
        Current,,,,,,,,
        ,02/10/2026,Invoice,1042,Freeman Sporting Goods,03/12/2026,,$845.25,$845.25
        Total for Current,,,,,,,$845.25,$845.25
        TOTAL,,,,,,,"$6,795.75","$6,295.75"

        """

    /// A Spanish accounting export: ";" between fields, "1.234,56", day before month.
    static let spanish = """
        Código;Razón social;Nº Factura;Fecha;Vencimiento;Valor;Saldo
        C-01;Panadería La Espiga S.A.S.;FE-1001;15/01/2026;14/02/2026;1.190.000,00;1.190.000,00
        C-02;Ferretería Ñandú Ltda.;FE-1002;20/01/2026;21/03/2026;2.500.000,50;500.000,00
        C-01;Panadería La Espiga S.A.S.;FE-1003;01/02/2026;03/03/2026;35.700,00;0,00

        """

    static func counts(_ h: TestHarness) async throws -> [String: Int] {
        let db = h.app.db
        return [
            "customers": try await Customer.query(on: db).count(), "invoices": try await Invoice.query(on: db).count(),
            "payments": try await Payment.query(on: db).count(),
            "allocations": try await Allocation.query(on: db).count(),
            "contacts": try await Contact.query(on: db).count(),
            "outbox": try await OutboxMessage.query(on: db).count(),
        ]
    }

    /// POST /api/v1/imports with the bytes as they are (so Latin-1 stays Latin-1).
    static func post(_ h: TestHarness, _ bytes: [UInt8], query: String, key: String? = nil) async throws
        -> TestHarness.Reply
    {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: key ?? h.apiKey)
        headers.replaceOrAdd(name: .contentType, value: "text/csv")
        headers.replaceOrAdd(name: .acceptLanguage, value: "es")
        let response = try await h.app.testing().sendRequest(
            .POST, "/api/v1/imports?\(query)", headers: headers, body: ByteBuffer(bytes: bytes))
        let data = Data(buffer: response.body)
        return TestHarness.Reply(
            status: response.status, json: data.isEmpty ? .null : try JSON(data: data), headers: response.headers)
    }

    static func post(_ h: TestHarness, _ text: String, query: String, key: String? = nil) async throws
        -> TestHarness.Reply
    {
        try await post(h, Array(text.utf8), query: query, key: key)
    }

    /// A GET whose answer is not JSON (the CSV exports).
    static func download(_ h: TestHarness, _ path: String) async throws -> (
        status: HTTPStatus, contentType: String, bytes: [UInt8]
    ) {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: h.apiKey)
        let response = try await h.app.testing().sendRequest(.GET, path, headers: headers)
        return (
            response.status, response.headers.first(name: .contentType) ?? "", Array(response.body.readableBytesView)
        )
    }

    static func invoice(_ h: TestHarness, _ number: String) async throws -> Invoice? {
        try await Invoice.query(on: h.app.db).filter(\.$number == number).first()
    }

    static func writeTemporary(_ bytes: [UInt8], name: String = "import") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).csv")
            .path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
