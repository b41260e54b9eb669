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

    init(_ named: PolicyService.Named) {
        id = named.id
        name = named.name
        isDefault = named.isDefault
        steps = named.policy.steps.map(PolicyStepDTO.init)
    }

    init(_ record: CollectionPolicyRecord) throws {
        self.init(try PolicyService.Named(record))
    }
}

struct MessageTemplateDTO: Content {
    let key: String
    let language: String
    let channel: String
    let subject: String
    let body: String
    /// True when the organisation changed it; false for the bundled default.
    let customized: Bool

    init(_ template: TemplateService.Effective) {
        key = template.key
        language = template.language
        channel = template.channel.rawValue
        subject = template.source.subject
        body = template.source.body
        customized = template.customized
    }
}

struct TemplatePreviewDTO: Content {
    let subject: String
    let text: String
    let html: String

    init(_ rendered: RenderedMessage) {
        subject = rendered.subject
        text = rendered.text
        html = rendered.html
    }
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

struct PromiseDTO: Content {
    let id: UUID
    let customerId: UUID
    let promisedOn: String
    let currency: String
    let amount: String
    let status: String
    let note: String
    let invoiceIds: [UUID]

    init(_ result: PromiseResult) throws {
        let promise = result.promise
        id = try promise.requireID()
        customerId = promise.$customer.id
        promisedOn = promise.promisedOn
        currency = promise.currency
        amount = Money(minorUnits: promise.amountMinor, currency: try Currency(code: promise.currency)).decimalString
        status = promise.status.rawValue
        note = promise.note
        invoiceIds = result.invoiceIDs
    }
}
