import CarteraCore

/// Short figures for charts, in the page's locale.
extension PageFormat {
    /// "$ 1,2 M" (es-CO), "$1.2M" (en-US): an axis or bar label, never a figure to pay.
    func abbreviated(_ amount: Money) -> String { amount.abbreviated(locale: composer.moneyLocale) }

    /// Tenths (of days) with the page's decimal mark: 518 → "51,8" in Spanish, "51.8" in English.
    func tenths(_ value: Int) -> String {
        MetricText.tenths(value).replacingOccurrences(of: ".", with: String(composer.moneyLocale.decimalMark))
    }

    /// The month's short name in the page's language: "mar".
    func monthName(_ month: Int) -> String {
        composer.localizer.text("date.month.\(month)", language: composer.language) ?? String(month)
    }

    /// "mar 2026".
    func month(_ day: LocalDate) -> String { "\(monthName(day.month)) \(day.year)" }
}
