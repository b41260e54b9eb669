"""Writes Sources/CarteraApp/Resources/openapi.json, the API contract.

Edit the schemas and paths here, run `python3 tools/openapi.py`, commit both files.
OpenAPIDocumentTests fails when a served route or a reply field is missing from the document.
Every enum comes from tools/vocabulary.json, which the Swift types write (after changing one:
`CARTERA_AUTO_MIGRATE=false swift run cartera vocabulary --log error > tools/vocabulary.json`);
ContractDriftTests fails when either file falls behind the code.
"""
import json
import os
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "vocabulary.json")) as f: vocabulary = json.load(f)
money = {"type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$", "description": "Decimal amount in the currency's minor-unit precision, e.g. \"1234.56\" (COP) or \"1500\" (CLP). Never a JSON number."}
date = {"type": "string", "format": "date", "description": "Calendar date YYYY-MM-DD"}
uuid = {"type": "string", "format": "uuid"}
def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def nullable(s): return {"oneOf": [s, {"type": "null"}]}
def obj(props, required=None, additional=False, desc=None):
    o = {"type": "object", "properties": props, "required": required if required is not None else list(props.keys())}
    if desc: o["description"] = desc
    return o
def inp(props, required=(), desc=None):
    o = {"type": "object", "properties": props}
    if required: o["required"] = list(required)
    if desc: o["description"] = desc
    return o
def page(item): return obj({"items": {"type": "array", "items": ref(item)}, "page": {"type": "integer", "minimum": 1}, "per_page": {"type": "integer", "minimum": 1, "maximum": 200}, "total": {"type": "integer", "minimum": 0, "description": "How many items match: exact when total_exact, else a lower bound (counting stops past 10,000 items or the requested page)."}, "total_exact": {"type": "boolean"}, "has_more": {"type": "boolean", "description": "Whether a later page has items."}})
buckets = obj({b: money for b in vocabulary["aging_bucket"]})
ts = {"type": "string", "format": "date-time"}
kind = {"type": "string", "enum": vocabulary["reminder_kind"]}
channel = {"type": "string", "enum": vocabulary["channel"]}
tone = {"type": "string", "enum": vocabulary["tone"]}
template_key = {"type": "string", "enum": vocabulary["template_key"]}
role = {"type": "string", "enum": vocabulary["role"]}
LETTERHEAD_PARTS = ["tax_id", "address_line", "city", "region", "postal_code", "country", "phone", "email", "signer_name", "signer_title"]
schemas = {
 "Error": obj({"error": obj({"code": {"type": "string", "description": "Machine-readable code, e.g. missing_field, duplicate_invoice_number"}, "message": {"type": "string"}, "field": {"type": "string", "description": "The field at fault, when there is one"}}, ["code", "message"])}),
 "Organisation": obj({"id": uuid, "name": {"type": "string"}, "default_currency": {"type": "string"}, "locale": {"type": "string"}, "time_zone": {"type": "string"}, "reminder_kinds": {"type": "array", "items": kind}, "digest_kinds": {"type": "array", "items": {"type": "string", "enum": vocabulary["digest_kind"]}, "description": "Event kinds sent in the customer's message of the day (riding in that day's reminder or statement as one line, or alone at the reminder hour); the others go as soon as allowed"}, "summary_frequency": {"type": "string", "enum": vocabulary["summary_frequency"]}, "working_weekdays": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 7}}, "holidays": {"type": "array", "items": date}, "payment_instructions": {"type": "string"}, "reply_to_email": nullable({"type": "string"}), "sender_name": nullable({"type": "string", "description": "The name emails go out as; null: the organisation's name"}), "sender_email": nullable({"type": "string", "description": "The address emails go out from; null: the server's"}), "reminder_hour": nullable({"type": "integer", "minimum": 0, "maximum": 23, "description": "Local hour reminders go out from; null: the server's default"}), "collections_start": nullable({**date, "description": "The day collections started: an invoice due before it (or of a customer never reminded) gets a first notice before any later step; set by the first daily pass or import"}), "bank_accounts": {"type": "array", "items": ref("BankAccount")}, "credit_hold_days_overdue": nullable({"type": "integer", "description": "A customer with an invoice more days overdue goes on credit hold; null: never"}), "reference_rates": {"type": "string", "description": "USD=4100,EUR=4450: units of the default currency per unit of another, for ranking and credit exposure only"}, "late_fee_policy": {"type": "string", "enum": vocabulary["late_fee_policy"]}, "late_fee_amount": nullable(money), "late_interest_rate": nullable({"type": "string", "description": "Simple yearly interest in percent, charged per month on the unpaid balance"}), "legal_maximum_rate": nullable({"type": "string", "description": "Legal maximum yearly rate (e.g. Colombia's tasa de usura); the rate applied never exceeds it"}), "portal_promise_max_days": {"type": "integer", "minimum": 1, "maximum": 365, "description": "A promise made on the customer portal is due at most this many days ahead (default 45)"}, "portal_promise_minimum_share": {"type": "string", "description": "Percentage of what the invoices it names owe that a portal promise must at least be (default \"10\")"}, "letterhead": ref("Letterhead"), "statement_stale_days": {"type": "integer", "minimum": 1, "maximum": 60, "description": "Working days a bank statement may be old before the check before sending acts (default 3)"}, "statement_stale_mode": {"type": "string", "enum": vocabulary["statement_stale_mode"], "description": "hold: an old statement holds reminders; warn: only the dashboard warns. With no statement ever imported it only warns"}, "paused_until": nullable({**date, "description": "Paused: nothing goes out (event messages included) before this day; null: not paused"}), "outgoing_digest": {"type": "boolean", "description": "The morning email to collectors and admins of what the run sends and holds"}}, ["id", "name", "default_currency", "locale", "time_zone", "reminder_kinds", "digest_kinds", "summary_frequency", "working_weekdays", "holidays", "payment_instructions", "bank_accounts", "reference_rates", "late_fee_policy", "portal_promise_max_days", "portal_promise_minimum_share", "letterhead", "statement_stale_days", "statement_stale_mode", "outgoing_digest"]),
 "Letterhead": obj({part: nullable({"type": "string"}) for part in LETTERHEAD_PARTS}, []),
 "BankAccount": obj({"bank": {"type": "string"}, "account_type": {"type": "string", "enum": vocabulary["bank_account_type"]}, "number": {"type": "string"}, "holder": {"type": "string"}, "tax_id": nullable({"type": "string"})}, ["bank", "account_type", "number", "holder"]),
 "OrganisationUpdate": inp({"name": {"type": "string"}, "default_currency": {"type": "string", "description": "ISO 4217"}, "locale": {"type": "string", "enum": vocabulary["locale"]}, "time_zone": {"type": "string", "description": "IANA time zone"}, "reminder_kinds": {"type": "array", "items": kind}, "digest_kinds": {"type": "array", "items": {"type": "string", "enum": vocabulary["digest_kind"]}, "description": "Replaces the stored list; empty: every event kind as soon as allowed"}, "summary_frequency": {"type": "string", "enum": vocabulary["summary_frequency"]}, "working_weekdays": {"type": "array", "items": {"type": "integer"}}, "holidays": {"type": "array", "items": date}, "payment_instructions": {"type": "string"}, "reply_to_email": {"type": "string"}, "sender_name": {"type": "string", "description": "Empty: the organisation's name"}, "sender_email": {"type": "string", "description": "Empty: the server's address"}, "reminder_hour": {"type": "integer", "minimum": 0, "maximum": 23}, "collections_start": {"type": "string", "description": "ISO date; empty unsets it (the next daily pass or import sets it again)"}, "bank_accounts": {"type": "array", "maxItems": 10, "description": "Replaces the stored list", "items": {"type": "object", "additionalProperties": False, "required": ["bank", "account_type", "number", "holder"], "properties": {"bank": {"type": "string"}, "account_type": {"type": "string", "enum": vocabulary["bank_account_type"]}, "number": {"type": "string"}, "holder": {"type": "string"}, "tax_id": {"type": "string"}}}}, "credit_hold_days_overdue": {"type": "integer", "minimum": 0, "maximum": 3650, "description": "0 switches the automatic hold off"}, "reference_rates": {"type": "string"}, "late_fee_policy": {"type": "string", "enum": vocabulary["late_fee_policy"]}, "late_fee_amount": {"type": "string", "description": "Fee per overdue reminder step, in the default currency"}, "late_interest_rate": {"type": "string", "pattern": "^[0-9]{1,3}(\\.[0-9]{1,2})?$", "description": "Yearly percentage, e.g. 24.5"}, "legal_maximum_rate": {"type": "string", "description": "Yearly percentage cap; empty removes it"}, "portal_promise_max_days": {"type": "integer", "minimum": 1, "maximum": 365, "description": "Latest day a portal promise may fall on, in days from today"}, "portal_promise_minimum_share": {"type": "string", "pattern": "^[0-9]{1,3}(\\.[0-9]{1,2})?$", "description": "Least share (0-100 %) of the named invoices' balance a portal promise must be, e.g. 10 or 12.5"}, "letterhead": {"type": "object", "additionalProperties": False, "description": "The letterhead and signer of posted letters; each part given replaces the stored one, empty removes it", "properties": {part: {"type": "string"} for part in LETTERHEAD_PARTS}}, "statement_stale_days": {"type": "integer", "minimum": 1, "maximum": 60}, "statement_stale_mode": {"type": "string", "enum": vocabulary["statement_stale_mode"]}, "paused_until": {"type": "string", "description": "The day sending resumes (YYYY-MM-DD, after today); empty resumes now"}, "outgoing_digest": {"type": "boolean"}}),
 "Customer": obj({"id": uuid, "legal_name": {"type": "string"}, "tax_id": nullable({"type": "string"}), "payment_terms": {"type": "string", "description": "net30, eom30, 2/10 net30 …"}, "currency": {"type": "string"}, "credit_limit": nullable(money), "language": {"type": "string", "enum": vocabulary["language"]}, "notes": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}, "do_not_contact": {"type": "boolean"}, "reminders_off": {"type": "array", "items": kind}, "collection_policy_id": nullable(uuid), "assigned_user_id": nullable(uuid), "credit_hold_reason": nullable({"type": "string", "description": "Set when a collector put the customer on credit hold by hand; automatic holds are in the credit check"}), "escalated_to": nullable({"type": "string"}), "escalated_on": nullable(date), "payment_reference": nullable({"type": "string", "description": "For transfers covering several invoices, e.g. CR-7K4M2Q; single invoices are paid quoting their number"}), "address_line": nullable({"type": "string"}), "city": nullable({"type": "string"}), "region": nullable({"type": "string"}), "postal_code": nullable({"type": "string"}), "country": nullable({"type": "string"}), "jurisdiction": nullable({"type": "string", "enum": vocabulary["jurisdiction"], "description": "Whose contact rules apply; null: the organisation's country"}), "time_zone": nullable({"type": "string", "description": "IANA zone the contact hours are read in; null: the organisation's"}), "created_at": ts, "updated_at": ts}, ["id", "legal_name", "payment_terms", "currency", "language", "notes", "tags", "do_not_contact", "reminders_off"]),
 "CustomerInput": inp({"legal_name": {"type": "string"}, "tax_id": {"type": "string", "description": "Checked as tax_id_kind and stored canonical: a NIT typed without its check digit gets it (900123456 → 900123456-8); a wrong check digit is refused (wrong_check_digit)"}, "tax_id_kind": {"type": "string", "description": "nit, rut, rfc, nif or other (kept as typed); default: the organisation's locale (es-CO nit, es-CL rut, es-MX rfc, es-ES nif, en-US other)"}, "address_line": {"type": "string"}, "city": {"type": "string"}, "region": {"type": "string"}, "postal_code": {"type": "string"}, "country": {"type": "string"}, "jurisdiction": {"type": "string", "enum": vocabulary["jurisdiction"], "description": "Whose contact rules apply; empty: the organisation's country"}, "time_zone": {"type": "string", "description": "IANA zone, e.g. America/Santiago; empty: the organisation's"}, "assigned_user_id": {"type": "string", "format": "uuid", "description": "POST only: the collector who works the account"}, "payment_terms": {"type": "string"}, "currency": {"type": "string"}, "credit_limit": money, "language": {"type": "string", "enum": vocabulary["language"]}, "notes": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}, "do_not_contact": {"type": "boolean"}, "reminders_off": {"type": "array", "items": kind}, "collection_policy_id": {"type": "string", "description": "A policy id, or \"default\""}}, desc="POST requires legal_name; PATCH takes any subset."),
 "CustomerPage": page("Customer"),
 "Contact": obj({"id": uuid, "customer_id": uuid, "name": {"type": "string"}, "role": {"type": "string", "enum": vocabulary["contact_role"]}, "email": nullable({"type": "string"}), "phone": nullable({"type": "string"}), "consent": {"type": "array", "description": "Every channel with what the contact said; a channel nobody recorded is authorised", "items": obj({"channel": {"type": "string", "enum": vocabulary["contact_channel"]}, "state": {"type": "string", "enum": vocabulary["consent_state"]}, "changed_on": nullable(date), "source": nullable({"type": "string", "enum": vocabulary["consent_source"]})}, ["channel", "state"])}}, ["id", "customer_id", "name", "role", "consent"]),
 "ContactInput": inp({"name": {"type": "string"}, "role": {"type": "string", "enum": vocabulary["contact_role"]}, "email": {"type": "string"}, "phone": {"type": "string"}, "consent": {"type": "object", "description": "Per channel (email, sms, letter, call) what the contact said; channels left out keep theirs. An opt-out is recorded with today's date and the source (api); in Colombia only authorised channels are used", "additionalProperties": {"type": "string", "enum": vocabulary["consent_state"]}}}, desc="POST requires name and an email or phone."),
 "InvoiceLine": obj({"description": {"type": "string"}, "quantity": {"type": "string"}, "unit_price": money, "amount": money}),
 "Invoice": obj({"id": uuid, "customer_id": uuid, "number": {"type": "string"}, "status": {"type": "string", "enum": vocabulary["invoice_status"]}, "issue_date": date, "due_date": date, "payment_terms": {"type": "string"}, "currency": {"type": "string"}, "total": money, "settled": money, "balance": money, "days_past_due": nullable({"type": "integer"}), "aging_bucket": nullable({"type": "string", "enum": vocabulary["aging_bucket"]}), "early_payment_discount": nullable(obj({"deadline": date, "amount_due": money})), "external_reference": nullable({"type": "string"}), "notes": {"type": "string"}, "lines": {"type": "array", "items": ref("InvoiceLine")}, "created_at": ts, "updated_at": ts}, ["id", "customer_id", "number", "status", "issue_date", "due_date", "payment_terms", "currency", "total", "settled", "balance", "notes", "lines"]),
 "InvoiceInput": inp({"customer_id": uuid, "number": {"type": "string"}, "issue_date": date, "due_date": date, "payment_terms": {"type": "string"}, "currency": {"type": "string"}, "total": money, "lines": {"type": "array", "items": inp({"description": {"type": "string"}, "quantity": {"type": "string", "description": "Up to 3 decimals, default 1"}, "unit_price": money}, ["description", "unit_price"])}, "external_reference": {"type": "string"}, "notes": {"type": "string"}, "status": {"type": "string", "enum": vocabulary["invoice_creatable_status"]}}, desc="POST requires customer_id, number and lines or total. Issued invoices accept only due_date, external_reference and notes in PATCH."),
 "InvoicePage": page("Invoice"),
 "VoidInput": inp({"reason": {"type": "string"}}, ["reason"]),
 "Allocation": obj({"invoice_id": uuid, "kind": {"type": "string", "enum": vocabulary["settlement_kind"]}, "amount": money, "applied_on": date}),
 "AllocationInput": inp({"invoice_id": uuid, "amount": money}, ["invoice_id", "amount"]),
 "ApplyCreditInput": inp({"allocations": {"type": "array", "items": ref("AllocationInput")}}, desc="Without allocations the remaining credit settles the oldest open invoices first."),
 "Payment": obj({"id": uuid, "customer_id": uuid, "received_on": date, "currency": {"type": "string"}, "amount": money, "allocated": money, "unallocated": money, "method": {"type": "string", "enum": vocabulary["payment_method"]}, "reference": nullable({"type": "string"}), "notes": {"type": "string"}, "allocations": {"type": "array", "items": ref("Allocation")}, "reversed_on": nullable(date), "reversal_reason": nullable({"type": "string"}), "created_at": ts}, ["id", "customer_id", "received_on", "currency", "amount", "allocated", "unallocated", "method", "notes", "allocations"]),
 "PaymentInput": inp({"customer_id": uuid, "received_on": date, "amount": money, "currency": {"type": "string"}, "method": {"type": "string", "enum": vocabulary["payment_method"]}, "reference": {"type": "string"}, "notes": {"type": "string"}, "allocations": {"type": "array", "items": ref("AllocationInput")}, "auto_allocate": {"type": "boolean", "default": True}}, ["customer_id", "amount"]),
 "PaymentUpdate": inp({"reference": {"type": "string"}, "notes": {"type": "string"}, "method": {"type": "string", "enum": vocabulary["payment_method"]}}),
 "PaymentPage": page("Payment"),
 "CreditNote": obj({"id": uuid, "customer_id": uuid, "number": {"type": "string"}, "issued_on": date, "currency": {"type": "string"}, "amount": money, "allocated": money, "unallocated": money, "reason": {"type": "string"}, "allocations": {"type": "array", "items": ref("Allocation")}, "created_at": ts}, ["id", "customer_id", "number", "issued_on", "currency", "amount", "allocated", "unallocated", "reason", "allocations"]),
 "CreditNoteInput": inp({"customer_id": uuid, "number": {"type": "string"}, "issued_on": date, "amount": money, "currency": {"type": "string"}, "reason": {"type": "string"}, "invoice_id": uuid}, ["customer_id", "number", "amount", "reason"]),
 "CreditNoteUpdate": inp({"reason": {"type": "string"}}),
 "CreditNotePage": page("CreditNote"),
 "AgingBuckets": buckets,
 "Aging": obj({"as_of": date, "currencies": {"type": "array", "items": obj({"currency": {"type": "string"}, "buckets": ref("AgingBuckets"), "total": money, "invoice_count": {"type": "integer"}})}}),
 "PolicyStep": obj({"key": {"type": "string"}, "offset_days": {"type": "integer", "minimum": -90, "maximum": 365, "description": "Days relative to the due date; negative is before"}, "channel": channel, "tone": tone, "template": template_key}),
 "PolicyStepInput": inp({"key": {"type": "string"}, "offset_days": {"type": "integer"}, "channel": channel, "tone": tone, "template": template_key}, ["key", "offset_days", "channel"]),
 "CollectionPolicy": obj({"id": nullable(uuid), "name": {"type": "string"}, "is_default": {"type": "boolean"}, "steps": {"type": "array", "items": ref("PolicyStep")}}, ["name", "is_default", "steps"]),
 "PolicyRule": obj({"position": {"type": "integer", "minimum": 1, "description": "1 first: the first rule that matches a customer chooses their policy"}, "policy_id": uuid, "risk_levels": {"type": "array", "items": {"type": "string", "enum": vocabulary["risk_level"]}, "description": "The customer's risk level is one of these; empty: any"}, "minimum_balance": nullable(money), "maximum_balance": nullable(money), "tag": nullable({"type": "string"}), "minimum_days_overdue": nullable({"type": "integer", "minimum": 0})}, ["position", "policy_id", "risk_levels"], desc="A rule that chooses a customer's policy; a customer's own policy overrides the rules, and with no match the default applies. Balances are what the customer owes in all, in the organisation's currency."),
 "PolicyRuleInput": inp({"policy_id": uuid, "risk_levels": {"type": "array", "items": {"type": "string", "enum": vocabulary["risk_level"]}}, "risk_at_least": {"type": "string", "enum": vocabulary["risk_level"]}, "minimum_balance": money, "maximum_balance": money, "tag": {"type": "string", "maxLength": 50}, "minimum_days_overdue": {"type": "integer", "minimum": 0, "maximum": 1095}}, ["policy_id"], desc="A condition left out holds for every customer."),
 "PolicyRulesInput": inp({"rules": {"type": "array", "maxItems": 50, "items": ref("PolicyRuleInput")}}, ["rules"], desc="The whole ordered list; it replaces the stored one."),
 "CollectionPolicyInput": inp({"name": {"type": "string"}, "is_default": {"type": "boolean"}, "steps": {"type": "array", "items": ref("PolicyStepInput")}}, desc="POST requires name and steps."),
 "MessageTemplate": obj({"key": template_key, "language": {"type": "string", "enum": vocabulary["language"]}, "channel": channel, "subject": {"type": "string"}, "body": {"type": "string"}, "customized": {"type": "boolean"}}),
 "MessageTemplateInput": inp({"subject": {"type": "string"}, "body": {"type": "string", "description": "{{variable}}, {{#invoices}}…{{/invoices}}; see README"}}, ["body"]),
 "TemplatePreviewInput": inp({"key": template_key, "language": {"type": "string"}, "channel": channel, "subject": {"type": "string"}, "body": {"type": "string"}, "customer_id": uuid}, ["key"]),
 "TemplatePreview": obj({"subject": {"type": "string"}, "text": {"type": "string"}, "html": {"type": "string"}}),
 "OutboxMessage": obj({"id": uuid, "customer_id": uuid, "kind": kind, "channel": channel, "tone": tone, "status": {"type": "string", "enum": vocabulary["outbox_status"]}, "recipient_name": {"type": "string"}, "recipient_address": {"type": "string"}, "subject": {"type": "string"}, "body_text": {"type": "string"}, "message_id": {"type": "string"}, "attempts": {"type": "integer"}, "last_error": nullable({"type": "string"}), "scheduled_on": date, "sent_at": ts, "created_at": ts}, ["id", "customer_id", "kind", "channel", "tone", "status", "recipient_name", "recipient_address", "subject", "body_text", "message_id", "attempts", "scheduled_on"]),
 "OutboxPage": page("OutboxMessage"),
 "DunningRunInput": inp({"date": date}),
 "DunningReport": obj({"date": date, "dry_run": {"type": "boolean"}, "planned": {"type": "array", "items": obj({"customer_id": uuid, "channel": channel, "kind": kind, "tone": tone, "template": template_key, "steps": {"type": "array", "items": {"type": "string"}}, "invoice_ids": {"type": "array", "items": uuid}, "hold": nullable({"type": "string", "enum": vocabulary["safety_hold_reason"], "description": "Why the check before sending holds it (no delivery recorded, a task for the collector, reconsidered on the next pass); null: it goes"})}, ["customer_id", "channel", "kind", "tone", "template", "steps", "invoice_ids"])}, "held": {"type": "integer", "description": "Batches the check before sending held"}, "paused_until": nullable(date), "messages_queued": {"type": "integer"}, "tasks_created": {"type": "integer"}, "summaries_queued": {"type": "integer"}, "already_done": {"type": "integer"}, "no_contact": {"type": "integer"}, "deferred": {"type": "integer", "description": "Steps over the customer's contact limits today (per day, per week, channels per week): nothing recorded, reconsidered on the next pass"}}, ["date", "dry_run", "planned", "held", "messages_queued", "tasks_created", "summaries_queued", "already_done", "no_contact", "deferred"]),
 "InvoiceReminders": obj({"invoice_id": uuid, "paused": {"type": "boolean"}, "delivered": {"type": "array", "items": obj({"step": {"type": "string"}, "run_on": date, "message_id": uuid, "task_id": uuid}, ["step", "run_on"])}, "next": nullable(obj({"step": {"type": "string"}, "date": date, "channel": channel}))}, ["invoice_id", "paused", "delivered"]),
 "CollectionTask": obj({"id": uuid, "customer_id": uuid, "kind": {"type": "string", "enum": vocabulary["task_kind"]}, "title": {"type": "string"}, "due_on": date, "status": {"type": "string", "enum": vocabulary["task_status"]}, "invoice_ids": {"type": "array", "items": {"type": "string"}}}),
 "Dispute": obj({"id": uuid, "invoice_id": uuid, "status": {"type": "string", "enum": vocabulary["dispute_status"]}, "reason": {"type": "string"}, "amount": nullable(money), "opened_on": date, "resolved_on": date, "resolution": {"type": "string", "enum": vocabulary["dispute_resolution"]}}, ["id", "invoice_id", "status", "reason", "opened_on"]),
 "DisputeInput": inp({"reason": {"type": "string"}, "amount": {**money, "description": "What is contested; the balance when omitted"}}, ["reason"]),
 "DisputeResolution": inp({"resolution": {"type": "string", "enum": vocabulary["dispute_resolution"]}, "note": {"type": "string"}, "credit_note_number": {"type": "string", "description": "Required with credit_note: the note is issued and applied to the invoice"}, "credit_amount": {**money, "description": "Default: the disputed amount"}}, ["resolution"]),
 "Amount": obj({"currency": {"type": "string"}, "amount": money}),
 "WorklistItem": obj({"customer_id": uuid, "legal_name": {"type": "string"}, "score": {"type": "integer", "description": "Σ overdue major units × days overdue × risk weight (low 1, medium 2, high 3) × (1 + broken promises); paused invoices excluded"}, "needs_action_today": {"type": "boolean"}, "risk": {"type": "string", "enum": vocabulary["risk_level"]}, "overdue": {"type": "array", "items": ref("Amount")}, "maximum_days_overdue": {"type": "integer"}, "call_tasks_due": {"type": "integer"}, "recent_broken_promises": {"type": "integer"}, "new_disputes": {"type": "integer"}, "promises_due_today": {"type": "integer"}, "assigned_user_id": nullable(uuid)}, ["customer_id", "legal_name", "score", "needs_action_today", "risk", "overdue", "maximum_days_overdue", "call_tasks_due", "recent_broken_promises", "new_disputes", "promises_due_today"]),
 "TimelineEntry": obj({"at": {"type": "string", "description": "Local date, or local date and time (HH:MM), in the organisation's time zone"}, "kind": {"type": "string", "enum": vocabulary["timeline_kind"]}, "summary": {"type": "string", "description": "In the Accept-Language language"}, "detail": {"type": "string"}, "link": nullable({"type": "string"})}, ["at", "kind", "summary", "detail"]),
 "Call": obj({"id": uuid, "customer_id": uuid, "kind": {"type": "string", "enum": vocabulary["interaction_kind"]}, "contact_id": nullable(uuid), "outcome": nullable({"type": "string", "enum": vocabulary["call_outcome"]}), "note": {"type": "string"}, "follow_up_on": nullable(date), "promise_id": nullable(uuid), "dispute_id": nullable(uuid), "author": {"type": "string"}, "created_at": ts}, ["id", "customer_id", "kind", "note", "author"]),
 "CallInput": inp({"outcome": {"type": "string", "enum": vocabulary["call_outcome"]}, "contact_id": uuid, "note": {"type": "string"}, "follow_up_on": date, "promised_on": date, "promise_amount": money, "currency": {"type": "string"}, "invoice_ids": {"type": "array", "items": uuid}, "invoice_id": uuid, "dispute_reason": {"type": "string"}, "dispute_amount": money}, ["outcome"], desc="The outcome decides what follows: promise needs promise_amount and promised_on; dispute needs invoice_id; no_answer creates a call-again task (follow_up_on or in 2 days); wrong_number and refused create a task today."),
 "NoteInput": inp({"note": {"type": "string"}}, ["note"]),
 "ReasonInput": inp({"reason": {"type": "string"}}, ["reason"]),
 "ManualHoldInput": inp({"reason": {"type": "string", "maxLength": 500}, "until": {**date, "description": "The last day reminders stay paused (today or later, at most 365 days ahead)"}}, ["reason", "until"]),
 "ManualHold": obj({"id": uuid, "invoice_id": uuid, "reason": {"type": "string"}, "until": nullable(date)}, ["id", "invoice_id", "reason"]),
 "ManualHoldRelease": obj({"released": {"type": "integer", "description": "Manual pauses ended (0: there was none)"}}),
 "AssignInput": inp({"user_id": nullable(uuid)}, desc="A collector or admin of the organisation; null leaves the account unassigned"),
 "EscalationInput": inp({"agency": {"type": "string"}, "note": {"type": "string"}}, ["agency"]),
 "CreditCheck": obj({"customer_id": uuid, "allowed": {"type": "boolean"}, "on_hold": {"type": "boolean"}, "currency": {"type": "string"}, "exposure": money, "credit_limit": nullable(money), "available_credit": nullable(money), "oldest_days_overdue": {"type": "integer"}, "reasons": {"type": "array", "items": obj({"code": {"type": "string", "enum": vocabulary["credit_reason"]}, "message": {"type": "string"}})}}, ["customer_id", "allowed", "on_hold", "currency", "exposure", "oldest_days_overdue", "reasons"]),
 "PaymentPlan": obj({"id": uuid, "customer_id": uuid, "status": {"type": "string", "enum": vocabulary["payment_plan_status"]}, "currency": {"type": "string"}, "total": money, "invoice_ids": {"type": "array", "items": uuid}, "starts_on": date, "ended_on": nullable(date), "note": {"type": "string"}, "instalments": {"type": "array", "items": obj({"number": {"type": "integer"}, "due_on": date, "amount": money, "paid": money, "state": {"type": "string", "enum": vocabulary["instalment_state"]}})}}, ["id", "customer_id", "status", "currency", "total", "invoice_ids", "starts_on", "note", "instalments"]),
 "PaymentPlanInput": inp({"invoice_ids": {"type": "array", "items": uuid}, "instalments": {"type": "integer", "minimum": 1, "maximum": 60}, "first_due_on": date, "every_days": {"type": "integer", "minimum": 1, "description": "Default: monthly on the same day"}, "down_payment": money, "down_payment_due_on": date, "schedule": {"type": "array", "items": inp({"due_on": date, "amount": money}, ["due_on", "amount"]), "description": "Agreed amounts instead of equal instalments; must add up to the covered balance"}, "note": {"type": "string"}}, ["invoice_ids"]),
 "StatementImport": obj({"import_id": uuid, "lines": {"type": "integer"}, "duplicates": {"type": "integer", "description": "Lines imported before: never posted twice"}, "matched": {"type": "integer", "description": "Posted as payments"}, "review": {"type": "integer", "description": "Waiting in the review queue"}, "ignored": {"type": "integer", "description": "Debits"}}),
 "Risk": obj({"customer_id": uuid, "level": {"type": "string", "enum": vocabulary["risk_level"]}, "reasons": {"type": "array", "items": obj({"code": {"type": "string", "enum": vocabulary["risk_reason"]}, "message": {"type": "string"}, "figures": {"type": "object", "additionalProperties": {"type": "string"}}})}, "paid_count": {"type": "integer"}, "paid_late_count": {"type": "integer"}, "on_time_rate": nullable({"type": "string", "description": "Percent paid on or before the due date"}), "average_days_late": {"type": "integer"}, "p90_days_late": {"type": "integer", "description": "90th percentile (nearest rank) of days late"}, "overdue_share": nullable({"type": "string", "description": "Percent of the open balance overdue (worst currency)"}), "broken_promises": {"type": "integer"}, "open_disputes": {"type": "integer"}, "as_of": date}, ["customer_id", "level", "reasons", "paid_count", "paid_late_count", "average_days_late", "p90_days_late", "broken_promises", "open_disputes", "as_of"]),
 "Prediction": obj({"invoice_id": uuid, "expected_on": nullable(date), "earliest": nullable(date), "latest": nullable(date), "expected_delay_days": nullable({"type": "integer"}), "basis": nullable({"type": "string", "enum": vocabulary["prediction_basis"]}), "customer_history_count": {"type": "integer"}}, ["invoice_id", "customer_history_count"]),
 "LateFee": obj({"id": uuid, "customer_id": uuid, "invoice_id": uuid, "kind": {"type": "string", "enum": vocabulary["late_fee_kind"]}, "period": {"type": "string", "description": "The reminder step's key, or the interest month YYYY-MM"}, "period_from": nullable(date), "period_through": nullable(date), "rate": nullable({"type": "string"}), "base": money, "amount": money, "currency": {"type": "string"}, "charged_on": date, "status": {"type": "string", "enum": vocabulary["late_fee_status"]}, "waiver_reason": nullable({"type": "string"}), "waived_by": nullable({"type": "string"})}, ["id", "customer_id", "invoice_id", "kind", "period", "base", "amount", "currency", "charged_on", "status"]),
 "BankTransaction": obj({"id": uuid, "booking_date": date, "currency": {"type": "string"}, "amount": money, "bank_reference": nullable({"type": "string"}), "remittance_text": {"type": "string"}, "counterparty_name": nullable({"type": "string"}), "counterparty_account": nullable({"type": "string"}), "status": {"type": "string", "enum": vocabulary["bank_transaction_status"]}, "match_rule": {"type": "string", "enum": vocabulary["match_rule"]}, "confidence": {"type": "integer", "minimum": 0, "maximum": 100}, "customer_id": nullable(uuid), "payment_id": nullable(uuid), "note": {"type": "string"}}, ["id", "booking_date", "currency", "amount", "remittance_text", "status", "match_rule", "confidence", "note"]),
 "BankMatchInput": inp({"customer_id": uuid, "allocations": {"type": "array", "items": ref("AllocationInput")}}, ["customer_id"], desc="Without allocations the money settles the customer's oldest open invoices first"),
 "PortalLinkInput": inp({"days": {"type": "integer", "minimum": 1, "maximum": 365, "default": 60}}),
 "AuditEvent": obj({"id": uuid, "occurred_at": ts, "actor": {"type": "string"}, "action": {"type": "string"}, "entity_type": {"type": "string"}, "entity_id": uuid, "details": {"type": "object", "additionalProperties": {"type": "string"}}}),
 "Promise": obj({"id": uuid, "customer_id": uuid, "promised_on": date, "currency": {"type": "string"}, "amount": money, "status": {"type": "string", "enum": vocabulary["promise_status"]}, "note": {"type": "string"}, "invoice_ids": {"type": "array", "items": uuid}}),
 "TaskInput": inp({"customer_id": uuid, "kind": {"type": "string", "enum": vocabulary["task_kind"]}, "due_on": date, "note": {"type": "string", "maxLength": 300, "description": "What to do; becomes the task's title"}}, ["customer_id", "kind", "due_on", "note"], desc="A task written by hand; due today or later."),
 "TaskReschedule": inp({"due_on": date}, ["due_on"], desc="The new due date: today or later."),
 "BulkAccounts": inp({"customer_ids": {"type": "array", "items": uuid, "minItems": 1, "maxItems": 200}, "user_id": nullable(uuid)}, ["customer_ids"], desc="user_id (assign only): the collector; empty or absent gives the accounts to nobody."),
 "BulkOutcome": obj({"done": {"type": "integer"}, "skipped": {"type": "object", "additionalProperties": {"type": "integer"}, "description": "Accounts left as they were, by reason: statement_already_sent, do_not_contact, nothing_owed, no_contact"}}),
 "TaskBulkComplete": inp({"task_ids": {"type": "array", "items": uuid, "minItems": 1, "maxItems": 200}}, ["task_ids"], desc="Every task named is completed, or none (one not open refuses the lot)."),
 "PromiseInput": inp({"promised_on": date, "amount": money, "currency": {"type": "string"}, "note": {"type": "string"}, "invoice_ids": {"type": "array", "items": uuid, "description": "Default: every open invoice in the currency"}}, ["promised_on", "amount"]),
 "AgingBreakdown": obj({"as_of": date, "rows": {"type": "array", "items": obj({"id": nullable({**uuid, "description": "The customer's or collector's id; null for the unassigned row"}), "name": {"type": "string", "description": "Legal name, collector's name, or \"unassigned\""}, "currencies": {"type": "array", "items": obj({"currency": {"type": "string"}, "buckets": ref("AgingBuckets"), "total": money})}}, ["name", "currencies"])}}, desc="Open amounts as they stood at the end of as_of, rebuilt from the ledger (invoices issued by then less allocations applied by then); one entry per currency, never added together"),
 "CollectionReport": obj({"from": date, "to": date, "within_days": {"type": "integer"},
   "currencies": {"type": "array", "items": obj({"currency": {"type": "string"}, "beginning_receivables": {**money, "description": "Receivables at the end of the day before from"}, "credit_sales": {**money, "description": "Totals of invoices issued from..to"}, "ending_receivables": {**money, "description": "Receivables at the end of to"}, "ending_current": {**money, "description": "Part of ending_receivables not yet due on to"}, "dso_days": {"type": "string", "description": "Countback DSO in days, one decimal: each month's credit sales (most recent first, the month of `to` up to `to`) are taken out of ending_receivables; covered months add all their days, the last one remaining ÷ sales × days"}, "dso_history_exhausted": {"type": "boolean", "description": "The receivables exceed 24 months of sales: dso_days is a lower bound"}, "cei_percent": nullable({"type": "string", "description": "(beginning + sales − ending) ÷ (beginning + sales − ending current) × 100, two decimals"}), "best_possible_dso_days": nullable({"type": "string", "description": "ending current ÷ credit sales × days in the period"})}, ["currency", "beginning_receivables", "credit_sales", "ending_receivables", "ending_current", "dso_days", "dso_history_exhausted"])},
   "promises": obj({"kept": {"type": "integer"}, "broken": {"type": "integer"}, "kept_percent": nullable({"type": "string", "description": "Absent when no promise was settled"})}, ["kept", "broken"], desc="Promises dated in the period, settled as kept or broken"),
   "disputes": obj({"open": {"type": "integer"}, "average_age_days": nullable({"type": "string", "description": "Absent with no open dispute"})}, ["open"], desc="Disputes open at the end of to"),
   "reminders": {"type": "array", "description": "Reminders sent in the period per policy step (in step order) and how many of their invoices were paid (last allocation) within within_days days", "items": obj({"step": {"type": "string"}, "sent": {"type": "integer"}, "paid_within": {"type": "integer"}, "paid_within_percent": nullable({"type": "string"})}, ["step", "sent", "paid_within"])}}, desc="Figures that would divide by zero (CEI with nothing collectible, best DSO without sales) are left out"),
 "Forecast": obj({"as_of": date, "weeks": {"type": "array", "items": obj({"start": {**date, "description": "The Monday the week starts on; week 1 contains as_of"}, "amounts": {"type": "array", "items": ref("Amount")}})}, "beyond_horizon": {"type": "array", "items": ref("Amount")}, "totals": {"type": "array", "items": ref("Amount"), "description": "Weeks plus beyond the horizon, per currency: the open balance"}, "model": obj({"settled_invoices": {"type": "integer"}, "predicted_invoices": {"type": "integer"}, "invoices_by_due_date": {"type": "integer", "description": "Expected on the due date: no payment history at all yet"}, "plan_instalments": {"type": "integer"}, "note": {"type": "string"}})}),
 "ImportRowError": obj({"line": {"type": "integer", "description": "1-based line of the file, as a text editor numbers it"}, "column": nullable({"type": "string", "description": "The column's header in the file"}), "field": nullable({"type": "string", "description": "The field the column feeds, e.g. due_date"}), "code": {"type": "string", "description": "bad_date, negative_amount, duplicate_invoice_number, unknown_customer, …"}, "message": {"type": "string", "description": "In the Accept-Language language"}}, ["line", "code", "message"]),
 "ImportCounts": obj({"customers_created": {"type": "integer"}, "customers_matched": {"type": "integer"}, "contacts": {"type": "integer"}, "invoices": {"type": "integer"}, "payments": {"type": "integer"}, "opening_settlements": {"type": "integer", "description": "Invoices paid in part or in full before the import, recorded as an opening payment each"}}),
 "ImportReport": obj({"kind": {"type": "string", "enum": vocabulary["import_kind"]}, "dry_run": {"type": "boolean"}, "encoding": {"type": "string", "enum": vocabulary["import_encoding"]}, "delimiter": {"type": "string"}, "header_line": nullable({"type": "integer"}), "columns": {"type": "array", "items": obj({"index": {"type": "integer"}, "header": {"type": "string"}, "field": nullable({"type": "string"})}, ["index", "header"])}, "ignored_columns": {"type": "array", "items": {"type": "string"}}, "rows": {"type": "integer"}, "valid": {"type": "integer"}, "rejected": {"type": "integer"}, "skipped": {"type": "integer", "description": "Totals, headings and non-invoice transactions left out on purpose"}, "error_count": {"type": "integer", "description": "Every error; `errors` lists up to 100,000"}, "created": ref("ImportCounts"), "errors": {"type": "array", "items": ref("ImportRowError")}}, ["kind", "dry_run", "encoding", "delimiter", "columns", "ignored_columns", "rows", "valid", "rejected", "skipped", "error_count", "created", "errors"]),
 "ImportRejected": obj({"error": obj({"code": {"type": "string", "enum": vocabulary["import_rejected_code"]}, "message": {"type": "string"}, "errors": {"type": "array", "items": ref("ImportRowError")}}), "report": ref("ImportReport")}, desc="The file has row errors: nothing was imported."),
 "Statement": obj({"customer_id": uuid, "legal_name": {"type": "string"}, "as_of": date, "currencies": {"type": "array", "items": obj({"currency": {"type": "string"}, "open_items": {"type": "array", "items": obj({"invoice_id": uuid, "number": {"type": "string"}, "issue_date": date, "due_date": date, "total": money, "balance": money, "days_past_due": {"type": "integer"}, "aging_bucket": {"type": "string"}, "holds": {"type": "array", "description": "Why it is paused today, as the customer is told (a collector's own pause is not listed); empty when nothing holds it", "items": obj({"kind": {"type": "string", "enum": vocabulary["statement_hold_kind"]}, "until": {**date, "description": "The last day a promise holds; absent when open-ended"}}, ["kind"])}})}, "open_balance": money, "unapplied_credit": money, "net_balance": money, "late_fees": {**money, "description": "Late fees charged and not waived: owed apart from the invoices"}, "aging": ref("AgingBuckets")})}}),
}
def err(desc): return {"description": desc, "content": {"application/json": {"schema": ref("Error")}}}
def ok(schema, code="200", desc="OK"):
    return {code: {"description": desc, "content": {"application/json": {"schema": ref(schema) if isinstance(schema, str) else schema}}}}
def errors(*codes):
    d = {"401": err("Missing or invalid API key")}
    texts = {"400": "Malformed request body", "403": "The key's role does not allow this (viewer: reads only; collector: no settings or write-offs)", "404": "Not found", "409": "Conflicts with existing data or state", "415": "Body is not JSON", "422": "Invalid field; error.field names it"}
    for c in codes: d[c] = err(texts[c])
    return d
too_large = err("The file is larger than the upload limit (upload_too_large; CARTERA_UPLOAD_LIMIT_MB, default 50 MB)")
def body(schema): return {"required": True, "content": {"application/json": {"schema": ref(schema)}}}
def qp(name, schema, desc=None):
    p = {"name": name, "in": "query", "required": False, "schema": schema}
    if desc: p["description"] = desc
    return p
def pp(name): return {"name": name, "in": "path", "required": True, "schema": uuid}
paging = [qp("page", {"type": "integer", "minimum": 1}), qp("per_page", {"type": "integer", "minimum": 1, "maximum": 200})]
def op(opid, summary, responses, tag, params=None, request=None):
    o = {"operationId": opid, "summary": summary, "tags": [tag], "responses": responses}
    if params: o["parameters"] = params
    if request: o["requestBody"] = body(request)
    return o
W = ("400", "415", "422")
paths = {
 "/organisation": {
   "get": op("getOrganisation", "The caller's organisation", {**ok("Organisation"), **errors()}, "organisation"),
   "patch": op("updateOrganisation", "Change name, currency, locale, time zone, reminder, credit, late-fee and portal settings", {**ok("Organisation"), **errors(*W)}, "organisation", request="OrganisationUpdate")},
 "/customers": {
   "get": op("listCustomers", "List customers", {**ok("CustomerPage"), **errors("422")}, "customers", paging + [qp("q", {"type": "string"}, "Text in the legal name, or exact tax id"), qp("tag", {"type": "string"})]),
   "post": op("createCustomer", "Create a customer", {**ok("Customer", "201", "Created"), **errors(*W)}, "customers", request="CustomerInput")},
 "/customers/{customer_id}": {
   "get": op("getCustomer", "A customer", {**ok("Customer"), **errors("404")}, "customers", [pp("customer_id")]),
   "patch": op("updateCustomer", "Change a customer", {**ok("Customer"), **errors("404", *W)}, "customers", [pp("customer_id")], "CustomerInput")},
 "/customers/{customer_id}/statement": {
   "get": op("getCustomerStatement", "Statement of account: open items, unapplied credit, aging", {**ok("Statement"), **errors("404", "422")}, "customers", [pp("customer_id"), qp("as_of", date)])},
 "/customers/{customer_id}/contacts": {
   "get": op("listContacts", "A customer's contacts", {**ok({"type": "array", "items": ref("Contact")}), **errors("404")}, "contacts", [pp("customer_id")]),
   "post": op("createContact", "Add a contact", {**ok("Contact", "201", "Created"), **errors("404", *W)}, "contacts", [pp("customer_id")], "ContactInput")},
 "/contacts/{contact_id}": {
   "get": op("getContact", "A contact", {**ok("Contact"), **errors("404")}, "contacts", [pp("contact_id")]),
   "patch": op("updateContact", "Change a contact", {**ok("Contact"), **errors("404", *W)}, "contacts", [pp("contact_id")], "ContactInput"),
   "delete": op("deleteContact", "Remove a contact", {"204": {"description": "Deleted"}, **errors("404")}, "contacts", [pp("contact_id")])},
 "/invoices": {
   "get": op("listInvoices", "List invoices", {**ok("InvoicePage"), **errors("422")}, "invoices", paging + [qp("status", {"type": "string"}, "Comma-separated statuses"), qp("customer_id", uuid), qp("currency", {"type": "string"}), qp("overdue", {"type": "boolean"}), qp("due_from", date), qp("due_to", date)]),
   "post": op("createInvoice", "Create an invoice (open by default, or draft)", {**ok("Invoice", "201", "Created"), **errors("409", *W)}, "invoices", request="InvoiceInput")},
 "/invoices/{invoice_id}": {
   "get": op("getInvoice", "An invoice", {**ok("Invoice"), **errors("404")}, "invoices", [pp("invoice_id")]),
   "patch": op("updateInvoice", "Change an invoice", {**ok("Invoice"), **errors("404", "409", *W)}, "invoices", [pp("invoice_id")], "InvoiceInput")},
 "/invoices/{invoice_id}/issue": {
   "post": op("issueInvoice", "Issue a draft invoice", {**ok("Invoice"), **errors("404", "409")}, "invoices", [pp("invoice_id")])},
 "/invoices/{invoice_id}/void": {
   "post": op("voidInvoice", "Void an invoice with nothing applied to it", {**ok("Invoice"), **errors("404", "409", *W)}, "invoices", [pp("invoice_id")], "VoidInput")},
 "/payments": {
   "get": op("listPayments", "List payments", {**ok("PaymentPage"), **errors("422")}, "payments", paging + [qp("customer_id", uuid), qp("from", date), qp("to", date)]),
   "post": op("recordPayment", "Record a payment and allocate it. A payment of exactly an invoice's discounted total by its discount deadline settles that invoice, the rest as a discount. With Idempotency-Key, a retry gets the first answer (same key, other request: 422).", {**ok("Payment", "201", "Created"), **errors(*W)}, "payments", [{"name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string", "maxLength": 255}}], "PaymentInput")},
 "/payments/{payment_id}": {
   "get": op("getPayment", "A payment", {**ok("Payment"), **errors("404")}, "payments", [pp("payment_id")]),
   "patch": op("updatePayment", "Change a payment's reference, notes or method", {**ok("Payment"), **errors("404", *W)}, "payments", [pp("payment_id")], "PaymentUpdate")},
 "/payments/{payment_id}/allocations": {
   "post": op("allocatePayment", "Apply a payment's remaining credit", {**ok("Payment"), **errors("404", "409", *W)}, "payments", [pp("payment_id")], "ApplyCreditInput")},
 "/payments/{payment_id}/reverse": {
   "post": op("reversePayment", "The money came back (bounced check): allocations and the discount it earned are undone, invoices reopen", {**ok("Payment"), **errors("404", "409", *W)}, "payments", [pp("payment_id")], "ReasonInput")},
 "/credit-notes": {
   "get": op("listCreditNotes", "List credit notes", {**ok("CreditNotePage"), **errors("422")}, "credit-notes", paging + [qp("customer_id", uuid)]),
   "post": op("createCreditNote", "Issue a credit note, optionally applied to an invoice", {**ok("CreditNote", "201", "Created"), **errors("409", *W)}, "credit-notes", request="CreditNoteInput")},
 "/credit-notes/{credit_note_id}": {
   "get": op("getCreditNote", "A credit note", {**ok("CreditNote"), **errors("404")}, "credit-notes", [pp("credit_note_id")]),
   "patch": op("updateCreditNote", "Change a credit note's reason", {**ok("CreditNote"), **errors("404", *W)}, "credit-notes", [pp("credit_note_id")], "CreditNoteUpdate")},
 "/credit-notes/{credit_note_id}/allocations": {
   "post": op("allocateCreditNote", "Apply a credit note's remaining credit", {**ok("CreditNote"), **errors("404", "409", *W)}, "credit-notes", [pp("credit_note_id")], "ApplyCreditInput")},
 "/aging": {
   "get": op("getAging", "Organisation-wide aging per currency", {**ok("Aging"), **errors("422")}, "reports", [qp("as_of", date)])},
 "/policies": {
   "get": op("listPolicies", "Collection policies (the built-in one while none is the default)", {**ok({"type": "array", "items": ref("CollectionPolicy")}), **errors()}, "reminders"),
   "post": op("createPolicy", "Create a collection policy", {**ok("CollectionPolicy", "201", "Created"), **errors("409", *W)}, "reminders", request="CollectionPolicyInput")},
 "/policies/{policy_id}": {
   "get": op("getPolicy", "A collection policy", {**ok("CollectionPolicy"), **errors("404")}, "reminders", [pp("policy_id")]),
   "patch": op("updatePolicy", "Change a collection policy", {**ok("CollectionPolicy"), **errors("404", "409", *W)}, "reminders", [pp("policy_id")], "CollectionPolicyInput"),
   "delete": op("deletePolicy", "Delete a policy no customer follows", {"204": {"description": "Deleted"}, **errors("404", "409")}, "reminders", [pp("policy_id")])},
 "/policy-rules": {
   "get": op("listPolicyRules", "The ordered rules that choose a customer's policy", {**ok({"type": "array", "items": ref("PolicyRule")}), **errors()}, "reminders"),
   "put": op("replacePolicyRules", "Replace the ordered rules that choose a customer's policy", {**ok({"type": "array", "items": ref("PolicyRule")}), **errors(*W)}, "reminders", request="PolicyRulesInput")},
 "/templates": {
   "get": op("listTemplates", "Every template in effect (own or default)", {**ok({"type": "array", "items": ref("MessageTemplate")}), **errors()}, "reminders")},
 "/templates/preview": {
   "post": op("previewTemplate", "Render a template with a customer's open invoices or sample data", {**ok("TemplatePreview"), **errors(*W)}, "reminders", request="TemplatePreviewInput")},
 "/templates/{key}/{language}/{channel}": {
   "put": op("saveTemplate", "Store the organisation's own wording", {**ok("MessageTemplate"), **errors("404", *W)}, "reminders", [{"name": n, "in": "path", "required": True, "schema": {"type": "string"}} for n in ["key", "language", "channel"]], "MessageTemplateInput"),
   "delete": op("resetTemplate", "Go back to the default wording", {"204": {"description": "Reset"}, **errors("404", "422")}, "reminders", [{"name": n, "in": "path", "required": True, "schema": {"type": "string"}} for n in ["key", "language", "channel"]])},
 "/outbox": {
   "get": op("listOutbox", "Messages queued, sent, failed", {**ok("OutboxPage"), **errors("422")}, "reminders", paging + [qp("status", {"type": "string", "enum": vocabulary["outbox_status"]}), qp("customer_id", uuid), qp("channel", channel), qp("from", date, "Queued on this day or later (organisation's time zone)"), qp("to", date, "Queued on this day or earlier")])},
 "/outbox/{message_id}": {
   "get": op("getOutboxMessage", "A message", {**ok("OutboxMessage"), **errors("404")}, "reminders", [pp("message_id")])},
 "/outbox/{message_id}/letter": {
   "get": {"operationId": "getLetter", "summary": "The message as a printable HTML page", "tags": ["reminders"], "parameters": [pp("message_id")], "responses": {"200": {"description": "HTML", "content": {"text/html": {"schema": {"type": "string"}}}}, **errors("404")}}},
 "/outbox/{message_id}/retry": {
   "post": op("retryOutboxMessage", "Queue a failed or cancelled message again", {**ok("OutboxMessage"), **errors("404", "409")}, "reminders", [pp("message_id")])},
 "/outbox/{message_id}/cancel": {
   "post": op("cancelOutboxMessage", "Cancel a message not yet sent", {**ok("OutboxMessage"), **errors("404", "409")}, "reminders", [pp("message_id")])},
 "/outbox/{message_id}/posted": {
   "post": op("markLetterPosted", "A printed letter handed to the post: status posted, sent_at now, its letter task closed", {**ok("OutboxMessage"), **errors("404", "409")}, "reminders", [pp("message_id")])},
 "/reminders/dry-run": {
   "get": op("dryRunReminders", "What would be queued on a date (changes nothing)", {**ok("DunningReport"), **errors("422")}, "reminders", [qp("date", date)])},
 "/reminders/run": {
   "post": op("runReminders", "Queue every reminder due on a date (idempotent)", {**ok("DunningReport"), **errors(*W)}, "reminders", request="DunningRunInput")},
 "/invoices/{invoice_id}/reminders": {
   "get": op("getInvoiceReminders", "An invoice's reminder history and next step", {**ok("InvoiceReminders"), **errors("404")}, "reminders", [pp("invoice_id")])},
 "/invoices/{invoice_id}/disputes": {
   "post": op("openDispute", "Dispute an invoice: its reminders pause", {**ok("Dispute", "201", "Created"), **errors("404", "409", *W)}, "collection", [pp("invoice_id")], "DisputeInput")},
 "/disputes/{dispute_id}/resolve": {
   "post": op("resolveDispute", "Resolve a dispute: reminders resume", {**ok("Dispute"), **errors("404", "409", *W)}, "collection", [pp("dispute_id")], "DisputeResolution")},
 "/customers/{customer_id}/promises": {
   "get": op("listPromises", "A customer's promises to pay", {**ok({"type": "array", "items": ref("Promise")}), **errors("404")}, "collection", [pp("customer_id")]),
   "post": op("createPromise", "Record a promise to pay: reminders for the covered invoices wait until its date", {**ok("Promise", "201", "Created"), **errors("404", *W)}, "collection", [pp("customer_id")], "PromiseInput")},
 "/customers/{customer_id}/messages": {
   "get": op("listCustomerMessages", "Every message to the customer, newest first", {**ok({"type": "array", "items": ref("OutboxMessage")}), **errors("404")}, "collection", [pp("customer_id")])},
 "/tasks": {
   "get": op("listTasks", "Tasks by due date (at most 500)", {**ok({"type": "array", "items": ref("CollectionTask")}), **errors("422")}, "collection", [qp("status", {"type": "string", "enum": vocabulary["task_status"]}), qp("scope", {"type": "string"}, "all (default), unassigned, or a user id: the tasks of that collector's customers"), qp("kind", {"type": "string", "enum": vocabulary["task_kind"]}), qp("due", {"type": "string"}, "today, overdue (before today) or later (after today)")]),
   "post": op("createTask", "Write a task by hand", {**ok("CollectionTask", "201", "Created"), **errors("404", *W)}, "collection", request="TaskInput")},
 "/tasks/complete": {
   "post": op("completeTasks", "Complete several tasks at once", {**ok({"type": "array", "items": ref("CollectionTask")}), **errors("404", "409", *W)}, "collection", request="TaskBulkComplete")},
 "/tasks/{task_id}/reschedule": {
   "post": op("rescheduleTask", "Give an open task a new due date", {**ok("CollectionTask"), **errors("404", "409", *W)}, "collection", [pp("task_id")], "TaskReschedule")},
 "/tasks/{task_id}/complete": {
   "post": op("completeTask", "Mark a task done", {**ok("CollectionTask"), **errors("404", "409")}, "collection", [pp("task_id")])},
 "/worklist/assign": {
   "post": op("assignAccounts", "Give several accounts to one collector (or to nobody), all or nothing", {**ok("BulkOutcome"), **errors("404", *W)}, "workspace", request="BulkAccounts")},
 "/worklist/statements": {
   "post": op("sendStatements", "Send the statement now to each chosen account that can get one today; the others are counted by reason", {**ok("BulkOutcome"), **errors("404", *W)}, "workspace", request="BulkAccounts")},
 "/worklist": {
   "get": op("getWorklist", "Today's accounts in priority order: action today first, then by score", {**ok({"type": "array", "items": ref("WorklistItem")}), **errors("422")}, "workspace", [qp("scope", {"type": "string"}, "all (default), unassigned, or a user id: that collector's accounts and the unassigned")])},
 "/customers/{customer_id}/timeline": {
   "get": op("getTimeline", "Everything that happened with the customer, newest first", {**ok({"type": "array", "items": ref("TimelineEntry")}), **errors("404")}, "workspace", [pp("customer_id")])},
 "/customers/{customer_id}/credit-check": {
   "get": op("creditCheck", "May the customer buy this much more on credit, and if not why", {**ok("CreditCheck"), **errors("404", "422")}, "workspace", [pp("customer_id"), qp("amount", money, "The new sale; omitted: only the hold status"), qp("currency", {"type": "string"})])},
 "/customers/{customer_id}/calls": {
   "get": op("listCalls", "Calls and notes, newest first", {**ok({"type": "array", "items": ref("Call")}), **errors("404")}, "workspace", [pp("customer_id")]),
   "post": op("logCall", "Log a call; its outcome creates the promise, dispute or task that follows", {**ok("Call", "201", "Created"), **errors("404", "409", *W)}, "workspace", [pp("customer_id")], "CallInput")},
 "/customers/{customer_id}/notes": {
   "post": op("addNote", "Add a note to the customer's timeline", {**ok("Call", "201", "Created"), **errors("404", *W)}, "workspace", [pp("customer_id")], "NoteInput")},
 "/customers/{customer_id}/credit-hold": {
   "post": op("placeCreditHold", "Put the customer on credit hold by hand", {**ok("Customer"), **errors("404", "409", *W)}, "workspace", [pp("customer_id")], "ReasonInput")},
 "/customers/{customer_id}/credit-hold/release": {
   "post": op("releaseCreditHold", "Release a manual credit hold", {**ok("Customer"), **errors("404", "409", *W)}, "workspace", [pp("customer_id")], "ReasonInput")},
 "/customers/{customer_id}/escalation": {
   "post": op("escalateCustomer", "Send the account to a collection agency or legal: every reminder stops", {**ok("Customer"), **errors("404", "409", *W)}, "workspace", [pp("customer_id")], "EscalationInput")},
 "/customers/{customer_id}/escalation/recall": {
   "post": op("recallCustomer", "Take the account back from the agency (reminders stay off until do_not_contact is cleared)", {**ok("Customer"), **errors("404", "409")}, "workspace", [pp("customer_id")])},
 "/customers/{customer_id}/assign": {
   "post": op("assignCustomer", "Give the account to a collector", {**ok("Customer"), **errors("404", *W)}, "workspace", [pp("customer_id")], "AssignInput")},
 "/customers/{customer_id}/statement/send": {
   "post": op("sendStatement", "Queue the statement of account now (at most once a day)", {**ok("OutboxMessage", "201", "Created"), **errors("404", "409")}, "workspace", [pp("customer_id")])},
 "/customers/{customer_id}/payment-plans": {
   "get": op("listPaymentPlans", "The customer's payment plans with each instalment's standing", {**ok({"type": "array", "items": ref("PaymentPlan")}), **errors("404")}, "workspace", [pp("customer_id")]),
   "post": op("createPaymentPlan", "Split open invoices into instalments; their dunning pauses while the plan holds", {**ok("PaymentPlan", "201", "Created"), **errors("404", "409", *W)}, "workspace", [pp("customer_id")], "PaymentPlanInput")},
 "/payment-plans/{plan_id}/cancel": {
   "post": op("cancelPaymentPlan", "Cancel an active plan: dunning resumes", {**ok("PaymentPlan"), **errors("404", "409", *W)}, "workspace", [pp("plan_id")], "ReasonInput")},
 "/customers/{customer_id}/portal-links": {
   "post": op("createPortalLink", "A new link to the customer's portal (the secret is in the URL, shown only now)", {**ok(obj({"url": {"type": "string"}, "expires_at": ts}), "201", "Created"), **errors("404", "422")}, "portal", [pp("customer_id")], "PortalLinkInput") | {"requestBody": {"required": False, "content": {"application/json": {"schema": ref("PortalLinkInput")}}}}},
 "/customers/{customer_id}/portal-links/revoke": {
   "post": op("revokePortalLinks", "Every portal link of the customer stops working", {**ok(obj({"revoked": {"type": "integer"}})), **errors("404")}, "portal", [pp("customer_id")])},
 "/api-keys/{api_key_id}/revoke": {
   "post": op("revokeAPIKey", "The API key stops working at once on the instance that answers, within 30 seconds on the others (each remembers a checked key that long); admin only", {**ok(obj({"id": uuid, "name": {"type": "string"}, "prefix": {"type": "string"}, "role": role, "revoked_at": ts})), **errors("404")}, "organisation", [pp("api_key_id")])},
 "/bank-statements": {
   "post": {"operationId": "importBankStatement", "summary": "Import a bank statement (the file is the body): confident matches are posted as payments, the rest go to review; lines imported before are skipped", "tags": ["reconciliation"],
            "parameters": [qp("format", {"type": "string", "enum": vocabulary["bank_statement_format"]}), qp("preset", {"type": "string", "enum": vocabulary["bank_statement_preset"]}, "CSV layout"), qp("account", {"type": "string"}, "The account a CSV belongs to"), qp("file_name", {"type": "string"})],
            "requestBody": {"required": True, "content": {"application/xml": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}, "text/csv": {"schema": {"type": "string"}}, "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
            "responses": {**ok("StatementImport", "201", "Imported"), **errors("400", "422"), "413": too_large}}},
 "/customers/{customer_id}/risk": {
   "get": op("getCustomerRisk", "Risk level with its figures and reasons (thresholds in RiskThresholds), computed from the payment history on every read", {**ok("Risk"), **errors("404")}, "customers", [pp("customer_id")])},
 "/invoices/{invoice_id}/prediction": {
   "get": op("getInvoicePrediction", "Expected payment date with its likely range: the customer's median delay shrunk toward the organisation's", {**ok("Prediction"), **errors("404")}, "invoices", [pp("invoice_id")])},
 "/imports": {
   "post": {"operationId": "importCSV", "summary": "Import customers, contacts, invoices or payments from a CSV (the file is the body, up to CARTERA_UPLOAD_LIMIT_MB, default 50 MB), all or nothing; one import per organisation at a time; with dry_run=true only check it", "tags": ["import"],
            "parameters": [qp("kind", {"type": "string", "enum": vocabulary["import_kind"]}), qp("preset", {"type": "string", "enum": vocabulary["import_preset"], "default": "automatic"}, "Known layout: Cartera's export, QuickBooks A/R Aging Detail, Xero Aged Receivables Detail"), qp("locale", {"type": "string", "enum": vocabulary["import_locale"]}, "How to read 1.234 and 05/06/2026 when the file does not show it"), qp("currency", {"type": "string"}, "Currency of rows that name none; default the organisation's"), qp("dry_run", {"type": "boolean", "default": False}), qp("file_name", {"type": "string"})],
            "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}, "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
            "responses": {**ok("ImportReport", "200", "Dry run: what the import would do, and every row error"), **ok("ImportReport", "201", "Imported"), "422": {"description": "Row errors (nothing imported), or an invalid parameter", "content": {"application/json": {"schema": {"oneOf": [ref("ImportRejected"), ref("Error")]}}}}, **errors("400"),
                           "409": err("Another import of the organisation is running (import_running)"), "413": too_large}}},
 "/exports/customers.csv": {"get": {"operationId": "exportCustomers", "summary": "Customers as CSV (re-importable with preset=generic)", "tags": ["import"], "responses": {"200": {"description": "CSV (UTF-8 with BOM, CRLF) in the generic layout", "content": {"text/csv": {"schema": {"type": "string"}}}}, **errors()}}},
 "/exports/invoices.csv": {"get": {"operationId": "exportInvoices", "summary": "Issued invoices as CSV, with their open balance (re-importable with preset=generic)", "tags": ["import"], "responses": {"200": {"description": "CSV (UTF-8 with BOM, CRLF) in the generic layout", "content": {"text/csv": {"schema": {"type": "string"}}}}, **errors()}}},
 "/exports/payments.csv": {"get": {"operationId": "exportPayments", "summary": "Payments as CSV, one row per invoice paid plus any unapplied remainder", "tags": ["import"], "responses": {"200": {"description": "CSV (UTF-8 with BOM, CRLF) in the generic layout", "content": {"text/csv": {"schema": {"type": "string"}}}}, **errors()}}},
 "/exports/aging.csv": {"get": {"operationId": "exportAging", "summary": "Open balances per customer and currency in aging buckets, as of today", "tags": ["import"], "responses": {"200": {"description": "CSV (UTF-8 with BOM, CRLF) in the generic layout", "content": {"text/csv": {"schema": {"type": "string"}}}}, **errors()}}},
 "/late-fees": {
   "get": op("listLateFees", "Late fees charged by the daily pass (fixed per overdue step, or monthly interest on the unpaid balance)", {**ok({"type": "array", "items": ref("LateFee")}), **errors("422")}, "payments", [qp("customer_id", uuid), qp("invoice_id", uuid), qp("status", {"type": "string", "enum": vocabulary["late_fee_status"]})])},
 "/late-fees/{late_fee_id}/waive": {
   "post": op("waiveLateFee", "Waive a late fee, with the reason (audit-logged)", {**ok("LateFee"), **errors("404", "409", *W)}, "payments", [pp("late_fee_id")], "ReasonInput")},
 "/bank-transactions": {
   "get": op("listBankTransactions", "Imported statement lines; by default the review queue", {**ok({"type": "array", "items": ref("BankTransaction")}), **errors("422")}, "reconciliation", [qp("status", {"type": "string", "enum": vocabulary["bank_transaction_status"]})])},
 "/bank-transactions/{transaction_id}/match": {
   "post": op("matchBankTransaction", "Say whose money a line in review is: it is posted as their payment", {**ok("BankTransaction"), **errors("404", "409", *W)}, "reconciliation", [pp("transaction_id")], "BankMatchInput")},
 "/bank-transactions/{transaction_id}/ignore": {
   "post": op("ignoreBankTransaction", "Take a line out of review without posting it", {**ok("BankTransaction"), **errors("404", "409", *W)}, "reconciliation", [pp("transaction_id")], "ReasonInput")},
 "/invoices/{invoice_id}/hold": {
   "post": op("placeInvoiceHold", "Pause the invoice's reminders by hand, with a reason, until a day (audit-logged)", {**ok("ManualHold", "201", "Created"), **errors("404", "409", *W)}, "collection", [pp("invoice_id")], "ManualHoldInput")},
 "/invoices/{invoice_id}/hold/release": {
   "post": op("releaseInvoiceHold", "End the invoice's manual pauses today", {**ok("ManualHoldRelease"), **errors("404", *W)}, "collection", [pp("invoice_id")])},
 "/invoices/{invoice_id}/write-off": {
   "post": op("writeOffInvoice", "Write off the invoice's balance (admin)", {**ok("Invoice"), **errors("404", "409", *W)}, "workspace", [pp("invoice_id")], "ReasonInput")},
 "/audit-events": {
   "get": op("listAuditEvents", "The audit trail, newest first", {**ok({"type": "array", "items": ref("AuditEvent")}), **errors("422")}, "workspace", paging + [qp("entity_id", uuid)])},
 "/forecast": {
   "get": op("getForecast", "Expected collections per week for the next 13 weeks, per currency: open invoices at their predicted payment date, payment-plan invoices as their unpaid instalments", {**ok("Forecast"), **errors()}, "reports")},
 "/forecast.csv": {
   "get": {"operationId": "getForecastCSV", "summary": "The forecast as CSV: week_start and a column per currency; beyond_horizon and total rows", "tags": ["reports"], "responses": {**{"200": {"description": "CSV (RFC 4180, UTF-8, machine headers)", "content": {"text/csv": {"schema": {"type": "string"}}}}}, **errors()}}},
 "/reports/aging-by-customer": {
   "get": op("getAgingByCustomer", "Aging per customer and currency as of a day", {**ok("AgingBreakdown"), **errors("422")}, "reports", [qp("as_of", date)])},
 "/reports/aging-by-customer.csv": {
   "get": {"operationId": "getAgingByCustomerCSV", "summary": "Aging per customer as CSV: customer_id, customer, currency, buckets, total", "tags": ["reports"], "parameters": [qp("as_of", date)], "responses": {**{"200": {"description": "CSV (RFC 4180, UTF-8, machine headers)", "content": {"text/csv": {"schema": {"type": "string"}}}}}, **errors("422")}}},
 "/reports/aging-by-collector": {
   "get": op("getAgingByCollector", "Aging per collector (the customer's assigned user; an unassigned row) and currency as of a day", {**ok("AgingBreakdown"), **errors("422")}, "reports", [qp("as_of", date)])},
 "/reports/aging-by-collector.csv": {
   "get": {"operationId": "getAgingByCollectorCSV", "summary": "Aging per collector as CSV: collector_id, collector, currency, buckets, total", "tags": ["reports"], "parameters": [qp("as_of", date)], "responses": {**{"200": {"description": "CSV (RFC 4180, UTF-8, machine headers)", "content": {"text/csv": {"schema": {"type": "string"}}}}}, **errors("422")}}},
 "/reports/collection": {
   "get": op("getCollectionReport", "Countback DSO, CEI, best possible DSO, promises kept, disputes and reminder-step effectiveness for a period", {**ok("CollectionReport"), **errors("422")}, "reports", [qp("from", date, "Default: the first day of the month of to"), qp("to", date, "Default: today"), qp("within_days", {"type": "integer", "minimum": 0, "maximum": 365, "default": 14}, "Reminder counts as effective when its invoice is paid within this many days")])},
 "/reports/collection.csv": {
   "get": {"operationId": "getCollectionReportCSV", "summary": "The collection report as CSV, one figure per row: metric, scope (currency or step), value", "tags": ["reports"], "parameters": [qp("from", date, "Default: the first day of the month of to"), qp("to", date, "Default: today"), qp("within_days", {"type": "integer", "minimum": 0, "maximum": 365, "default": 14}, "Reminder counts as effective when its invoice is paid within this many days")], "responses": {**{"200": {"description": "CSV (RFC 4180, UTF-8, machine headers)", "content": {"text/csv": {"schema": {"type": "string"}}}}}, **errors("422")}}},
 "/openapi.json": {
   "get": {"operationId": "getOpenAPI", "summary": "This document", "tags": ["meta"], "security": [], "responses": {"200": {"description": "OpenAPI 3.1 document", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
}
# Every write can be refused for the key's role.
for operations in paths.values():
    for method, operation in operations.items():
        if method != "get" and operation.get("security") != []:
            operation["responses"].setdefault("403", err("The key's role does not allow this (viewer: reads only; collector: no settings or write-offs)"))
doc = {
 "openapi": "3.1.0",
 "info": {"title": "Cartera API", "version": "1.0.0", "description": "Accounts-receivable collections. Amounts are decimal strings in the currency's precision; dates are calendar dates (YYYY-MM-DD); errors are {\"error\": {\"code\", \"message\", \"field\"}}."},
 "servers": [{"url": "/api/v1"}],
 "security": [{"bearer": []}, {"apiKey": []}],
 "paths": paths,
 "components": {"schemas": schemas, "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "API key created with `cartera create-api-key`"}, "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}},
}
target = os.path.join(here, "..", "Sources", "CarteraApp", "Resources", "openapi.json")
with open(target, "w") as out:
    json.dump(doc, out, indent=2, ensure_ascii=False)
    out.write("\n")
