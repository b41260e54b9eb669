import CarteraCore

/// An amount a customer types on the portal: read as every form reads amounts (`TypedAmount`), and
/// never more than the portal accepts from one customer.
enum PortalAmount {
    typealias Failure = TypedAmount.Failure

    /// - Parameter decimal: the reader's decimal mark ("," in es-CO).
    static func parse(_ raw: String, currency: Currency, decimal: Character) throws(Failure) -> Money {
        guard raw.count <= PortalLimits.amountLength else { throw .notAnAmount }
        let amount = try TypedAmount.parse(raw, currency: currency, decimal: decimal)
        guard amount.minorUnits <= PortalLimits.maximumAmountMinorUnits else { throw .tooLarge }
        return amount
    }
}
