import CarteraCore

/// How to read one import file: what it holds, which known export it is, its language, and the
/// column assignments a person changed on the preview page.
struct ImportSettings: Sendable, Codable, Equatable {
    enum Preset: String, Sendable, Codable, CaseIterable {
        /// Header words in Spanish or English, recognised automatically.
        case automatic
        /// Cartera's own export (`/api/v1/exports/*.csv`).
        case generic
        case quickbooks
        case xero

        var mapping: ColumnMapping {
            switch self {
            case .automatic: .automatic
            case .generic: .generic
            case .quickbooks: .quickBooksARAgingDetail
            case .xero: .xeroAgedReceivables
            }
        }
    }

    var kind: ImportKind
    var preset: Preset = .automatic
    var locale: ImportLocale?
    /// Currency code of rows that name none; nil uses the organisation's.
    var currency: String?
    /// Column header → field raw value ("" ignores the column), applied over the preset.
    var overrides: [String: String] = [:]

    func mapping() -> ColumnMapping {
        var mapping = preset.mapping
        for (header, field) in overrides { mapping.assign(header, to: ImportField(rawValue: field)) }
        return mapping
    }

    func options(defaultCurrency: Currency) -> ImportOptions {
        ImportOptions(defaultCurrency: defaultCurrency, locale: locale)
    }

    /// Parses the textual options of the API, the CLI and the upload form; `field` names the bad one.
    static func parse(kind: String?, preset: String?, locale: String?, currency: String?) throws(ImportSettingsError)
        -> ImportSettings
    {
        guard let kind, let parsedKind = ImportKind(rawValue: kind.lowercased()) else {
            throw ImportSettingsError(field: "kind", message: "must be customers, contacts, invoices or payments")
        }
        var settings = ImportSettings(kind: parsedKind)
        if let preset, !preset.isEmpty {
            guard let parsed = Preset(rawValue: preset.lowercased()) else {
                throw ImportSettingsError(field: "preset", message: "must be automatic, generic, quickbooks or xero")
            }
            settings.preset = parsed
        }
        if let locale, !locale.isEmpty {
            guard let parsed = ImportLocale(rawValue: String(locale.lowercased().prefix(2))) else {
                throw ImportSettingsError(field: "locale", message: "must be es or en")
            }
            settings.locale = parsed
        }
        if let currency, !currency.isEmpty {
            guard (try? Currency(code: currency.uppercased())) != nil else {
                throw ImportSettingsError(
                    field: "currency", message: "\(currency) is not a supported ISO 4217 currency")
            }
            settings.currency = currency.uppercased()
        }
        return settings
    }
}

struct ImportSettingsError: Error {
    let field: String
    let message: String
}
