import CarteraCore
import Fluent
import Foundation

enum PolicyService {
    /// A policy as the organisation sees it: one of its records, or the built-in one (no id).
    struct Named: Sendable {
        let id: UUID?
        let name: String
        let isDefault: Bool
        let policy: CollectionPolicy

        init(id: UUID?, name: String, isDefault: Bool, policy: CollectionPolicy) {
            self.id = id
            self.name = name
            self.isDefault = isDefault
            self.policy = policy
        }

        init(_ record: CollectionPolicyRecord) throws {
            self.init(id: record.id, name: record.name, isDefault: record.isDefault, policy: try record.policy)
        }
    }

    /// The built-in policy, shown while the organisation has none of its own.
    static let standard = Named(id: nil, name: "standard", isDefault: true, policy: .standard)

    static func list(in context: ServiceContext) async throws -> [Named] {
        let records = try await CollectionPolicyRecord.query(on: context.db).filter(
            \.$organisationID == context.organisationID
        ).sort(\.$name).all()
        let policies = try records.map(Named.init)
        return policies.contains(where: \.isDefault) ? policies : [standard] + policies
    }

    static func create(_ input: CollectionPolicyInput, in context: ServiceContext) async throws
        -> CollectionPolicyRecord
    {
        let record = CollectionPolicyRecord()
        record.organisationID = context.organisationID
        record.name = try FieldParser.text(input.name, "name", maxLength: 100)
        record.isDefault = input.isDefault ?? false
        try record.setPolicy(try policy(from: try FieldParser.required(input.steps, "steps")))
        return try await save(record, action: "policy.created", in: context)
    }

    static func update(_ record: CollectionPolicyRecord, with input: CollectionPolicyInput, in context: ServiceContext)
        async throws -> CollectionPolicyRecord
    {
        if let name = input.name { record.name = try FieldParser.text(name, "name", maxLength: 100) }
        if let isDefault = input.isDefault { record.isDefault = isDefault }
        if let steps = input.steps { try record.setPolicy(try policy(from: steps)) }
        return try await save(record, action: "policy.updated", in: context)
    }

    static func find(_ id: UUID, in context: ServiceContext) async throws -> CollectionPolicyRecord {
        guard
            let record = try await CollectionPolicyRecord.query(on: context.db)
                .filter(\.$id == id).filter(\.$organisationID == context.organisationID).first()
        else { throw ServiceError.notFound("policy") }
        return record
    }

    static func delete(_ record: CollectionPolicyRecord, in context: ServiceContext) async throws {
        let inUse = try await Customer.query(on: context.db).filter(\.$collectionPolicyID == record.requireID()).count()
        guard inUse == 0 else {
            throw ServiceError.conflict("policy_in_use", "\(inUse) customer(s) follow this policy")
        }
        let rules = try await PolicyRuleRecord.query(on: context.db).filter(\.$policyID == record.requireID()).count()
        guard rules == 0 else {
            throw ServiceError.conflict("policy_in_use", "\(rules) policy rule(s) choose this policy")
        }
        try await context.transaction { tx in
            try await record.delete(on: tx.db)
            try await AuditLog.record(
                "policy.deleted", entityType: "collection_policy", entityID: try record.requireID(),
                details: ["name": record.name], in: tx)
        }
    }

    private static func save(_ record: CollectionPolicyRecord, action: String, in context: ServiceContext) async throws
        -> CollectionPolicyRecord
    {
        let taken = try await CollectionPolicyRecord.query(on: context.db).filter(
            \.$organisationID == context.organisationID
        )
        .filter(\.$name == record.name).all().contains { $0.id != record.id }
        if taken {
            throw ServiceError.conflict("duplicate_policy_name", "A policy named \(record.name) exists", field: "name")
        }
        return try await context.transaction { tx in
            // One default per organisation: making this one the default unsets the others.
            if record.isDefault {
                try await CollectionPolicyRecord.query(on: tx.db).filter(\.$organisationID == tx.organisationID)
                    .set(\.$isDefault, to: false).update()
            }
            try await record.save(on: tx.db)
            try await AuditLog.record(
                action, entityType: "collection_policy", entityID: try record.requireID(),
                details: ["name": record.name, "steps": record.stepsJSON, "default": String(record.isDefault)], in: tx)
            return record
        }
    }

    /// The day each step of `policy` would go for an invoice issued on `issued` and due on `due`, under
    /// the organisation's working days, holidays and reminder kinds: the daily run's own rule
    /// (`DunningRules.schedule`), for the policy page's timeline preview. Changes nothing.
    static func schedule(_ policy: CollectionPolicy, issued: LocalDate, due: LocalDate, in context: ServiceContext)
        async throws -> [ScheduledStep]
    {
        let settings = try await DunningSettings.load(for: context.organisation, on: context.db)
        return DunningRules(policy: policy, calendar: settings.calendar, enabledKinds: settings.enabledKinds)
            .schedule(issued: issued, dueDate: due)
    }

    /// What `policy` sends from today on for an invoice already long overdue when collections start (200
    /// days), of a customer never reminded: the first notice, then the later steps counted from it. For the
    /// policy page's "after go-live or an import" line. Changes nothing.
    static func firstContactSchedule(_ policy: CollectionPolicy, in context: ServiceContext) async throws
        -> [ScheduledStep]
    {
        let settings = try await DunningSettings.load(for: context.organisation, on: context.db)
        let today = context.today
        let due = today.addingClamped(days: -200)
        return DunningRules(policy: policy, calendar: settings.calendar, enabledKinds: settings.enabledKinds)
            .schedule(
                issued: due.addingClamped(days: -30), dueDate: due, from: today, customerEverContacted: false,
                collectionsStart: today
            ).filter { $0.sent != nil }
    }

    /// Steps as a client sends them, checked into a policy (the same rules as saving; nothing is stored).
    static func policy(from steps: [PolicyStepInput]) throws -> CollectionPolicy {
        let parsed = try steps.enumerated().map { index, step in
            let field = "steps[\(index)]"
            let channel = try FieldParser.enumValue(
                try FieldParser.required(step.channel, "\(field).channel"), ReminderChannel.self, "\(field).channel")
            let tone = try FieldParser.enumValue(
                step.tone ?? ReminderTone.friendly.rawValue, ReminderTone.self, "\(field).tone")
            let template = try step.template.map { key in
                guard TemplateCatalog.keys.contains(key) else {
                    throw ServiceError.invalid(
                        "\(field).template", "template must be one of: \(TemplateCatalog.keys.joined(separator: ", "))")
                }
                return key
            }
            return PolicyStep(
                key: try FieldParser.required(step.key, "\(field).key"),
                offsetDays: try FieldParser.required(step.offsetDays, "\(field).offset_days"),
                channel: channel, tone: tone, templateKey: template)
        }
        do { return try CollectionPolicy(steps: parsed) } catch let error as DomainError { throw ServiceError(error) }
    }
}
