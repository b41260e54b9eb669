import CarteraCore
import Fluent
import Foundation

/// Everything a policy's page shows, read once: the policy (one of the organisation's, or the
/// built-in one), the invoice its timeline is drawn on, the days each step would go (computed by
/// the daily run's rule, for the policy as stored or as just typed), and the customers who follow it.
struct PolicyPageData {
    /// The invoice the preview is drawn on: a real owed one, else a sample issued today at 30 days.
    struct Sample {
        let number: String?
        let customer: String?
        let issued: LocalDate
        let due: LocalDate
    }

    let named: PolicyService.Named
    let form: PolicyForm
    let errors: [String: String]
    let sample: Sample
    /// Nil when the typed steps cannot be read (the errors say why).
    let schedule: [ScheduledStep]?
    /// The same policy for an old invoice at go-live (`PolicyService.firstContactSchedule`).
    let firstContact: [ScheduledStep]?
    /// Customers who follow this policy by choice (not only as the organisation's default).
    let followers: [Customer]
    /// Everyone else, for "assign to a customer".
    let others: [Customer]
    let followerCount: Int

    static func read(
        _ named: PolicyService.Named, form: PolicyForm, errors: [String: String], in context: ServiceContext
    ) async throws -> PolicyPageData {
        let sample = try await sampleInvoice(in: context)
        var schedule: [ScheduledStep]?
        var firstContact: [ScheduledStep]?
        if errors.isEmpty, let steps = try? form.input().input.steps,
            let policy = try? PolicyService.policy(from: steps)
        {
            schedule = try await PolicyService.schedule(policy, issued: sample.issued, due: sample.due, in: context)
            firstContact = try await PolicyService.firstContactSchedule(policy, in: context)
        }
        let customers = try await Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .sort(\.$legalName).limit(2_000).all()
        let followers = customers.filter { named.id != nil && $0.collectionPolicyID == named.id }
        let byDefault = named.isDefault ? customers.filter { $0.collectionPolicyID == nil }.count : 0
        return PolicyPageData(
            named: named, form: form, errors: errors, sample: sample, schedule: schedule, firstContact: firstContact,
            followers: followers,
            others: customers.filter { named.id == nil || $0.collectionPolicyID != named.id },
            followerCount: followers.count + byDefault)
    }

    static func sampleInvoice(in context: ServiceContext) async throws -> Sample {
        if let invoice = try await Invoice.query(on: context.db).filter(\.$organisationID == context.organisationID)
            .owed().sort(\.$dueDate, .descending).with(\.$customer).first(),
            let issued = try? invoice.issued, let due = try? invoice.due
        {
            return Sample(number: invoice.number, customer: invoice.customer.legalName, issued: issued, due: due)
        }
        let today = context.today
        return Sample(number: nil, customer: nil, issued: today, due: today.addingClamped(days: 30))
    }
}

/// The policies list: each policy with how many customers follow it.
struct PoliciesPageData {
    let policies: [(policy: PolicyService.Named, customers: Int)]
    /// The rules that choose a policy, in order, and the organisation's policies they may pick.
    let rules: [PolicyRule]

    static func read(in context: ServiceContext) async throws -> PoliciesPageData {
        let policies = try await PolicyService.list(in: context)
        var rows: [(PolicyService.Named, Int)] = []
        for named in policies {
            var count = 0
            if let id = named.id {
                count = try await Customer.query(on: context.db).filter(\.$organisationID == context.organisationID)
                    .filter(\.$collectionPolicyID == id).count()
            }
            if named.isDefault {
                count += try await Customer.query(on: context.db)
                    .filter(\.$organisationID == context.organisationID).filter(\.$collectionPolicyID == nil).count()
            }
            rows.append((named, count))
        }
        return PoliciesPageData(policies: rows, rules: try await PolicyRuleService.rules(in: context))
    }
}
