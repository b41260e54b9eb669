import Foundation

@testable import CarteraApp

/// Follows every same-site link of the pages a signed-in person reaches, as they would by clicking,
/// a few pages per kind of path (ids collapsed), and checks each page's words with `PageWordChecks`.
struct PageCrawler {
    struct Problem: CustomStringConvertible {
        let url: String
        let what: String
        var description: String { "\(url) — \(what)" }
    }

    let client: WebClient
    let checks: PageWordChecks
    /// How many pages of one kind (`/customers/{id}`, `/invoices/{id}?tab=…`) are visited.
    var perPattern = 3
    var maxPages = 400

    private(set) var visited: [String] = []
    private(set) var problems: [Problem] = []

    init(client: WebClient, checks: PageWordChecks) {
        self.client = client
        self.checks = checks
    }

    /// `/customers/8c0e…/case-file?format=csv&x=1` → `/customers/{id}/case-file?format&x`: long
    /// random segments (ids, portal tokens) collapse, query values drop out.
    static func pattern(_ link: String) -> String {
        let parts = link.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts[0].split(separator: "/", omittingEmptySubsequences: false).map { segment in
            let text = String(segment)
            if UUID(uuidString: text) != nil { return "{id}" }
            if text.count >= 20 { return "{token}" }
            if !text.isEmpty, text.allSatisfy(\.isNumber) { return "{n}" }
            return text
        }.joined(separator: "/")
        guard parts.count == 2 else { return path }
        let keys = parts[1].split(separator: "&").map { String($0.prefix { $0 != "=" }) }.sorted()
        return path + "?" + keys.joined(separator: "&")
    }

    /// Pages where people are managed: their email addresses belong there.
    static func managesPeople(_ link: String) -> Bool {
        ["/users", "/account", "/settings/people", "/settings/api-keys"].contains { link.hasPrefix($0) }
    }

    mutating func crawl(from starts: [String], language: String) async throws {
        var queue = starts
        var seen = Set<String>()
        var perKind: [String: Int] = [:]
        while !queue.isEmpty, visited.count < maxPages {
            let link = queue.removeFirst()
            guard !seen.contains(link), !link.hasPrefix("/static/") else { continue }
            seen.insert(link)
            let kind = Self.pattern(link)
            guard perKind[kind, default: 0] < perPattern else { continue }
            perKind[kind, default: 0] += 1
            var reply = try await client.get(link)
            var hops = 0
            while (300..<400).contains(Int(reply.status.code)), let location = reply.location, hops < 3 {
                guard location.hasPrefix("/") else { break }
                reply = try await client.get(location)
                hops += 1
            }
            visited.append(link)
            guard reply.status == .ok else {
                problems.append(Problem(url: link, what: "answered \(reply.status.code): \(reply.body.prefix(200))"))
                continue
            }
            guard reply.headers.contentType?.subType == "html" else { continue }
            let words = VisibleText(html: reply.body)
            // A document in the customer's language (a message as they received it) says so in `<html lang>`.
            let declared = reply.body.firstMatch(of: #/<html lang="([a-z]{2})/#).map { String($0.1) } ?? language
            let parts = [(language: declared, pieces: words.pieces)] + words.quoted
            for part in parts {
                for finding in checks.findings(
                    in: part.pieces, language: part.language, allowsStaffEmails: Self.managesPeople(link))
                {
                    problems.append(Problem(url: link, what: finding.description))
                }
            }
            if declared != language && !link.hasPrefix("/messages/") {
                problems.append(Problem(url: link, what: "not in \(language)"))
            }
            queue.append(contentsOf: VisibleText.links(in: reply.body).filter { !seen.contains($0) })
        }
    }
}
