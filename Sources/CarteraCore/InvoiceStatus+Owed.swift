extension InvoiceStatus {
    /// The statuses of an invoice the customer still owes money on: issued and not yet settled.
    /// Every "is it still owed?" question—Fluent filter, raw SQL, or a check in code—asks this list,
    /// so a new status only has to be placed here.
    public static let owed: [InvoiceStatus] = allCases.filter(\.isOwed)

    public var isOwed: Bool {
        switch self {
        case .open, .partiallyPaid: true
        case .draft, .paid, .void, .writtenOff: false
        }
    }
}
