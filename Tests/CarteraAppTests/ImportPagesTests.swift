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
            #expect(form.status == .ok && form.body.contains("id=\"import-upload\"") && form.body.contains("/exports/invoices.csv"))
            // upload: the due date column is not recognised, so the file has an error and cannot be imported
            let uploaded = try await web.upload("/import", file: Self.csv, named: "facturas.csv", fields: [("kind", "invoices"), ("preset", "automatic"), ("locale", "es")])
            #expect(uploaded.status == .seeOther, "\(uploaded.body.prefix(500))")
            let previewPath = try #require(uploaded.location)
            let preview = try await web.get(previewPath)
            #expect(preview.status == .ok)
            #expect(preview.body.contains("Falta la columna due_date"), "\(preview.body)")
            #expect(preview.body.contains("<button class=\"primary\" disabled"))
            // change the mapping: "Fecha tope" (column 4) is the due date
            let fields = (0..<6).map { ("header_\($0)", ["Código", "Cliente", "Factura", "Fecha", "Fecha tope", "Valor"][$0]) }
                + [("map_0", "customer_code"), ("map_1", "customer_name"), ("map_2", "invoice_number"), ("map_3", "issue_date"), ("map_4", "due_date"), ("map_5", "amount")]
            #expect(try await web.post(previewPath + "/mapping", fields).status == .seeOther)
            let clean = try await web.get(previewPath)
            #expect(!clean.body.contains("id=\"import-errors\""), "\(clean.body)")
            #expect(clean.body.contains("<button class=\"primary\" >") || !clean.body.contains("<button class=\"primary\" disabled"))
            // import, then poll until done
            #expect(try await web.post(previewPath + "/commit", []).status == .seeOther)
            var state = ""
            for _ in 0..<100 {
                let progress = try await web.get(previewPath + "/progress")
                let json = try JSON(data: Data(progress.body.utf8))
                state = json["state"].string ?? ""
                if state == "done" || state == "failed" {
                    #expect(json["created"]["invoices"].int == 2, "\(json)")
                    break
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(state == "done")
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
            let upload = try await viewer.upload("/import", file: Self.csv, named: "f.csv", fields: [("kind", "invoices")])
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
