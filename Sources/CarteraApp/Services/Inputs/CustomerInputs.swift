import Foundation

// What a customer is created, changed or listed with.
// Owned by the services: the API decodes them from its JSON or query string (its wire keys); pages and jobs build them.

/// Body of POST (all required fields) and PATCH (any subset) on customers.
struct CustomerInput: Codable, Sendable {
    var legalName: String?
    var taxId: String?
    /// "nit", "rut", "rfc", "nif" or "other" (not checked); missing means the organisation's usual
    /// kind (`TaxID.Kind.usual(for:)`: NIT for es-CO, RUT for es-CL, RFC for es-MX, NIF for es-ES).
    var taxIdKind: String?
    var paymentTerms: String?
    var currency: String?
    var creditLimit: String?
    var language: String?
    var notes: String?
    var tags: [String]?
    var doNotContact: Bool?
    /// Reminder kinds this customer does not get, e.g. ["before_due"].
    var remindersOff: [String]?
    /// A policy id, or "default" to follow the organisation's.
    var collectionPolicyId: String?
    /// Postal address: street and number, city, region (departamento, estado, provincia), postal code, country.
    var addressLine: String?
    var city: String?
    var region: String?
    var postalCode: String?
    var country: String?
    /// Whose contact rules apply ("colombia", "chile", "mexico", "spain", "other") and the customer's
    /// IANA time zone; empty follows the organisation's country and zone.
    var jurisdiction: String?
    var timeZone: String?
    /// On creation only: the collector who works the account (later changes go through `assign`).
    var assignedUserId: UUID?
}

/// Query string; URL decoding has no key conversion, hence the explicit keys.
struct CustomerListQuery: Codable, Sendable {
    var page: Int?
    var perPage: Int?
    var q: String?
    var tag: String?
    enum CodingKeys: String, CodingKey { case page, perPage = "per_page", q, tag }
}
