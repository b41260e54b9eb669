import SQLKit

/// Triggers that keep `ledger_changes` (`LedgerChanges`) equal to the ledger's changes to open
/// amounts (`LedgerHistory.changes`) and `collection_days` (`CollectionDays`) equal to the payments
/// received per day, in the transaction of every change to invoices, allocations and payments,
/// whatever code path made it. Each trigger appends rows (the amounts an old row
/// contributed, negated; what the new row contributes): nothing is updated in place, so two writers
/// never wait for each other's row and cannot deadlock; the day's pass folds the rows (`compact`).
///
/// An invoice contributes its total from its issue date (drafts and voided invoices nothing), each
/// allocation takes its amount away from its day or the invoice's issue date, whichever is later.
enum LedgerChangeTriggers {
    private static let columns = "organisation_id, currency, due_date, since, amount_minor, sales_minor"
    private static let counted = "status NOT IN ('draft', 'void')"
    /// The invoice columns a change is read from: any other update (balance, status between owed and
    /// paid, reminders) moves nothing here.
    private static let invoiceColumns = [
        "status", "total_minor", "issue_date", "due_date", "currency", "organisation_id",
    ]

    /// Statements appending what invoice `row` (OLD or NEW) and its allocations contribute, times `sign`.
    private static func invoice(_ row: String, sign: String, later: String) -> [String] {
        [
            "INSERT INTO ledger_changes (\(columns)) SELECT \(row).organisation_id, \(row).currency, \(row).due_date, \(row).issue_date, \(sign)\(row).total_minor, \(sign)\(row).total_minor WHERE \(row).\(counted);",
            "INSERT INTO ledger_changes (\(columns)) SELECT \(row).organisation_id, \(row).currency, \(row).due_date, \(later)(a.applied_on, \(row).issue_date), \(sign == "-" ? "" : "-")a.amount_minor, 0 FROM allocations a WHERE a.invoice_id = \(row).id AND \(row).\(counted);",
        ]
    }

    /// The statement appending what allocation `row` (OLD or NEW) contributes, times `sign`.
    private static func allocation(_ row: String, sign: String, later: String) -> String {
        "INSERT INTO ledger_changes (\(columns)) SELECT i.organisation_id, i.currency, i.due_date, \(later)(\(row).applied_on, i.issue_date), \(sign)\(row).amount_minor, 0 FROM invoices i WHERE i.id = \(row).invoice_id AND i.\(counted);"
    }

    /// The statement appending what payment `row` (OLD or NEW) adds to `collection_days`, times `sign`.
    private static func payment(_ row: String, sign: String) -> String {
        "INSERT INTO collection_days (organisation_id, currency, received_on, amount_minor) SELECT \(row).organisation_id, \(row).currency, \(row).received_on, \(sign)\(row).amount_minor WHERE \(row).reversed_on IS NULL;"
    }

    private static let paymentMoved =
        "(OLD.reversed_on IS NULL) <> (NEW.reversed_on IS NULL) OR "
        + ["amount_minor", "currency", "received_on", "organisation_id"].map { "OLD.\($0) <> NEW.\($0)" }
        .joined(separator: " OR ")

    private static var invoiceMoved: String {
        invoiceColumns.map { $0 == "status" ? "(OLD.\(counted)) <> (NEW.\(counted))" : "OLD.\($0) <> NEW.\($0)" }
            .joined(separator: " OR ")
    }

    static func create(_ dialect: Dialect) -> [SQLQueryString] {
        switch dialect {
        case .sqlite:
            let later = "MAX"
            let statements: [String] = [
                "CREATE TRIGGER ledger_change_invoices_insert AFTER INSERT ON invoices BEGIN \(invoice("NEW", sign: "", later: later).joined(separator: " ")) END",
                "CREATE TRIGGER ledger_change_invoices_delete AFTER DELETE ON invoices BEGIN \(invoice("OLD", sign: "-", later: later).joined(separator: " ")) END",
                "CREATE TRIGGER ledger_change_invoices_update AFTER UPDATE OF \(invoiceColumns.joined(separator: ", ")) ON invoices WHEN \(invoiceMoved) BEGIN \((invoice("OLD", sign: "-", later: later) + invoice("NEW", sign: "", later: later)).joined(separator: " ")) END",
                "CREATE TRIGGER ledger_change_allocations_insert AFTER INSERT ON allocations BEGIN \(allocation("NEW", sign: "-", later: later)) END",
                "CREATE TRIGGER ledger_change_allocations_delete AFTER DELETE ON allocations BEGIN \(allocation("OLD", sign: "", later: later)) END",
                "CREATE TRIGGER ledger_change_allocations_update AFTER UPDATE ON allocations WHEN OLD.amount_minor <> NEW.amount_minor OR OLD.applied_on <> NEW.applied_on OR OLD.invoice_id <> NEW.invoice_id BEGIN \(allocation("OLD", sign: "", later: later)) \(allocation("NEW", sign: "-", later: later)) END",
                "CREATE TRIGGER ledger_change_payments_insert AFTER INSERT ON payments BEGIN \(payment("NEW", sign: "")) END",
                "CREATE TRIGGER ledger_change_payments_delete AFTER DELETE ON payments BEGIN \(payment("OLD", sign: "-")) END",
                "CREATE TRIGGER ledger_change_payments_update AFTER UPDATE ON payments WHEN \(paymentMoved) BEGIN \(payment("OLD", sign: "-")) \(payment("NEW", sign: "")) END",
            ]
            return statements.map { "\(unsafeRaw: $0)" as SQLQueryString }
        case .postgresql:
            let later = "GREATEST"
            let statements: [String] = [
                """
                CREATE OR REPLACE FUNCTION ledger_change_invoice() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP = 'UPDATE' AND NOT (\(invoiceMoved)) THEN RETURN NULL; END IF;
                  IF TG_OP <> 'INSERT' THEN \(invoice("OLD", sign: "-", later: later).joined(separator: " ")) END IF;
                  IF TG_OP <> 'DELETE' THEN \(invoice("NEW", sign: "", later: later).joined(separator: " ")) END IF;
                  RETURN NULL;
                END $$ LANGUAGE plpgsql
                """,
                """
                CREATE OR REPLACE FUNCTION ledger_change_allocation() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP = 'UPDATE' AND OLD.amount_minor = NEW.amount_minor AND OLD.applied_on = NEW.applied_on
                     AND OLD.invoice_id = NEW.invoice_id THEN RETURN NULL; END IF;
                  IF TG_OP <> 'INSERT' THEN \(allocation("OLD", sign: "", later: later)) END IF;
                  IF TG_OP <> 'DELETE' THEN \(allocation("NEW", sign: "-", later: later)) END IF;
                  RETURN NULL;
                END $$ LANGUAGE plpgsql
                """,
                """
                CREATE OR REPLACE FUNCTION ledger_change_payment() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP = 'UPDATE' AND NOT (\(paymentMoved)) THEN RETURN NULL; END IF;
                  IF TG_OP <> 'INSERT' THEN \(payment("OLD", sign: "-")) END IF;
                  IF TG_OP <> 'DELETE' THEN \(payment("NEW", sign: "")) END IF;
                  RETURN NULL;
                END $$ LANGUAGE plpgsql
                """,
                "CREATE TRIGGER ledger_change_invoices AFTER INSERT OR UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION ledger_change_invoice()",
                "CREATE TRIGGER ledger_change_payments AFTER INSERT OR UPDATE OR DELETE ON payments FOR EACH ROW EXECUTE FUNCTION ledger_change_payment()",
                "CREATE TRIGGER ledger_change_allocations AFTER INSERT OR UPDATE OR DELETE ON allocations FOR EACH ROW EXECUTE FUNCTION ledger_change_allocation()",
            ]
            return statements.map { "\(unsafeRaw: $0)" as SQLQueryString }
        }
    }

    static func drop(_ dialect: Dialect) -> [SQLQueryString] {
        switch dialect {
        case .sqlite:
            ["invoices", "allocations", "payments"].flatMap { table in
                ["insert", "update", "delete"].map {
                    "DROP TRIGGER IF EXISTS \(unsafeRaw: "ledger_change_\(table)_\($0)")" as SQLQueryString
                }
            }
        case .postgresql:
            [
                "DROP TRIGGER IF EXISTS ledger_change_invoices ON invoices",
                "DROP TRIGGER IF EXISTS ledger_change_allocations ON allocations",
                "DROP TRIGGER IF EXISTS ledger_change_payments ON payments",
                "DROP FUNCTION IF EXISTS ledger_change_invoice()", "DROP FUNCTION IF EXISTS ledger_change_allocation()",
                "DROP FUNCTION IF EXISTS ledger_change_payment()",
            ]
        }
    }
}
