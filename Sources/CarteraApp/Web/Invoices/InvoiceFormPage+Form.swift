import CarteraCore
import Vapor

extension InvoiceFormPage {
    /// The posted form under the API's wire keys; lines come as parallel lists, one entry per row.
    struct Form: Decodable {
        var customerId: String?
        var number: String?
        var issueDate: String?
        var dueDate: String?
        var paymentTerms: String?
        var discountPercent: String?
        var discountDays: String?
        var currency: String?
        var total: String?
        var notes: String?
        var status: String?
        var lineDescription: [String]?
        var lineQuantity: [String]?
        var lineUnitPrice: [String]?

        enum CodingKeys: String, CodingKey {
            case customerId = "customer_id", number, issueDate = "issue_date", dueDate = "due_date"
            case paymentTerms = "payment_terms", discountPercent = "discount_percent", discountDays = "discount_days"
            case currency, total, notes, status, lineDescription = "line_description", lineQuantity = "line_quantity"
            case lineUnitPrice = "line_unit_price"
        }

        /// The service's input, and for each line sent the form row it came from (empty rows are left out).
        func input(req: Request) async throws -> (invoice: InvoiceInput, rows: [Int]) {
            let decimal = try await req.typingDecimalMark()
            var lines: [InvoiceLineInput] = []
            var rows: [Int] = []
            let descriptions = lineDescription ?? []
            for row in descriptions.indices {
                let description = descriptions[row].trimmingCharacters(in: .whitespaces)
                let quantity = Self.at(lineQuantity, row)
                let price = Self.at(lineUnitPrice, row)
                guard !description.isEmpty || !price.isEmpty else { continue }
                func wire(_ typed: String, _ part: String) throws -> String {
                    do { return try TypedAmount.wireDecimal(typed, decimal: decimal) } catch {
                        throw InvoiceFormPage.lineError(
                            req, row: row, part: part,
                            .invalid(
                                "line_\(part)", code: error == .tooLarge ? "amount_too_large" : "invalid_amount",
                                "\(part) must be an amount like 1.500.000,50"))
                    }
                }
                lines.append(
                    InvoiceLineInput(
                        description: description, quantity: quantity.isEmpty ? "1" : try wire(quantity, "quantity"),
                        unitPrice: price.isEmpty ? nil : try wire(price, "unit_price")))
                rows.append(row)
            }
            let id = try customerId.flatMap { text -> UUID? in
                guard !text.isEmpty else { return nil }
                guard let id = UUID(uuidString: text) else {
                    throw ServiceError.invalid("customer_id", code: "unknown_customer", "Choose a customer")
                }
                return id
            }
            return (
                InvoiceInput(
                    customerId: id, number: number ?? "", issueDate: Self.nonEmpty(issueDate),
                    dueDate: Self.nonEmpty(dueDate), paymentTerms: try terms(), currency: Self.nonEmpty(currency),
                    total: lines.isEmpty ? Self.nonEmpty(total) : nil, lines: lines.isEmpty ? nil : lines,
                    externalReference: nil, notes: notes ?? "", status: status == "draft" ? "draft" : "open"),
                rows
            )
        }

        /// The chosen terms with the early-payment discount typed next to them: "2" % within "10" days
        /// on "net30" is "2/10 net30".
        func terms() throws -> String? {
            guard let chosen = Self.nonEmpty(paymentTerms) else { return nil }
            let percent = (discountPercent ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(
                of: ",", with: ".")
            let days = (discountDays ?? "").trimmingCharacters(in: .whitespaces)
            guard !percent.isEmpty || !days.isEmpty else { return chosen }
            guard let base = try? PaymentTerms(code: chosen), base.discount == nil else {
                throw ServiceError.invalid(
                    "discount_percent", code: "invalid_terms", "These terms already carry a discount")
            }
            guard !percent.isEmpty else { throw ServiceError.missing("discount_percent") }
            guard !days.isEmpty else { throw ServiceError.missing("discount_days") }
            return "\(percent)/\(days) \(base.code)"
        }

        private static func at(_ list: [String]?, _ index: Int) -> String {
            guard let list, list.indices.contains(index) else { return "" }
            return list[index].trimmingCharacters(in: .whitespaces)
        }

        private static func nonEmpty(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
    }
}
