import CarteraCore
import Fluent
import Foundation

enum ContactService {
    static func create(
        for customer: Customer, _ input: ContactInput, source: ConsentSource = .api, in context: ServiceContext
    ) async throws -> Contact {
        let contact = Contact()
        contact.$customer.id = try customer.requireID()
        contact.name = try FieldParser.text(input.name, "name", maxLength: 200)
        contact.role = try FieldParser.enumValue(input.role ?? ContactRole.primary.rawValue, ContactRole.self, "role")
        contact.email = try email(input.email)
        contact.phone = try phone(input.phone)
        guard contact.email != nil || contact.phone != nil else {
            throw ServiceError.invalid("email", code: "missing_field", "A contact needs an email or a phone number")
        }
        let consent = try consents(input.consent)
        return try await context.transaction { tx in
            try await contact.create(on: tx.db)
            try await AuditLog.record(
                "contact.created", entityType: "contact", entityID: try contact.requireID(),
                details: ["customer_id": contact.$customer.id.uuidString, "role": contact.role.rawValue], in: tx)
            try await record(consent, of: contact, source: source, in: tx)
            return contact
        }
    }

    static func update(
        _ contact: Contact, with input: ContactInput, source: ConsentSource = .api, in context: ServiceContext
    ) async throws -> Contact {
        if let value = input.name { contact.name = try FieldParser.text(value, "name", maxLength: 200) }
        if let value = input.role { contact.role = try FieldParser.enumValue(value, ContactRole.self, "role") }
        if input.email != nil { contact.email = try email(input.email) }
        if input.phone != nil { contact.phone = try phone(input.phone) }
        guard contact.email != nil || contact.phone != nil else {
            throw ServiceError.invalid("email", code: "missing_field", "A contact needs an email or a phone number")
        }
        let consent = try consents(input.consent)
        return try await context.transaction { tx in
            try await contact.save(on: tx.db)
            try await AuditLog.record(
                "contact.updated", entityType: "contact", entityID: try contact.requireID(),
                details: ["role": contact.role.rawValue, "email": contact.email ?? ""], in: tx)
            try await record(consent, of: contact, source: source, in: tx)
            return contact
        }
    }

    static func delete(_ contact: Contact, in context: ServiceContext) async throws {
        try await context.transaction { tx in
            try await contact.delete(on: tx.db)
            try await AuditLog.record(
                "contact.deleted", entityType: "contact", entityID: try contact.requireID(),
                details: ["customer_id": contact.$customer.id.uuidString], in: tx)
        }
    }

    static func find(_ id: UUID, in context: ServiceContext) async throws -> Contact {
        guard
            let contact = try await Contact.query(on: context.db)
                .join(Customer.self, on: \Contact.$customer.$id == \Customer.$id)
                .filter(Customer.self, \.$organisationID == context.organisationID)
                .filter(\.$id == id).first()
        else { throw ServiceError.notFound("contact") }
        return contact
    }

    static func list(for customer: Customer, in context: ServiceContext) async throws -> [Contact] {
        try await Contact.query(on: context.db).filter(\.$customer.$id == customer.requireID()).sort(\.$name).all()
    }

    /// The consent states the input names, checked.
    private static func consents(_ values: [String: String]?) throws -> [ContactChannel: ConsentState] {
        var parsed: [ContactChannel: ConsentState] = [:]
        for (channel, state) in values ?? [:] {
            parsed[try FieldParser.enumValue(channel, ContactChannel.self, "consent")] = try FieldParser.enumValue(
                state, ConsentState.self, "consent")
        }
        return parsed
    }

    /// Records each channel whose state changes, with today's date and where it came from, in the
    /// audit trail too: an opt-out must be provable. Inside the caller's transaction.
    static func record(
        _ states: [ContactChannel: ConsentState], of contact: Contact, source: ConsentSource, in tx: ServiceContext
    ) async throws {
        guard !states.isEmpty else { return }
        let contactID = try contact.requireID()
        let stored = try await ContactConsents.states(of: [contactID], on: tx.db)[contactID] ?? [:]
        for (channel, state) in states.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let row = stored[channel]
            guard (row?.state ?? .authorised) != state else { continue }
            let consent = row ?? ContactConsent()
            consent.$contact.id = contactID
            consent.channel = channel
            consent.state = state
            consent.changedOn = tx.today.iso
            consent.source = source
            try await consent.save(on: tx.db)
            try await AuditLog.record(
                "contact.consent_changed", entityType: "contact", entityID: contactID,
                details: ["channel": channel.rawValue, "state": state.rawValue, "source": source.rawValue], in: tx)
        }
    }

    static func email(_ value: String?, field: String = "email") throws -> String? {
        guard let email = try FieldParser.optionalText(value, field, maxLength: EmailAddress.maximumLength) else {
            return nil
        }
        return try EmailAddress.checked(email, field)
    }

    private static func phone(_ value: String?) throws -> String? {
        guard let phone = try FieldParser.optionalText(value, "phone", maxLength: 40) else { return nil }
        let allowed = CharacterSet(charactersIn: "+0123456789 -().")
        guard phone.unicodeScalars.allSatisfy(allowed.contains), phone.filter(\.isNumber).count >= 5 else {
            throw ServiceError.invalid(
                "phone", code: "invalid_phone", "phone may contain digits, spaces, +, -, ( and ) only")
        }
        return phone
    }
}
