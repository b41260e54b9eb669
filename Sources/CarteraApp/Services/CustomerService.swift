import CarteraCore
import Fluent
import Foundation

enum CustomerService {
    static func create(_ input: CustomerInput, in context: ServiceContext) async throws -> Customer {
        let customer = Customer()
        customer.organisationID = context.organisationID
        customer.legalName = try FieldParser.text(input.legalName, "legal_name", maxLength: 200)
        customer.paymentTerms = try FieldParser.terms(input.paymentTerms ?? "net30", "payment_terms").code
        customer.currency = try FieldParser.currency(input.currency ?? context.organisation.defaultCurrency, "currency")
            .code
        customer.language = try FieldParser.language(input.language ?? context.organisation.language, "language")
        customer.taxID = try taxID(input.taxId, kind: input.taxIdKind, in: context)
        try setAddress(of: customer, from: input)
        try setContactRules(of: customer, from: input)
        customer.notes = try FieldParser.optionalText(input.notes, "notes") ?? ""
        customer.tags = try tags(input.tags ?? [])
        customer.creditLimitMinor = try creditLimit(input.creditLimit, currency: customer.currency)
        customer.doNotContact = input.doNotContact ?? false
        customer.reminderKindsOff = try reminderKinds(input.remindersOff ?? [], field: "reminders_off")
        customer.bankAccounts = ""
        if let value = input.collectionPolicyId, value != "default" {
            customer.collectionPolicyID = try await policyID(value, in: context)
        }
        if let userID = input.assignedUserId {
            try await ensureCollector(userID, in: context)
            customer.assignedUserID = userID
        }
        return try await context.transaction { tx in
            // Inside the write transaction, so no other new customer can take the same reference meanwhile.
            customer.paymentReference = try await PaymentReferences.unusedCustomerReference(
                organisationID: tx.organisationID, on: tx.db)
            try await customer.create(on: tx.db)
            try await AuditLog.record(
                "customer.created", entityType: "customer", entityID: try customer.requireID(),
                details: ["legal_name": customer.legalName], in: tx)
            return customer
        }
    }

    static func update(_ customer: Customer, with input: CustomerInput, in context: ServiceContext) async throws
        -> Customer
    {
        var changes: [String: String] = [:]
        if let value = input.legalName {
            customer.legalName = try FieldParser.text(value, "legal_name", maxLength: 200)
            changes["legal_name"] = customer.legalName
        }
        if let value = input.paymentTerms {
            customer.paymentTerms = try FieldParser.terms(value, "payment_terms").code
            changes["payment_terms"] = customer.paymentTerms
        }
        if let value = input.language {
            customer.language = try FieldParser.language(value, "language")
            changes["language"] = customer.language
        }
        if let value = input.notes {
            customer.notes = try FieldParser.optionalText(value, "notes") ?? ""
            changes["notes"] = "changed"
        }
        if let value = input.tags {
            customer.tags = try tags(value)
            changes["tags"] = customer.tags.joined(separator: ",")
        }
        if let value = input.doNotContact {
            customer.doNotContact = value
            changes["do_not_contact"] = String(value)
        }
        if let value = input.remindersOff {
            customer.reminderKindsOff = try reminderKinds(value, field: "reminders_off")
            changes["reminders_off"] = customer.reminderKindsOff
        }
        if let value = input.collectionPolicyId {
            customer.collectionPolicyID = value == "default" ? nil : try await policyID(value, in: context)
            changes["collection_policy_id"] = value
        }
        if input.taxId != nil {
            customer.taxID = try taxID(input.taxId, kind: input.taxIdKind, in: context)
            changes["tax_id"] = customer.taxID ?? ""
        }
        if try setAddress(of: customer, from: input) { changes["address"] = "changed" }
        if try setContactRules(of: customer, from: input) {
            changes["jurisdiction"] = customer.jurisdiction ?? ""
            changes["time_zone"] = customer.timeZone ?? ""
        }
        if let value = input.currency {
            let currency = try FieldParser.currency(value, "currency").code
            if currency != customer.currency, customer.creditLimitMinor != nil, input.creditLimit == nil {
                throw ServiceError.invalid(
                    "credit_limit", "Changing the currency needs a new credit_limit in that currency")
            }
            customer.currency = currency
            changes["currency"] = currency
        }
        if let value = input.creditLimit {
            customer.creditLimitMinor = try creditLimit(value, currency: customer.currency)
            changes["credit_limit"] = value
        }
        let recordedChanges = changes
        return try await context.transaction { tx in
            try await customer.save(on: tx.db)
            try await AuditLog.record(
                "customer.updated", entityType: "customer", entityID: try customer.requireID(),
                details: recordedChanges, in: tx)
            return customer
        }
    }

    static func find(_ id: UUID, in context: ServiceContext) async throws -> Customer {
        guard
            let customer = try await Customer.query(on: context.db)
                .filter(\.$id == id).filter(\.$organisationID == context.organisationID).first()
        else { throw ServiceError.notFound("customer") }
        return customer
    }

    /// Like `find`, but a missing customer is a bad field in the request body rather than a missing resource.
    static func referenced(_ id: UUID?, field: String = "customer_id", in context: ServiceContext) async throws
        -> Customer
    {
        let id = try FieldParser.required(id, field)
        guard
            let customer = try await Customer.query(on: context.db)
                .filter(\.$id == id).filter(\.$organisationID == context.organisationID).first()
        else { throw ServiceError.invalid(field, code: "unknown_customer", "Customer \(id) does not exist") }
        return customer
    }

    static func list(_ query: CustomerListQuery, in context: ServiceContext) async throws -> (
        items: [Customer], total: PageTotal, page: PageRequest
    ) {
        let page = try PageRequest(page: query.page, perPage: query.perPage)
        let builder = Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
        if let text = query.q?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            // The search box's own search: accents, case and a letter off forgiven, tax ids with or
            // without check digit.
            builder.filter(\.$id ~~ (try await SearchQuery(context: context).customerIDs(text)))
        }
        let all = try await builder.sort(\.$legalName).sort(\.$id).page(page)
        guard let tag = query.tag else { return (all.items, all.total, page) }
        // Tags are a small array column whose storage differs per database; filter them here.
        let tagged = try await builder.sort(\.$legalName).sort(\.$id).all().filter { $0.tags.contains(tag) }
        let slice = tagged.dropFirst(page.offset).prefix(page.perPage)
        return (Array(slice), .exact(tagged.count), page)
    }

    /// The tax id as stored (`TaxID.canonical`): checked as the kind given, else as the kind the
    /// organisation's customers usually have; "other" keeps what was typed.
    static func taxID(_ typed: String?, kind: String?, in context: ServiceContext) throws -> String? {
        guard let text = try FieldParser.optionalText(typed, "tax_id", maxLength: 50) else { return nil }
        let kind =
            try kind.flatMap { $0.isEmpty ? nil : try FieldParser.enumValue($0, TaxID.Kind.self, "tax_id_kind") }
            ?? TaxID.Kind.usual(for: context.organisation.supportedLocale)
        do { return try TaxID(text, kind: kind).canonical } catch let error as DomainError {
            throw ServiceError(error, field: "tax_id")
        }
    }

    /// Sets the address fields the input carries (empty clears one); whether any changed.
    @discardableResult
    private static func setAddress(of customer: Customer, from input: CustomerInput) throws -> Bool {
        let fields: [(String?, ReferenceWritableKeyPath<Customer, String?>, String, Int)] = [
            (input.addressLine, \.addressLine, "address_line", 200), (input.city, \.city, "city", 100),
            (input.region, \.region, "region", 100), (input.postalCode, \.postalCode, "postal_code", 20),
            (input.country, \.country, "country", 100),
        ]
        var changed = false
        for (value, keyPath, field, limit) in fields where value != nil {
            let text = try FieldParser.optionalText(value, field, maxLength: limit)
            if customer[keyPath: keyPath] != text { changed = true }
            customer[keyPath: keyPath] = text
        }
        return changed
    }

    /// Sets the jurisdiction and time zone the input carries (empty: the organisation's); whether either changed.
    @discardableResult
    private static func setContactRules(of customer: Customer, from input: CustomerInput) throws -> Bool {
        let before = (customer.jurisdiction, customer.timeZone)
        if let value = input.jurisdiction {
            customer.jurisdiction =
                value.isEmpty ? nil : try FieldParser.enumValue(value, Jurisdiction.self, "jurisdiction").rawValue
        }
        if let value = input.timeZone {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            customer.timeZone = trimmed.isEmpty ? nil : try FieldParser.timeZone(trimmed, "time_zone").identifier
        }
        return before != (customer.jurisdiction, customer.timeZone)
    }

    private static func tags(_ values: [String]) throws -> [String] {
        let cleaned = values.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        guard cleaned.count <= 20, cleaned.allSatisfy({ $0.count <= 40 }) else {
            throw ServiceError.invalid("tags", "At most 20 tags of up to 40 characters each")
        }
        return Array(Set(cleaned)).sorted()
    }

    /// Empty is no limit.
    private static func creditLimit(_ value: String?, currency: String) throws -> Int64? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return try FieldParser.money(
            value, currency: try FieldParser.currency(currency, "currency"), "credit_limit", allowZero: true
        ).minorUnits
    }

    private static func reminderKinds(_ values: [String], field: String) throws -> String {
        StoredList.encode(try values.map { try FieldParser.enumValue($0, ReminderKind.self, field) })
    }

    private static func policyID(_ value: String, in context: ServiceContext) async throws -> UUID {
        guard let id = UUID(uuidString: value),
            try await CollectionPolicyRecord.query(on: context.db)
                .filter(\.$id == id).filter(\.$organisationID == context.organisationID).count() > 0
        else {
            throw ServiceError.invalid(
                "collection_policy_id", code: "unknown_policy", "No policy \(value); use a policy id or \"default\"")
        }
        return id
    }
}

extension CustomerService {
    /// Only an active collector or admin of the organisation works accounts.
    static func ensureCollector(_ userID: UUID, in context: ServiceContext) async throws {
        guard
            let user = try await User.query(on: context.db).filter(\.$id == userID).filter(
                \.$organisationID == context.organisationID
            ).first(),
            user.role.collects, user.disabledAt == nil
        else {
            throw ServiceError.invalid(
                "user_id", code: "unknown_user", "Choose an active collector or admin of this organisation")
        }
    }

    /// Gives the account to a collector (or to nobody: every collector sees it).
    static func assign(_ customer: Customer, to userID: UUID?, in context: ServiceContext) async throws -> Customer {
        if let userID { try await ensureCollector(userID, in: context) }
        let previous = customer.assignedUserID
        customer.assignedUserID = userID
        return try await context.transaction { tx in
            try await customer.save(on: tx.db)
            try await AuditLog.record(
                "customer.assigned", entityType: "customer", entityID: try customer.requireID(),
                details: [
                    "from": previous?.uuidString ?? "", "to": userID?.uuidString ?? "",
                ], in: tx)
            return customer
        }
    }
}
