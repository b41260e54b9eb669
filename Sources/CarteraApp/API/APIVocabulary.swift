import CarteraCore
import Foundation

/// Every closed set of values the API exposes, read from the types that define them. `cartera
/// vocabulary` writes it to `tools/vocabulary.json`, from which `tools/openapi.py` takes every
/// `enum` of the OpenAPI document; `ContractDriftTests` fails when either file falls behind.
enum APIVocabulary {
    static let entries: [String: [String]] = [
        "aging_bucket": values(AgingBucket.self),
        "bank_account_type": values(BankAccountType.self),
        "bank_statement_format": values(StatementFormat.self),
        "bank_statement_preset": StatementFiles.csvPresets.keys.sorted(),
        "bank_transaction_status": values(BankTransactionStatus.self),
        "call_outcome": values(CallOutcome.self),
        "channel": values(ReminderChannel.self),
        "consent_source": values(ConsentSource.self),
        "consent_state": values(ConsentState.self),
        "contact_channel": values(ContactChannel.self),
        "contact_role": values(ContactRole.self),
        "credit_reason": values(CreditCheck.Reason.Code.self),
        "digest_kind": ReminderKind.eventKinds.map(\.rawValue),
        "dispute_resolution": values(DisputeService.Resolution.self),
        "dispute_status": values(DisputeStatus.self),
        "import_encoding": values(TextEncoding.self),
        "import_kind": values(ImportKind.self),
        "import_locale": values(ImportLocale.self),
        "import_preset": values(ImportSettings.Preset.self),
        "import_rejected_code": [ImportRejectedDTO.code],
        "instalment_state": values(InstalmentStanding.State.self),
        "interaction_kind": values(InteractionKind.self),
        "invoice_creatable_status": InvoiceService.creatableStatuses.map(\.rawValue),
        "invoice_status": values(InvoiceStatus.self),
        "jurisdiction": values(Jurisdiction.self),
        "language": values(SupportedLocale.Language.self),
        "late_fee_kind": values(LateFeeKind.self),
        "late_fee_policy": values(LateFeePolicyName.self),
        "late_fee_status": values(LateFeeStatus.self),
        "locale": values(SupportedLocale.self),
        "match_rule": values(MatchRule.self),
        "outbox_status": values(OutboxStatus.self),
        "payment_method": values(PaymentMethod.self),
        "payment_plan_status": values(PaymentPlanStatus.self),
        "prediction_basis": values(PaymentPrediction.Basis.self),
        "promise_status": values(PromiseStatus.self),
        "reminder_kind": values(ReminderKind.self),
        "risk_level": values(RiskLevel.self),
        "risk_reason": values(RiskReason.Code.self),
        "safety_hold_reason": values(SafetyHoldKind.self),
        "statement_stale_mode": values(StaleStatementMode.self),
        "statement_hold_kind": HoldNote.customerReasons.map(\.rawValue),
        "role": values(Role.self),
        "settlement_kind": values(InvoiceSettlement.Kind.self),
        "summary_frequency": values(SummaryFrequency.self),
        "task_kind": values(CollectionTaskKind.self),
        "task_status": values(CollectionTaskStatus.self),
        "template_key": values(TemplateKey.self),
        "timeline_kind": values(TimelineKind.self),
        "tone": values(ReminderTone.self),
    ]

    /// The table as `tools/vocabulary.json` holds it: sorted keys, two-space indent, final newline.
    static func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
    }

    private static func values<Value: CaseIterable & RawRepresentable>(_: Value.Type) -> [String]
    where Value.RawValue == String {
        Value.allCases.map(\.rawValue)
    }
}
