import CarteraCore
import Vapor

struct PolicyStepDTO: Content {
    var key: String?
    var offsetDays: Int?
    var channel: String?
    var tone: String?
    var template: String?

    init(_ step: PolicyStep) {
        key = step.key
        offsetDays = step.offsetDays
        channel = step.channel.rawValue
        tone = step.tone.rawValue
        template = step.templateKey
    }
}

struct CollectionPolicyDTO: Content {
    let id: UUID?
    let name: String
    let isDefault: Bool
    let steps: [PolicyStepDTO]
}

struct CollectionPolicyInput: Content {
    var name: String?
    var isDefault: Bool?
    var steps: [PolicyStepDTO]?
}

struct MessageTemplateDTO: Content {
    let key: String
    let language: String
    let channel: String
    let subject: String
    let body: String
    /// True when the organisation changed it; false for the bundled default.
    let customized: Bool
}

struct MessageTemplateInput: Content {
    var subject: String?
    var body: String?
}

struct TemplatePreviewInput: Content {
    var key: String?
    var language: String?
    var channel: String?
    var subject: String?
    var body: String?
    var customerId: UUID?
}

struct TemplatePreviewDTO: Content {
    let subject: String
    let text: String
    let html: String
}

struct OutboxMessageDTO: Content {
    let id: UUID
    let customerId: UUID
    let kind: String
    let channel: String
    let tone: String
    let status: String
    let recipientName: String
    let recipientAddress: String
    let subject: String
    let bodyText: String
    let messageId: String
    let attempts: Int
    let lastError: String?
    let scheduledOn: String
    let sentAt: Date?
    let createdAt: Date?

    init(_ message: OutboxMessage) throws {
        id = try message.requireID()
        customerId = message.$customer.id
        kind = message.kind.rawValue
        channel = message.channel.rawValue
        tone = message.tone.rawValue
        status = message.status.rawValue
        recipientName = message.recipientName
        recipientAddress = message.recipientAddress
        subject = message.subject
        bodyText = message.bodyText
        messageId = message.rfcMessageID
        attempts = message.attempts
        lastError = message.lastError
        scheduledOn = message.scheduledOn
        sentAt = message.sentAt
        createdAt = message.createdAt
    }
}

/// Query string; URL decoding has no key conversion, hence the explicit keys.
struct OutboxListQuery: Content {
    var page: Int?
    var perPage: Int?
    var status: String?
    var customerId: UUID?
    enum CodingKeys: String, CodingKey { case page, perPage = "per_page", status, customerId = "customer_id" }
}

struct DunningRunInput: Content {
    var date: String?
}

struct DateQuery: Content {
    var date: String?
}

struct InvoiceRemindersDTO: Content {
    struct Delivered: Content {
        let step: String
        let runOn: String
        let messageId: UUID?
        let taskId: UUID?
    }

    struct Next: Content {
        let step: String
        let date: String
        let channel: String
    }

    let invoiceId: UUID
    let paused: Bool
    let delivered: [Delivered]
    let next: Next?
}

struct CollectionTaskDTO: Content {
    let id: UUID
    let customerId: UUID
    let kind: String
    let title: String
    let dueOn: String
    let status: String
    let invoiceIds: [String]

    init(_ task: CollectionTask) throws {
        id = try task.requireID()
        customerId = task.$customer.id
        kind = task.kind.rawValue
        title = task.title
        dueOn = task.dueOn
        status = task.status.rawValue
        invoiceIds = StoredList<String>.decode(task.invoiceIDs)
    }
}

struct DisputeDTO: Content {
    let id: UUID
    let invoiceId: UUID
    let status: String
    let reason: String
    /// In the invoice's currency.
    let amount: String?
    let openedOn: String
    let resolvedOn: String?
    let resolution: String?

    init(_ dispute: Dispute, currency: Currency) throws {
        id = try dispute.requireID()
        invoiceId = dispute.$invoice.id
        status = dispute.status.rawValue
        reason = dispute.reason
        amount = dispute.amountMinor.map { Money(minorUnits: $0, currency: currency).decimalString }
        openedOn = dispute.openedOn
        resolvedOn = dispute.resolvedOn
        resolution = dispute.resolution
    }
}

struct DisputeInput: Content {
    var reason: String?
    /// What the customer contests; the invoice's balance when omitted.
    var amount: String?
}

struct DisputeResolution: Content {
    /// credit_note, corrected or rejected.
    var resolution: String?
    var note: String?
    /// With credit_note: the note's number and amount (the disputed amount when omitted).
    var creditNoteNumber: String?
    var creditAmount: String?
}

struct PromiseDTO: Content {
    let id: UUID
    let customerId: UUID
    let promisedOn: String
    let currency: String
    let amount: String
    let status: String
    let note: String
    let invoiceIds: [UUID]
}

struct PromiseInput: Content {
    var promisedOn: String?
    var amount: String?
    var currency: String?
    var note: String?
    var invoiceIds: [UUID]?
}
