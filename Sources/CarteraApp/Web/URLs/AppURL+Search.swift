import Foundation

/// The search page, which the search box in the top bar of every page submits to.
extension AppURL {
    static let search = "/search"

    static func search(q: String) -> String { search + query(["q": q]) }
}

/// The customer list with its filters, sort and page, so every link of the list keeps them.
extension AppURL {
    static func customers(_ filters: CustomerListing.Filters) -> String {
        let pairs: [(String, String?)] = [
            ("q", filters.q), ("collector", filters.collector), ("tag", filters.tag), ("risk", filters.risk),
            ("currency", filters.currency), ("calls", filters.calls), ("sort", filters.sort), ("dir", filters.dir),
            ("page", filters.page.map(String.init)),
        ]
        let present = pairs.compactMap { key, value in value.flatMap { $0.isEmpty ? nil : "\(key)=\(encoded($0))" } }
        return present.isEmpty ? customers : customers + "?" + present.joined(separator: "&")
    }
}
