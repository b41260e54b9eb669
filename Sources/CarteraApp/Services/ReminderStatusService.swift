import CarteraCore
import Fluent
import Foundation

/// An invoice's reminder history, whether it is paused and why, and the next step it will get.
enum ReminderStatusService {
    struct Status {
        let deliveries: [ReminderDelivery]
        let holds: [DunningHold]
        let next: (step: PolicyStep, date: LocalDate)?
        /// The steps of the policy the invoice follows, to say in words which step a delivery was.
        let steps: [PolicyStep]
        var paused: Bool { !holds.isEmpty }
    }

    static func status(of invoice: Invoice, customer: Customer, in context: ServiceContext) async throws -> Status {
        let invoiceID = try invoice.requireID()
        let deliveries = try await ReminderDelivery.query(on: context.db).filter(\.$invoice.$id == invoiceID).sort(
            \.$runOn
        ).all()
        let holds = try await HoldService.inForce(invoiceIDs: [invoiceID], in: context)
        let settings = try await DunningSettings.load(for: context.organisation, on: context.db)
        // The policy the daily run would choose for this customer today (their own, a rule's, the default).
        let profile = try await PolicySelectorQuery.profiles(
            for: [invoice.$customer.id], settings: settings, on: context.today, in: context)[invoice.$customer.id]
        let rules = settings.rules(
            for: .init(
                id: invoice.$customer.id, collectionPolicyId: customer.collectionPolicyID,
                reminderKindsOff: customer.reminderKindsOff), profile: profile)
        var contacted = !deliveries.isEmpty
        if !contacted {
            contacted = try await DunningQuery.contactedCustomers(
                organisationID: context.organisationID, only: invoice.$customer.id, on: context.db
            ).contains(invoice.$customer.id)
        }
        let facts = DunningFacts(
            dueDate: try invoice.due, status: invoice.status, stepsDone: Set(deliveries.map(\.stepKey)),
            isPaused: !holds.isEmpty, firstContactOn: deliveries.first.flatMap { try? LocalDate(iso: $0.runOn) },
            customerEverContacted: contacted, collectionsStart: settings.collectionsStart ?? context.today)
        let owed = invoice.status.isOwed && !customer.doNotContact && holds.isEmpty
        let next = owed ? rules.nextStep(for: facts, after: context.today.addingClamped(days: -1)) : nil
        return Status(deliveries: deliveries, holds: holds, next: next, steps: rules.knownSteps)
    }
}
