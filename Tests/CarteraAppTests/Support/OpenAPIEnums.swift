/// Every `enum` array of the OpenAPI document, named by where it sits ("Invoice.status",
/// "DunningReport.planned[].channel", "get /tasks ?status"), and the vocabulary entry it must equal.
enum OpenAPIEnums {
    struct Found {
        let location: String
        let values: [String]
    }

    /// Where the field name alone does not say which enum it is.
    static let byLocation = [
        "Invoice.status": "invoice_status", "InvoiceInput.status": "invoice_creatable_status",
        "OutboxMessage.status": "outbox_status",
        "CollectionTask.status": "task_status", "Dispute.status": "dispute_status",
        "PaymentPlan.status": "payment_plan_status",
        "LateFee.status": "late_fee_status", "BankTransaction.status": "bank_transaction_status",
        "Promise.status": "promise_status",
        "Allocation.kind": "settlement_kind", "OutboxMessage.kind": "reminder_kind",
        "DunningReport.planned[].kind": "reminder_kind",
        "CollectionTask.kind": "task_kind", "TimelineEntry.kind": "timeline_kind", "Call.kind": "interaction_kind",
        "LateFee.kind": "late_fee_kind", "ImportReport.kind": "import_kind",
        "MessageTemplate.key": "template_key", "TemplatePreviewInput.key": "template_key",
        "CreditCheck.reasons[].code": "credit_reason", "Risk.reasons[].code": "risk_reason",
        "ImportRejected.error.code": "import_rejected_code",
        "Contact.role": "contact_role", "ContactInput.role": "contact_role",
        "Contact.consent[].channel": "contact_channel", "Contact.consent[].state": "consent_state",
        "Contact.consent[].source": "consent_source", "ContactInput.consent{}": "consent_state",
        "Customer.jurisdiction": "jurisdiction", "CustomerInput.jurisdiction": "jurisdiction",
        "WorklistItem.risk": "risk_level",
        "Risk.level": "risk_level", "PolicyRule.risk_levels[]": "risk_level",
        "PolicyRuleInput.risk_levels[]": "risk_level", "PolicyRuleInput.risk_at_least": "risk_level",
        "PaymentPlan.instalments[].state": "instalment_state", "Prediction.basis": "prediction_basis",
        "get /tasks ?status": "task_status", "get /late-fees ?status": "late_fee_status",
        "get /tasks ?kind": "task_kind", "TaskInput.kind": "task_kind", "get /outbox ?status": "outbox_status",
        "get /outbox ?channel": "channel",
        "get /bank-transactions ?status": "bank_transaction_status",
        "post /imports ?kind": "import_kind", "post /imports ?preset": "import_preset",
        "post /imports ?locale": "import_locale",
        "post /bank-statements ?format": "bank_statement_format",
        "post /bank-statements ?preset": "bank_statement_preset",
        "post /api-keys/{api_key_id}/revoke 200.role": "role",
        "DunningReport.planned[].hold": "safety_hold_reason",
        "Statement.currencies[].open_items[].holds[].kind": "statement_hold_kind",
    ]

    /// Fields that hold the same enum in every schema they appear in.
    static let byField = [
        "reminder_kinds": "reminder_kind", "digest_kinds": "digest_kind",
        "reminders_off": "reminder_kind", "summary_frequency": "summary_frequency",
        "late_fee_policy": "late_fee_policy", "locale": "locale", "language": "language", "channel": "channel",
        "tone": "tone",
        "template": "template_key", "method": "payment_method", "aging_bucket": "aging_bucket",
        "outcome": "call_outcome",
        "resolution": "dispute_resolution", "match_rule": "match_rule", "encoding": "import_encoding",
        "account_type": "bank_account_type", "statement_stale_mode": "statement_stale_mode",
    ]

    static func vocabularyName(for location: String) -> String? {
        if let name = byLocation[location] { return name }
        guard !location.contains(" "), let field = location.split(separator: ".").last else { return nil }
        return byField[String(field.replacingOccurrences(of: "[]", with: ""))]
    }

    static func all(in document: JSON) -> [Found] {
        var found: [Found] = []
        for (name, schema) in document["components"]["schemas"].object { walk(schema, at: name, into: &found) }
        for (path, operations) in document["paths"].object {
            for (method, operation) in operations.object {
                for parameter in operation["parameters"].array {
                    walk(parameter["schema"], at: "\(method) \(path) ?\(parameter["name"].string ?? "")", into: &found)
                }
                for content in operation["requestBody"]["content"].object.values {
                    walk(content["schema"], at: "\(method) \(path) body", into: &found)
                }
                for (status, response) in operation["responses"].object {
                    for content in response["content"].object.values {
                        walk(content["schema"], at: "\(method) \(path) \(status)", into: &found)
                    }
                }
            }
        }
        let everywhere = count(document)
        if everywhere != found.count {
            found.append(
                Found(location: "\(everywhere - found.count) enums outside schemas and operations", values: []))
        }
        return found
    }

    private static func walk(_ schema: JSON, at location: String, into found: inout [Found]) {
        guard case .object = schema else { return }
        if case .array(let values) = schema["enum"] {
            found.append(Found(location: location, values: values.compactMap(\.string)))
        }
        for (name, property) in schema["properties"].object { walk(property, at: "\(location).\(name)", into: &found) }
        walk(schema["items"], at: "\(location)[]", into: &found)
        walk(schema["additionalProperties"], at: "\(location){}", into: &found)
        for option in schema["oneOf"].array { walk(option, at: location, into: &found) }
    }

    /// Every `enum` key anywhere, so one in a place `walk` does not visit is reported, not skipped.
    private static func count(_ value: JSON) -> Int {
        switch value {
        case .object(let object): (object["enum"] == nil ? 0 : 1) + object.values.map(count).reduce(0, +)
        case .array(let array): array.map(count).reduce(0, +)
        default: 0
        }
    }
}
