import Fluent
import Foundation

public final class InvoiceLine: Model, @unchecked Sendable {
    public static let schema = "invoice_lines"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "invoice_id") public var invoice: Invoice
    @Field(key: "position") public var position: Int
    @Field(key: "description") public var description: String
    /// Quantity in thousandths, so "1.5" units is 1500 and no float is involved.
    @Field(key: "quantity_milli") public var quantityMilli: Int64
    @Field(key: "unit_price_minor") public var unitPriceMinor: Int64
    @Field(key: "amount_minor") public var amountMinor: Int64

    public init() {}
}
