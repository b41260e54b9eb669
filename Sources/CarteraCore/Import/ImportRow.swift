/// One data record being read into a typed row: typed access to its cells that records every
/// problem and carries on, so one pass reports all of a row's errors.
struct ImportRow {
    let record: CSVRecords.Record
    let header: ImportHeader
    let conventions: ImportConventions
    let defaultCurrency: Currency
    /// The customer named by the group heading above, for reports grouped by customer.
    let groupCustomer: String?
    private(set) var errors: [ImportRowError] = []

    init(
        _ record: CSVRecords.Record, header: ImportHeader, conventions: ImportConventions, defaultCurrency: Currency,
        groupCustomer: String?
    ) {
        self.record = record
        self.header = header
        self.conventions = conventions
        self.defaultCurrency = defaultCurrency
        self.groupCustomer = groupCustomer
    }

    var line: Int { record.line }

    /// The trimmed cell, nil when empty or when the file has no such column. A leading "'" that
    /// `CSVWriter` put before "=", "+", "-" or "@" is taken off again.
    func text(_ field: ImportField) -> String? {
        guard let index = header.indices[field], index < record.fields.count else {
            return field == .customerName ? groupCustomer : nil
        }
        var value = StatementText.trim(record.fields[index])
        if value.count > 1, value.first == "'", let second = value.dropFirst().first, "=+-@".contains(second) {
            value.removeFirst()
        }
        return value.isEmpty ? nil : value
    }

    mutating func fail(_ field: ImportField?, _ code: ImportErrorCode) {
        errors.append(ImportRowError(line: line, column: field.flatMap(header.header(of:)), field: field, code: code))
    }

    mutating func required(_ field: ImportField) -> String? {
        let value = text(field)
        if value == nil { fail(field, .missingValue) }
        return value
    }

    /// The customer's code and name; at least one is required.
    mutating func customer() -> (code: String?, name: String?) {
        let code = text(.customerCode)
        let name = text(.customerName)
        if code == nil && name == nil {
            fail(header.indices[.customerCode] != nil ? .customerCode : .customerName, .missingValue)
        }
        return (code, name)
    }

    mutating func date(_ field: ImportField, required: Bool) -> LocalDate? {
        guard let value = required ? self.required(field) : text(field) else { return nil }
        switch DateText.read(value, order: conventions.dateOrder) {
        case .date(let date): return date
        case .ambiguous: fail(field, .ambiguousDate(value))
        case .invalid: fail(field, .badDate(value))
        }
        return nil
    }

    /// The row's currency, or the default when the row names none; nil after reporting an unknown code.
    mutating func currency() -> Currency? {
        guard let code = text(.currency) else { return defaultCurrency }
        guard let currency = try? Currency(code: code) else {
            fail(.currency, .unknownCurrency(code))
            return nil
        }
        return currency
    }

    /// An amount in `currency`; nil currency (already reported unknown) skips reading it.
    mutating func money(_ field: ImportField, currency: Currency?, required: Bool) -> Money? {
        guard let value = required ? self.required(field) : text(field), let currency else { return nil }
        do {
            return try ImportAmount.parse(value, currency: currency, decimal: conventions.decimalMark)
        } catch .ambiguous {
            fail(field, .ambiguousNumber(value))
        } catch .tooManyDecimals {
            fail(field, .tooManyDecimals(value, allowed: currency.minorUnitExponent))
        } catch .tooLarge {
            fail(field, .amountTooLarge(value))
        } catch {
            fail(field, .badNumber(value))
        }
        return nil
    }

    /// An amount that must be above zero.
    mutating func positiveMoney(_ field: ImportField, currency: Currency?) -> Money? {
        guard let amount = money(field, currency: currency, required: true) else { return nil }
        if amount.isNegative { fail(field, .negativeAmount) } else if amount.isZero { fail(field, .zeroAmount) }
        return amount
    }

    /// An address as strict as the API's (`EmailAddress`): a phone number in the email column, or
    /// anything that could steer a message, is refused.
    mutating func email() -> String? {
        guard let value = text(.email) else { return nil }
        guard EmailAddress.isValid(value) else {
            fail(.email, .badEmail(value))
            return nil
        }
        return value
    }
}
