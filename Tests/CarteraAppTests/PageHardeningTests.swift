import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import CarteraApp

/// What every response says about itself, who may read the metrics, the upload form from a real
/// HTTP connection, and unknown addresses.
@Suite struct PageHardeningTests {
    func fetch(_ h: TestHarness, _ path: String, cookie: String? = nil, accept: String? = nil) async throws
        -> TestingHTTPResponse
    {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        if let accept { headers.add(name: .accept, value: accept) }
        headers.add(name: .host, value: "localhost")
        return try await h.app.testing().sendRequest(.GET, path, headers: headers)
    }

    @Test("security headers present on every page")
    func securityHeadersOnEveryPage() async throws {
        try await TestHarness.run { h in
            let customer = try await h.createCustomer()
            let invoice = try await h.createInvoice(customer: customer, number: "F-1", total: "100.00")
            let link = try #require(
                try await h.post("/api/v1/customers/\(customer)/portal-links", [:]).json["url"].string)
            let portal = String(link.dropFirst("http://127.0.0.1:8080".count))
            let admin = try await h.signedIn("jefe@empresa.co", role: .admin)
            let cookie = try #require(admin.cookie)
            let staffPages = [
                "/", "/worklist", "/customers", "/customers/\(customer)", "/invoices/\(invoice["id"].string ?? "")",
                "/audit", "/settings/people",
                "/reconciliation", "/forecast", "/reports", "/import", "/account/password", "/no-existe",
            ]
            var checked: [(String, TestingHTTPResponse, Bool)] = []
            for path in staffPages {
                checked.append((path, try await fetch(h, path, cookie: cookie, accept: "text/html"), false))
            }
            for path in [
                "/login", "/no-existe", "/static/app.js", "/static/app.css", "/health", "/metrics", "/api/v1/customers",
                "/api/v1/no-existe",
            ] {
                checked.append((path, try await fetch(h, path, accept: "text/html"), false))
            }
            checked.append((portal, try await fetch(h, portal, accept: "text/html"), true))
            for (path, reply, isPortal) in checked {
                let policy = reply.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(policy.contains("frame-ancestors 'none'"), "\(path): \(policy)")
                #expect(
                    !policy.contains("script-src") || !policy.contains("'unsafe-inline'") || path.hasPrefix("/api/"),
                    "\(path): \(policy)")
                #expect(reply.headers.first(name: "X-Frame-Options") == "DENY", "\(path)")
                #expect(reply.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(
                    reply.headers.first(name: "Referrer-Policy") == (isPortal ? "no-referrer" : "same-origin"),
                    "\(path)")
                #expect(reply.headers.first(name: "Strict-Transport-Security") == nil, "\(path): no HSTS over http")
                // no inline script in any page, so the policy can forbid it
                let body = String(buffer: reply.body)
                if reply.headers.contentType == .html {
                    #expect(body.contains("<html"), "\(path) is a page (\(reply.status))")
                    #expect(!body.contains(/<script(?![^>]*\ssrc=)/), "\(path) has an inline script")
                    #expect(!body.contains(/\son[a-z]+\s*=/), "\(path) has an inline event handler")
                }
            }
            #expect(checked.filter { $0.1.status == .ok }.count >= 15)
        }
        // with an https public address, HSTS too
        try await TestHarness.run(adjust: { $0.web.publicURL = "https://cobranza.example.co" }) { h in
            let reply = try await fetch(h, "/login")
            #expect(reply.headers.first(name: "Strict-Transport-Security") == "max-age=31536000")
        }
    }

    @Test("no template has an inline script or event handler")
    func templatesHaveNoInlineScript() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/CarteraApp/Resources/Views")
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)).compactMap {
            $0 as? URL
        }
        .filter { $0.pathExtension == "leaf" }
        #expect(files.count >= 15)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains(/<script(?![^>]*\ssrc=)/), "\(file.lastPathComponent)")
            #expect(!text.contains(/\son[a-z]+\s*=/), "\(file.lastPathComponent)")
            #expect(!text.contains("javascript:"), "\(file.lastPathComponent)")
        }
    }

    @Test("unknown URL: an HTML 404 page for a browser, JSON under /api")
    func unknownAddresses() async throws {
        try await TestHarness.run { h in
            let page = try await fetch(h, "/no-existe", accept: "text/html,application/xhtml+xml;q=0.9")
            #expect(page.status == .notFound)
            #expect(page.headers.contentType == .html)
            let body = String(buffer: page.body)
            #expect(
                body.contains("id=\"error-message\"") && body.contains("Página no encontrada"), "\(body.prefix(300))")
            var english = HTTPHeaders()
            english.add(name: .accept, value: "text/html")
            english.add(name: .acceptLanguage, value: "en")
            let inEnglish = String(
                buffer: try await h.app.testing().sendRequest(.GET, "/nothing/here", headers: english).body)
            #expect(inEnglish.contains("There is no page at this address") && inEnglish.contains("lang=\"en\""))
            // the API, and clients that do not ask for HTML, get the JSON error
            for (path, accept) in [
                ("/api/v1/no-existe", "text/html"), ("/api/v1/customers/\(UUID())/nada", "text/html"),
                ("/no-existe", "application/json"),
            ] {
                let reply = try await fetch(h, path, accept: accept)
                #expect(reply.status == .notFound, "\(path)")
                #expect(reply.headers.contentType == .json, "\(path)")
                #expect(
                    try JSON(data: Data(buffer: reply.body))["error"]["code"].string == "route_not_found", "\(path)")
            }
        }
    }

    @Test("metrics refused from a non-loopback client without a token")
    func metricsAnswerOnlyLoopbackWithoutAToken() async throws {
        // the decision
        let outside = try SocketAddress(ipAddress: "203.0.113.7", port: 40_000)
        let loopback = try SocketAddress(ipAddress: "127.0.0.1", port: 40_000)
        let loopback6 = try SocketAddress(ipAddress: "::1", port: 40_000)
        #expect(!MetricsAccess.allows(remote: outside, headers: [:], token: nil))
        #expect(!MetricsAccess.allows(remote: nil, headers: [:], token: nil))
        #expect(MetricsAccess.allows(remote: loopback, headers: [:], token: nil))
        #expect(MetricsAccess.allows(remote: loopback6, headers: [:], token: nil))
        #expect(
            !MetricsAccess.allows(remote: loopback, headers: ["X-Forwarded-For": "198.51.100.4"], token: nil),
            "a proxy on this machine relays outsiders")
        #expect(MetricsAccess.allows(remote: outside, headers: ["Authorization": "Bearer s3creto"], token: "s3creto"))
        #expect(!MetricsAccess.allows(remote: loopback, headers: ["Authorization": "Bearer otro"], token: "s3creto"))
        #expect(!MetricsAccess.allows(remote: loopback, headers: [:], token: "s3creto"))
        // and the route, for a request from outside and one from this machine
        try await TestHarness.run { h in
            _ = try h.app.testing()
            let request = Request(
                application: h.app, method: .GET, url: URI(path: "/metrics"), remoteAddress: outside,
                on: h.app.eventLoopGroup.next())
            let refused = try await h.app.responder.respond(to: request).get()
            #expect(refused.status == .forbidden)
            #expect(!(refused.body.string ?? "").contains("http_requests_total"))
            let local = try await h.app.testing(method: .running(hostname: "127.0.0.1", port: 0)).sendRequest(
                .GET, "/metrics")
            #expect(local.status == .ok && String(buffer: local.body).contains("# TYPE"))
        }
    }

    @Test("the import page upload is accepted with a valid CSRF token (multipart, over a real connection)")
    func importUploadFromARealConnection() async throws {
        try await TestHarness.run { h in
            let web = try await h.signedIn("gestor@empresa.co", role: .collector)
            try await web.get("/import")
            let token = try #require(web.csrfToken)
            let cookie = try #require(web.cookie)
            // a file large enough to arrive in pieces, as a browser's upload does
            let rows = (1...6_000).map { "C-\($0);Cliente \($0) S.A.S.;FE-\($0);15/01/2026;14/02/2026;1.190.000,00" }
            let csv = "Código;Cliente;Factura;Fecha;Vencimiento;Valor\n" + rows.joined(separator: "\n") + "\n"
            func upload(_ csrf: String?) async throws -> TestingHTTPResponse {
                let boundary = "----cartera\(UUID().uuidString)"
                var body = ""
                for (name, value) in (csrf.map { [("_csrf", $0)] } ?? []) + [
                    ("kind", "invoices"), ("preset", "automatic"), ("locale", "es"),
                ] {
                    body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
                }
                body +=
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"facturas.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
                var headers = HTTPHeaders()
                headers.add(name: .cookie, value: cookie)
                headers.add(name: .host, value: "localhost")
                headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                return try await h.app.testing(method: .running(hostname: "127.0.0.1", port: 0)).sendRequest(
                    .POST, "/import", headers: headers, body: ByteBuffer(string: body))
            }
            #expect(csv.utf8.count > 300_000)
            let accepted = try await upload(token)
            // (the client follows the redirect to the preview, as a browser does)
            #expect(
                accepted.status == .seeOther || accepted.status == .ok, "\(String(buffer: accepted.body).prefix(300))")
            #expect(String(buffer: accepted.body).contains("csrf_invalid") == false)
            #expect(try await ImportUpload.query(on: h.app.db).count() == 1)
            // and without the token, or with another, the same upload is refused
            #expect(try await upload(nil).status == .forbidden)
            #expect(try await upload("AAAA").status == .forbidden)
            #expect(try await ImportUpload.query(on: h.app.db).count() == 1)
        }
    }
}
