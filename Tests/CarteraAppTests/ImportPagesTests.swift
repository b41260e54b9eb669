import Fluent
import Foundation
import Testing
import Vapor

@testable import CarteraApp

/// The upload page: upload, preview, change a column's field, import in the background, poll.
@Suite struct ImportPagesTests {
    /// "Fecha tope" is no header Cartera knows: the due date column must be chosen by hand.
    static let csv = """
        Código;Cliente;Factura;Fecha;Fecha tope;Valor
        C-01;Panadería La Espiga S.A.S.;FE-1;15/01/2026;14/02/2026;1.190.000,00
        C-02;Ferretería Ñandú Ltda.;FE-2;20/01/2026;21/03/2026;2.500,50

        """

    @Test func uploadPreviewRemapImportAndPoll() async throws {
        try await TestHarness.run { h in
            let web = try await h.signedIn("gestor@empresa.co", role: .collector)
            let form = try await web.get("/import")
            #expect(
                form.status == .ok && form.body.contains("id=\"import-upload\"")
                    && form.body.contains("/exports/invoices.csv"))
            // upload: the due date column is not recognised, so the file has an error and cannot be imported
            let uploaded = try await web.upload(
                "/import", file: Self.csv, named: "facturas.csv",
                fields: [("kind", "invoices"), ("preset", "automatic"), ("locale", "es")])
            #expect(uploaded.status == .seeOther, "\(uploaded.body.prefix(500))")
            let previewPath = try #require(uploaded.location)
            let preview = try await web.get(previewPath)
            #expect(preview.status == .ok)
            #expect(preview.body.contains("Falta la columna due_date"), "\(preview.body)")
            #expect(preview.body.contains("<button class=\"primary\" disabled"))
            // change the mapping: "Fecha tope" (column 4) is the due date
            let fields =
                (0..<6).map { ("header_\($0)", ["Código", "Cliente", "Factura", "Fecha", "Fecha tope", "Valor"][$0]) }
                + [
                    ("map_0", "customer_code"), ("map_1", "customer_name"), ("map_2", "invoice_number"),
                    ("map_3", "issue_date"), ("map_4", "due_date"), ("map_5", "amount"),
                ]
            #expect(try await web.post(previewPath + "/mapping", fields).status == .seeOther)
            let clean = try await web.get(previewPath)
            #expect(!clean.body.contains("id=\"import-errors\""), "\(clean.body)")
            #expect(
                clean.body.contains("<button class=\"primary\" >")
                    || !clean.body.contains("<button class=\"primary\" disabled"))
            // import, then poll until done
            #expect(try await web.post(previewPath + "/commit", []).status == .seeOther)
            // (the suite runs many apps at once, so the import may wait its turn for a while)
            var state = ""
            for _ in 0..<600 {
                let progress = try await web.get(previewPath + "/progress")
                let json = try JSON(data: Data(progress.body.utf8))
                state = json["state"].string ?? ""
                if state == "done" || state == "failed" {
                    #expect(json["created"]["invoices"].int == 2, "\(json)")
                    break
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(state == "done")
            // another instance (no live progress in its memory) answers the poll from the database
            h.app.importJobs = ImportJobs()
            let elsewhere = try JSON(data: Data(try await web.get(previewPath + "/progress").body.utf8))
            #expect(elsewhere["state"].string == "done" && elsewhere["created"]["invoices"].int == 2, "\(elsewhere)")
            // and a second click imports nothing twice
            #expect(try await web.get(previewPath).status == .ok)
            let again = try await web.post(previewPath + "/commit", [])
            #expect(again.status == .seeOther, "\(again.body.prefix(300))")
            #expect(try await Invoice.query(on: h.app.db).count() == 2)
            let invoice = try #require(try await Invoice.query(on: h.app.db).filter(\.$number == "FE-2").first())
            #expect(invoice.totalMinor == 250_050 && invoice.dueDate == "2026-03-21")
            #expect(try await web.get(previewPath).body.contains("data-import-progress"))
            // the page's export answers CSV
            #expect(try await web.get("/exports/invoices.csv").body.contains("FE-2"))
        }
    }

    @Test func aViewerCannotUploadOrImport() async throws {
        try await TestHarness.run { h in
            let viewer = try await h.signedIn("consulta@empresa.co", role: .viewer)
            #expect(try await viewer.get("/import").status == .ok)
            let upload = try await viewer.upload(
                "/import", file: Self.csv, named: "f.csv", fields: [("kind", "invoices")])
            #expect(upload.status == .forbidden)
            #expect(try await viewer.post("/import/abc/commit", []).status == .forbidden)
            #expect(try await viewer.post("/import/abc/mapping", []).status == .forbidden)
            let key = try await h.apiKey(role: .viewer)
            let api = try await ImportFixtures.post(h, ImportPagesTests.csv, query: "kind=invoices", key: key)
            #expect(api.status == .forbidden)
            #expect(try await Invoice.query(on: h.app.db).count() == 0)
        }
    }
}

/// Which status a poll gets when the import runs elsewhere, or ran on a server that died.
@Suite struct ImportStatusResolutionTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func stored(_ state: ImportJobs.Status.State?, minutesAgo: Double) -> ImportUploads.Upload {
        ImportUploads.Upload(
            settings: ImportSettings(kind: .invoices), fileName: "f.csv", organisationID: UUID(),
            status: state.map { ImportJobs.Status(state: $0, done: 10, total: 20) },
            updatedAt: now.addingTimeInterval(-minutesAgo * 60))
    }

    static func resolve(_ stored: ImportUploads.Upload, live: ImportJobs.Status? = nil, singleInstance: Bool)
        -> ImportJobs.Status?
    {
        ImportJobs.resolve(
            live: live, stored: stored, singleInstance: singleInstance, now: now, interrupted: "interrupted")
    }

    @Test func liveProgressWinsOverTheStoredRow() {
        let live = ImportJobs.Status(state: .writing, done: 15, total: 20)
        #expect(Self.resolve(Self.stored(.checking, minutesAgo: 30), live: live, singleInstance: true) == live)
    }

    @Test func notStartedStaysNil() {
        #expect(Self.resolve(Self.stored(nil, minutesAgo: 0), singleInstance: false) == nil)
    }

    @Test func finishedRowsAreShownAsStored() {
        #expect(Self.resolve(Self.stored(.done, minutesAgo: 60), singleInstance: true)?.state == .done)
    }

    @Test func aRunningRowWithHeartbeatIsAnotherInstancesImport() {
        let status = Self.resolve(Self.stored(.writing, minutesAgo: 1), singleInstance: false)
        #expect(status?.state == .writing && status?.done == 10)
    }

    @Test func aSilentRunningRowWasInterrupted() {
        #expect(
            Self.resolve(Self.stored(.writing, minutesAgo: 11), singleInstance: false)
                == .init(state: .failed, message: "interrupted"))
        // one SQLite instance: not running here means not running anywhere
        #expect(Self.resolve(Self.stored(.checking, minutesAgo: 0), singleInstance: true)?.state == .failed)
    }
}
