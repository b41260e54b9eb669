import Foundation
import Vapor

/// What a refused form gets back on the page it came from: what was typed, and the reason next to the
/// field at fault, in the reader's language. Kept in the session for exactly one page view, like the
/// flash; templates read it under the form's name: `layout.forms.<name>.values.<field>`,
/// `layout.forms.<name>.errors.<field>` (missing is empty, so a clean form needs no `#if`).
struct FormMemory: Codable {
    /// The form's `_form` field, so a page with several forms fills only the one that was posted.
    var name: String
    var values: [String: String]
    var errors: [String: String]
    /// Every ticked value of a field posted more than once (checkboxes: `invoiceIds`).
    var lists: [String: [String]]

    /// Fields never given back: the CSRF token and anything secret.
    private static func isKept(_ field: String) -> Bool {
        field != "_csrf" && field != "_form" && !field.lowercased().contains("password")
    }

    /// A value longer than this is cut: the session row is no place for a novel.
    private static let valueLimit = 4_000

    /// The posted form body (`application/x-www-form-urlencoded`), or nil for uploads and JSON.
    init?(request: Request) {
        guard let posted = PostedForm(request) else { return nil }
        var values: [String: String] = [:]
        var lists: [String: [String]] = [:]
        var name = ""
        for posted in posted.fields where !posted.name.isEmpty {
            let value = String((posted.value ?? "").prefix(Self.valueLimit))
            let key = posted.name
            let field = key.hasSuffix("[]") ? String(key.dropLast(2)) : key
            if field == "_form" { name = value }
            guard Self.isKept(field) else { continue }
            if values[field] == nil { values[field] = value }
            lists[field, default: []].append(value)
        }
        self.init(name: name, values: values, errors: [:], lists: lists)
    }

    init(name: String, values: [String: String], errors: [String: String], lists: [String: [String]]) {
        self.name = name
        self.values = values
        self.errors = errors
        self.lists = lists
    }

    /// The form field a service's error names: services name the API's snake_case keys
    /// (`promised_on`, `invoice_ids[2]`), forms post the inputs' own names (`promisedOn`, `invoiceIds[]`).
    static func formField(_ wireKey: String) -> String {
        let key = wireKey.split(separator: "[", maxSplits: 1).first.map(String.init) ?? wireKey
        let words = key.split(separator: "_")
        guard let first = words.first else { return key }
        return String(first) + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

extension Session {
    private static let formKey = "form"

    /// Keeps a refused form for the next page.
    func remember(_ form: FormMemory) {
        guard let data = try? JSONEncoder().encode(form) else { return }
        self.data[Self.formKey] = String(decoding: data, as: UTF8.self)
    }

    /// The refused form, once: the page after shows it, the one after that is clean again.
    func takeForm() -> FormMemory? {
        guard let text = data[Self.formKey] else { return nil }
        data[Self.formKey] = nil
        return try? JSONDecoder().decode(FormMemory.self, from: Data(text.utf8))
    }
}
