import CarteraCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CarteraApp

/// Uploads and the parsers behind them have limits, each answered quickly with a clear message.
@Suite struct UploadLimitsTests {
    static func headers(_ h: TestHarness, contentType: String = "application/xml") -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: h.apiKey)
        headers.replaceOrAdd(name: .contentType, value: contentType)
        return headers
    }

    @Test("100,000-level XML → 422, refused at the 65th level, and the server lives")
    func deeplyNestedXMLIsRefusedAtTheLimit() async throws {
        try await TestHarness.run { h in
            let depth = 100_000
            let xml =
                #"<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">"#
                + String(repeating: "<Stmt>", count: depth) + String(repeating: "</Stmt>", count: depth) + "</Document>"
            #expect(xml.utf8.count > 1_300_000)
            // Through a real socket: the server process is the one that used to crash. Not timed (the
            // bench and load test time things): the message shows the parser stopped at the limit
            // instead of walking the nesting.
            try await h.app.asyncBoot()
            try await h.app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(h.app.http.server.shared.localAddress?.port)
            let response = try await h.app.client.post(
                URI(string: "http://127.0.0.1:\(port)/api/v1/bank-statements?format=camt053"),
                headers: Self.headers(h)
            ) { $0.body = ByteBuffer(string: xml) }
            await h.app.server.shutdown()
            #expect(response.status == .unprocessableEntity)
            let error = try JSON(data: Data(buffer: try #require(response.body)))["error"]
            #expect(error["code"].string == "invalid_statement")
            #expect(error["field"].string == "file")
            #expect(error["message"].string?.contains("nested more than 64 levels") == true)
            #expect(try await StatementImport.query(on: h.app.db).count() == 0)
            #expect(try await h.get("/health").status == .ok)
        }
    }

    @Test func anUploadOverTheLimitIs413() async throws {
        try await TestHarness.run(adjust: { $0.uploadLimitMegabytes = 1 }) { h in
            let big =
                "customer_name,invoice_number,issue_date,due_date,amount\n"
                + String(repeating: "Acme,FE-1,2026-01-01,2026-01-31,10.00\n", count: 40_000)
            #expect(big.utf8.count > 1_000_000)
            let reply = try await ImportFixtures.post(h, big, query: "kind=invoices&dry_run=true")
            #expect(reply.status == .payloadTooLarge)
            #expect(reply.json["error"]["code"].string == "upload_too_large")
            #expect(
                reply.json["error"]["message"].string
                    == "El archivo supera el límite de carga (CARTERA_UPLOAD_LIMIT_MB)")
            // Without a Content-Length (chunked), the count while streaming stops it too.
            var headers = Self.headers(h, contentType: "application/xml")
            headers.replaceOrAdd(name: .transferEncoding, value: "chunked")
            let server = try h.app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            let statement = try await server.sendRequest(
                .POST, "/api/v1/bank-statements?format=camt053", headers: headers, body: ByteBuffer(string: big))
            #expect(statement.status == .payloadTooLarge)
        }
    }

    @Test func theUploadLimitIsASetting() throws {
        #expect(try AppConfig.fromEnvironment([:]).uploadLimitMegabytes == 50)
        #expect(try AppConfig.fromEnvironment(["CARTERA_UPLOAD_LIMIT_MB": "200"]).uploadLimitMegabytes == 200)
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["CARTERA_UPLOAD_LIMIT_MB": "0"]) }
        #expect(throws: ConfigError.self) { try AppConfig.fromEnvironment(["CARTERA_UPLOAD_LIMIT_MB": "lots"]) }
    }

    @Test func aSecondImportWhileOneRunsIs409() async throws {
        try await TestHarness.run { h in
            let runs = ImportRuns(db: h.app.db, now: { h.clock.now() })
            try await runs.claim(h.organisationID, holder: "the other import")
            let csv = "customer_name,invoice_number,issue_date,due_date,amount\nAcme,FE-1,2026-01-01,2026-01-31,10.00\n"
            let refused = try await ImportFixtures.post(h, csv, query: "kind=invoices")
            #expect(refused.status == .conflict)
            #expect(refused.json["error"]["code"].string == "import_running")
            #expect(refused.json["error"]["message"].string?.hasPrefix("Ya hay una importación en curso") == true)
            #expect(try await Invoice.query(on: h.app.db).count() == 0)
            // A claim left by a dead server expires.
            h.clock.set(h.clock.now().addingTimeInterval(ImportRuns.lease + 1))
            let imported = try await ImportFixtures.post(h, csv, query: "kind=invoices")
            #expect(imported.status == .created)
            // ...and a finished import leaves the slot free.
            #expect(try await ImportRun.query(on: h.app.db).count() == 0)
        }
    }

    @Test func uploadsAreForgottenByTheDailyPassAndKeptWithinAQuota() async throws {
        try await TestHarness.run { h in
            let old = ImportUploads(
                db: h.app.db, now: { h.clock.now().addingTimeInterval(-ImportUploads.retention - 60) })
            let settings = try ImportSettings.parse(kind: "invoices", preset: nil, locale: nil, currency: nil)
            _ = try await old.save(
                Data("a,b\n".utf8), settings: settings, fileName: "old.csv", organisationID: h.organisationID)
            let uploads = ImportUploads(db: h.app.db, now: { h.clock.now() })
            for index in 0..<(ImportUploads.maximumWaiting + 2) {
                h.clock.set(h.clock.now().addingTimeInterval(1))
                _ = try await uploads.save(
                    Data("a,b\n".utf8), settings: settings, fileName: "\(index).csv", organisationID: h.organisationID)
            }
            let kept = try await ImportUpload.query(on: h.app.db).all()
            #expect(kept.count == ImportUploads.maximumWaiting)
            #expect(!kept.contains { $0.fileName == "old.csv" || $0.fileName == "0.csv" })
            h.clock.set(h.clock.now().addingTimeInterval(ImportUploads.retention + 60))
            try await h.runReminders()
            #expect(try await ImportUpload.query(on: h.app.db).count() == 0)
        }
    }

    @Test func aFormUploadIsStreamedToAFile() async throws {
        try await TestHarness.run(adjust: { $0.uploadLimitMegabytes = 1 }) { h in
            h.app.on(.POST, "test-upload", body: .stream) { req -> String in
                let (file, fields) = try await StreamedUpload.receiveForm(req)
                defer { file.remove() }
                #expect(FileManager.default.fileExists(atPath: file.url.path))
                return
                    "\(file.fileName ?? "-")|\(file.byteCount)|\(fields["kind"] ?? "-")|\(String(decoding: try file.data(), as: UTF8.self).prefix(5))"
            }
            func form(_ content: String) -> ByteBuffer {
                ByteBuffer(
                    string: "--XyZ\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\ninvoices\r\n"
                        + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cartera.csv\"\r\nContent-Type: text/csv\r\n\r\n\(content)\r\n--XyZ--\r\n"
                )
            }
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=XyZ")
            let ok = try await h.app.testing().sendRequest(
                .POST, "/test-upload", headers: headers, body: form("a,b,c\n1,2,3"))
            #expect(ok.body.string == "cartera.csv|11|invoices|a,b,c")
            let big = try await h.app.testing().sendRequest(
                .POST, "/test-upload", headers: headers, body: form(String(repeating: "x", count: 1_100_000)))
            #expect(big.status == .payloadTooLarge)
        }
    }
}
