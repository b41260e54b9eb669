import Foundation
import Testing

@testable import CarteraApp

/// `AppURL` renders exactly the paths the routes answer, with query values percent-encoded.
@Suite struct AppURLTests {
    let id = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!

    @Test("paths are the routes' paths, ids as the templates printed them")
    func pathsMatchTheRoutes() {
        #expect(AppURL.customer(id) == "/customers/6F9619FF-8B86-D011-B42D-00C04FC964FF")
        #expect(AppURL.customerForm(id, .portalLink) == "/customers/6F9619FF-8B86-D011-B42D-00C04FC964FF/portal-links")
        #expect(
            AppURL.customerCaseFile(id, format: "csv")
                == "/customers/6F9619FF-8B86-D011-B42D-00C04FC964FF/case-file?format=csv")
        #expect(AppURL.invoiceWriteOff(id) == "/invoices/6F9619FF-8B86-D011-B42D-00C04FC964FF/write-off")
        #expect(
            AppURL.portalPay("pt_a-b_c", invoice: id) == "/portal/pt_a-b_c/pay/6F9619FF-8B86-D011-B42D-00C04FC964FF")
        #expect(AppURL.static("app.css") == "/static/app.css")
        #expect(AppURL.worklist(scope: "mine") == "/worklist?scope=mine")
    }

    @Test("query values are percent-encoded; unreserved characters stay")
    func queryValuesAreEncoded() {
        #expect(AppURL.signIn(next: "/worklist?scope=all") == "/login?next=%2Fworklist%3Fscope%3Dall")
        #expect(
            AppURL.customers(q: "Ana María & Cía", page: 2) == "/customers?q=Ana%20Mar%C3%ADa%20%26%20C%C3%ADa&page=2")
        #expect(
            AppURL.reportCollectionCSV(from: "2026-02-01", to: "2026-02-28", withinDays: 14)
                == "/reports/collection.csv?from=2026-02-01&to=2026-02-28&within_days=14")
        #expect(AppURL.audit(page: 3, action: "invoice.", actor: "a/b") == "/audit?page=3&action=invoice.&actor=a%2Fb")
    }

    @Test("a path segment cannot add segments or a query")
    func segmentsAreEncoded() {
        #expect(AppURL.portal("x/../y?z") == "/portal/x%2F..%2Fy%3Fz")
    }
}
