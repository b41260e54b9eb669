import Fluent

/// The schema's history, in order. Migrations are never edited once shipped: add a new one.
enum Migrations {
    static let all: [any Migration] = [
        CreateOrganisations(),
        CreateCustomers(),
        CreateContacts(),
        CreateInvoices(),
        CreateInvoiceLines(),
        CreatePayments(),
        CreateCreditNotes(),
        CreateAllocations(),
        CreateAPIKeys(),
        CreateAuditEvents(),
        UpdateOrganisationsAddReminderSettings(),
        UpdateCustomersAddDunningSettings(),
        CreateCollectionPolicies(),
        CreateMessageTemplates(),
        CreateOutboxMessages(),
        CreateReminderDeliveries(),
        CreateCollectionTasks(),
        CreateDisputes(),
        CreatePaymentPromises(),
        CreateDunningHolds(),
        CreateUsers(),
        UpdateAPIKeysAddRole(),
        CreateLoginAttempts(),
        SessionRecord.migration,
        UpdateCustomersAddCollectionFields(),
        UpdateOrganisationsAddCreditSettings(),
        CreateInteractions(),
        CreatePaymentPlans(),
        CreatePortalTokens(),
        UpdatePaymentsAddReversal(),
        CreateIdempotencyKeys(),
    ]
}
