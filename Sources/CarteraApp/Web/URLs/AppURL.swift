import Foundation

/// Every path the app links or redirects to, built in one place so a template or a handler never
/// spells one out: `AppURL.customer(id)`, `AppURL.worklist(scope: "mine")`, `AppURL.static("app.css")`.
/// Each function returns the site-relative path exactly as the routes in `routes.swift` expect it;
/// query values are percent-encoded here, so callers pass them as typed.
enum AppURL {
    static let home = "/"
    static let worklist = "/worklist"
    static let customers = "/customers"
    static let reconciliation = "/reconciliation"
    static let forecast = "/forecast"
    static let forecastCSV = "/forecast.csv"
    static let reports = "/reports"
    static let imports = "/import"
    static let audit = "/audit"
    /// The people page's old address: it redirects to `AppURL.people`.
    static let users = "/users"

    static func worklist(scope: String) -> String { worklist + query(["scope": scope]) }
    /// A scope tab that keeps the filters chosen.
    static func worklist(scope: String, tag: String?, currency: String?, calls: String?, page: Int? = nil) -> String {
        worklist
            + query([
                "scope": scope, "tag": tag ?? "", "currency": currency ?? "", "calls": calls ?? "",
                "page": page.map(String.init) ?? "",
            ])
    }
    /// The worklist's bulk forms, at the API's paths under `/api/v1`.
    static let worklistAssign = "/worklist/assign"
    static let worklistStatements = "/worklist/statements"

    /// A file under `Resources/Public/static`, e.g. `static("app.css")`.
    static func `static`(_ file: String) -> String { "/static/\(file)" }

    /// `/segment/segment…`, each segment percent-encoded as a path segment.
    static func path(_ segments: any CustomStringConvertible...) -> String {
        "/"
            + segments.map { "\($0)".addingPercentEncoding(withAllowedCharacters: pathSegment) ?? "" }.joined(
                separator: "/")
    }

    /// `?name=value&…` in the order given, values percent-encoded (RFC 3986 unreserved characters stay as they are).
    static func query(_ pairs: KeyValuePairs<String, String>) -> String {
        "?" + pairs.map { "\($0.key)=\(encoded($0.value))" }.joined(separator: "&")
    }

    static func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    private static let pathSegment = unreserved
}
