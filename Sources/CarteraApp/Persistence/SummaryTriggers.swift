import SQLKit

/// Triggers that mark a customer's summary as out of date in the same transaction as any change
/// that can move it: invoices (balances, status, due dates), allocations (the paid history), disputes,
/// dunning holds (paused amounts), promises, payment plans and collection tasks. A change made by any code path —
/// a service, an import's bulk SQL, a hand-written fix — is marked, so a summary can be late (until
/// the next reader refreshes it) but never silently wrong. Changing the organisation's reference
/// rates or currency makes every score stale: the day's pass runs again.
enum SummaryTriggers {
    /// Tables with a `customer_id`, and tables that reach the customer through `invoice_id`.
    static let byCustomer = ["invoices", "payment_promises", "collection_tasks", "payment_plans"]
    static let byInvoice = ["allocations", "disputes", "dunning_holds"]
    private static let events = ["insert", "update", "delete"]

    static func create(_ dialect: Dialect) -> [SQLQueryString] {
        switch dialect {
        case .sqlite:
            var statements: [SQLQueryString] = []
            for table in byCustomer + byInvoice {
                for event in events {
                    let rows = event == "insert" ? ["NEW"] : event == "delete" ? ["OLD"] : ["OLD", "NEW"]
                    let marks = rows.map { row in
                        byCustomer.contains(table)
                            ? "INSERT OR IGNORE INTO customer_summary_marks (customer_id, organisation_id) VALUES (\(row).customer_id, \(row).organisation_id);"
                            : "INSERT OR IGNORE INTO customer_summary_marks (customer_id, organisation_id) SELECT customer_id, organisation_id FROM invoices WHERE id = \(row).invoice_id;"
                    }
                    statements.append(
                        "CREATE TRIGGER \(unsafeRaw: name(table, event)) AFTER \(unsafeRaw: event.uppercased()) ON \(unsafeRaw: table) BEGIN \(unsafeRaw: marks.joined(separator: " ")) END"
                    )
                }
            }
            statements.append(
                "CREATE TRIGGER summary_rates_update AFTER UPDATE OF reference_rates, default_currency ON organisations BEGIN DELETE FROM summary_days WHERE organisation_id = NEW.id; END"
            )
            // One row per customer: SQLite's single writer makes INSERT OR IGNORE cheap and safe.
            statements.insert(
                "CREATE UNIQUE INDEX idx_customer_summary_marks_customer ON customer_summary_marks (customer_id)", at: 0
            )
            return statements
        case .postgresql:
            // No unique key on the marks: an insert never waits for another transaction's mark of the
            // same customer (which could deadlock two writers); refreshing reads them DISTINCT.
            var statements: [SQLQueryString] = [
                """
                CREATE OR REPLACE FUNCTION summary_mark_by_customer() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP <> 'INSERT' THEN
                    INSERT INTO customer_summary_marks (customer_id, organisation_id) VALUES (OLD.customer_id, OLD.organisation_id);
                  END IF;
                  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.customer_id IS DISTINCT FROM OLD.customer_id) THEN
                    INSERT INTO customer_summary_marks (customer_id, organisation_id) VALUES (NEW.customer_id, NEW.organisation_id);
                  END IF;
                  RETURN NULL;
                END $$ LANGUAGE plpgsql
                """,
                """
                CREATE OR REPLACE FUNCTION summary_mark_by_invoice() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP <> 'INSERT' THEN
                    INSERT INTO customer_summary_marks (customer_id, organisation_id)
                      SELECT customer_id, organisation_id FROM invoices WHERE id = OLD.invoice_id;
                  END IF;
                  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.invoice_id IS DISTINCT FROM OLD.invoice_id) THEN
                    INSERT INTO customer_summary_marks (customer_id, organisation_id)
                      SELECT customer_id, organisation_id FROM invoices WHERE id = NEW.invoice_id;
                  END IF;
                  RETURN NULL;
                END $$ LANGUAGE plpgsql
                """,
                """
                CREATE OR REPLACE FUNCTION summary_rates_changed() RETURNS trigger AS $$
                BEGIN
                  DELETE FROM summary_days WHERE organisation_id = NEW.id;
                  RETURN NULL;
                END $$ LANGUAGE plpgsql
                """,
            ]
            for table in byCustomer + byInvoice {
                let function = byCustomer.contains(table) ? "summary_mark_by_customer" : "summary_mark_by_invoice"
                statements.append(
                    "CREATE TRIGGER \(unsafeRaw: name(table, "change")) AFTER INSERT OR UPDATE OR DELETE ON \(unsafeRaw: table) FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: function)()"
                )
            }
            statements.append(
                "CREATE TRIGGER summary_rates_update AFTER UPDATE OF reference_rates, default_currency ON organisations FOR EACH ROW EXECUTE FUNCTION summary_rates_changed()"
            )
            return statements
        }
    }

    static func drop(_ dialect: Dialect) -> [SQLQueryString] {
        switch dialect {
        case .sqlite:
            (byCustomer + byInvoice).flatMap { table in
                events.map { "DROP TRIGGER IF EXISTS \(unsafeRaw: name(table, $0))" as SQLQueryString }
            } + ["DROP TRIGGER IF EXISTS summary_rates_update"]
        case .postgresql:
            (byCustomer + byInvoice).map {
                "DROP TRIGGER IF EXISTS \(unsafeRaw: name($0, "change")) ON \(unsafeRaw: $0)" as SQLQueryString
            } + [
                "DROP TRIGGER IF EXISTS summary_rates_update ON organisations",
                "DROP FUNCTION IF EXISTS summary_mark_by_customer()",
                "DROP FUNCTION IF EXISTS summary_mark_by_invoice()",
                "DROP FUNCTION IF EXISTS summary_rates_changed()",
            ]
        }
    }

    private static func name(_ table: String, _ event: String) -> String { "summary_mark_\(table)_\(event)" }
}
