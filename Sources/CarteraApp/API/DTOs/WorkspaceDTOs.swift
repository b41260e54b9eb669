import CarteraCore
import Vapor

struct WorklistItemDTO: Content {
    let customerId: UUID
    let legalName: String
    let score: Int64
    let needsActionToday: Bool
    let risk: String
    let overdue: [AmountDTO]
    let maximumDaysOverdue: Int
    let callTasksDue: Int
    let recentBrokenPromises: Int
    let newDisputes: Int
    let promisesDueToday: Int
    let assignedUserId: UUID?

    init(_ item: WorklistQuery.Item) throws {
        customerId = try item.customer.requireID()
        legalName = item.customer.legalName
        score = item.score
        needsActionToday = item.needsActionToday
        risk = item.risk.level.rawValue
        overdue = item.overdue.map(AmountDTO.init)
        maximumDaysOverdue = item.maximumDaysOverdue
        callTasksDue = item.callTasksDue
        recentBrokenPromises = item.recentBrokenPromises
        newDisputes = item.newDisputes
        promisesDueToday = item.promisesDueToday
        assignedUserId = item.customer.assignedUserID
    }
}

struct AmountDTO: Content {
    let currency: String
    let amount: String
    init(_ money: Money) {
        currency = money.currency.code
        amount = money.decimalString
    }
}

struct CallDTO: Content {
    let id: UUID
    let customerId: UUID
    let kind: String
    let contactId: UUID?
    let outcome: String?
    let note: String
    let followUpOn: String?
    let promiseId: UUID?
    let disputeId: UUID?
    let author: String
    let createdAt: Date?

    init(_ item: Interaction) throws {
        id = try item.requireID()
        customerId = item.$customer.id
        kind = item.kind.rawValue
        contactId = item.contactID
        outcome = item.outcome?.rawValue
        note = item.note
        followUpOn = item.followUpOn
        promiseId = item.promiseID
        disputeId = item.disputeID
        author = item.author
        createdAt = item.createdAt
    }
}

struct CreditCheckDTO: Content {
    struct Reason: Content {
        let code: String
        let message: String
    }
    let customerId: UUID
    let allowed: Bool
    let onHold: Bool
    let currency: String
    let exposure: String
    let creditLimit: String?
    let availableCredit: String?
    let oldestDaysOverdue: Int
    let reasons: [Reason]
}

struct PaymentPlanDTO: Content {
    struct Instalment: Content {
        let number: Int
        let dueOn: String
        let amount: String
        let paid: String
        let state: String
    }
    let id: UUID
    let customerId: UUID
    let status: String
    let currency: String
    let total: String
    let invoiceIds: [UUID]
    let startsOn: String
    let endedOn: String?
    let note: String
    let instalments: [Instalment]

    init(_ plan: PaymentPlan, standing: [InstalmentStanding]) throws {
        id = try plan.requireID()
        customerId = plan.$customer.id
        status = plan.status.rawValue
        currency = plan.currency
        total = Money(minorUnits: plan.totalMinor, currency: try Currency(code: plan.currency)).decimalString
        invoiceIds = plan.coveredInvoiceIDs
        startsOn = plan.startsOn
        endedOn = plan.endedOn
        note = plan.note
        instalments = standing.map {
            .init(
                number: $0.instalment.number, dueOn: $0.instalment.dueDate.iso,
                amount: $0.instalment.amount.decimalString,
                paid: $0.paid.decimalString, state: $0.state.rawValue)
        }
    }
}

struct AuditEventDTO: Content {
    let id: UUID
    let occurredAt: Date
    let actor: String
    let action: String
    let entityType: String
    let entityId: UUID
    let details: [String: String]

    init(_ event: AuditEvent) throws {
        id = try event.requireID()
        occurredAt = event.occurredAt
        actor = event.actor
        action = event.action
        entityType = event.entityType
        entityId = event.entityID
        details = (try? JSONDecoder().decode([String: String].self, from: Data(event.details.utf8))) ?? [:]
    }
}

struct ReasonInput: Content { var reason: String? }

struct PortalLinkDTO: Content {
    let url: String
    let expiresAt: Date
}
struct NoteInput: Content { var note: String? }
struct AssignInput: Content { var userId: UUID? }
