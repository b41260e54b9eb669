/// Reader for IBM's public Watson Analytics sample "Accounts Receivable"
/// (WA_Fn-UseC_-Accounts-Receivable.csv): one paid invoice a row, US dates (M/D/YYYY), amounts
/// with up to two decimals. Used to measure the payment-date model on real payment behaviour.
public enum IBMReceivablesDataset {
    public static let header = [
        "countryCode", "customerID", "PaperlessDate", "invoiceNumber", "InvoiceDate", "DueDate",
        "InvoiceAmount", "Disputed", "SettledDate", "PaperlessBill", "DaysToSettle", "DaysLate",
    ]

    public struct Record: Sendable, Equatable {
        public let countryCode: String
        public let customerID: String
        public let invoiceNumber: String
        public let invoiceDate: LocalDate
        public let dueDate: LocalDate
        public let amount: Money
        public let disputed: Bool
        public let settledDate: LocalDate
        public let paperless: Bool

        public var settledInvoice: SettledInvoice {
            SettledInvoice(
                customer: customerID, invoiceDate: invoiceDate, dueDate: dueDate, settledOn: settledDate,
                disputed: disputed)
        }
    }

    /// The amounts' currency is not stated in the data; `currency` labels them.
    public static func parse(text: String, currency: Currency = .usd) throws -> [Record] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first, first.split(separator: ",").map(String.init) == header else {
            throw DomainError(
                code: "invalid_header", message: "Row 1: expected the columns \(header.joined(separator: ","))")
        }
        return try lines.dropFirst().enumerated().map { offset, line in
            let row = offset + 2
            do { return try record(line, currency: currency) } catch let error as DomainError {
                throw DomainError(code: error.code, field: error.field, message: "Row \(row): \(error.message)")
            }
        }
    }

    static func record(_ line: String, currency: Currency) throws -> Record {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == header.count else {
            throw DomainError(code: "invalid_row", message: "expected \(header.count) fields, found \(fields.count)")
        }
        return Record(
            countryCode: fields[0], customerID: fields[1], invoiceNumber: fields[3],
            invoiceDate: try usDate(fields[4], field: "InvoiceDate"), dueDate: try usDate(fields[5], field: "DueDate"),
            amount: try Money(decimalString: fields[6], currency: currency), disputed: try yesNo(fields[7]),
            settledDate: try usDate(fields[8], field: "SettledDate"), paperless: fields[9] == "Electronic")
    }

    /// "M/D/YYYY" with one- or two-digit month and day.
    static func usDate(_ text: String, field: String) throws -> LocalDate {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            let month = Int(parts[0]), let day = Int(parts[1]), let year = Int(parts[2]),
            let date = try? LocalDate(year: year, month: month, day: day)
        else {
            throw DomainError(
                code: "invalid_date", field: field, message: "\(field) \"\(text)\" is not a date as M/D/YYYY")
        }
        return date
    }

    static func yesNo(_ text: String) throws -> Bool {
        switch text {
        case "Yes": true
        case "No": false
        default:
            throw DomainError(
                code: "invalid_flag", field: "Disputed", message: "Disputed \"\(text)\" is neither Yes nor No")
        }
    }
}
