import CarteraCore

extension Organisation {
    /// The stored `locale` as the type; only supported identifiers are ever saved, so the fallback
    /// is for rows written by hand.
    var supportedLocale: SupportedLocale { SupportedLocale(identifier: locale) ?? .enUS }

    /// "es" or "en": what the organisation's own messages, tasks and new customers are written in.
    var language: String { supportedLocale.language.rawValue }
}
