import Foundation

/// Where a posted letter goes (or comes from), as the lines written on the envelope: the street, then the
/// postal code with the city, the region, the country. Each part is optional; a letter can be posted only
/// when it names at least a street and a city (`isMailable`), otherwise the post cannot deliver it.
public struct PostalAddress: Sendable, Equatable {
    public let line: String
    public let city: String
    public let region: String
    public let postalCode: String
    public let country: String

    public init(line: String?, city: String?, region: String?, postalCode: String?, country: String?) {
        func clean(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        self.line = clean(line)
        self.city = clean(city)
        self.region = clean(region)
        self.postalCode = clean(postalCode)
        self.country = clean(country)
    }

    /// A street and a city: the least the post needs.
    public var isMailable: Bool { !line.isEmpty && !city.isEmpty }

    public var isEmpty: Bool { [line, city, region, postalCode, country].allSatisfy(\.isEmpty) }

    /// "Calle 93 # 11-26, oficina 402" / "110221 Bogotá" / "Cundinamarca" / "Colombia": empty parts left out,
    /// the region left out when it repeats the city (Bogotá, D.C.; Madrid, Madrid).
    public var lines: [String] {
        let cityLine = [postalCode, city].filter { !$0.isEmpty }.joined(separator: " ")
        let repeatsCity =
            !city.isEmpty
            && region.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .hasPrefix(city.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
        return [line, cityLine, repeatsCity ? "" : region, country].filter { !$0.isEmpty }
    }
}
