"""End-to-end browser tests of the collector workspace (login, worklist, customer and invoice pages).

Runs against a server that already has the demo company loaded (`cartera demo`), normally started
by Tests/e2e/run_browser_tests.sh. Environment:

  CARTERA_BASE_URL     the server, e.g. http://127.0.0.1:18090
  CARTERA_API_KEY      the demo company's API key (for the credit-check API call)
  CARTERA_SCREENSHOTS  folder for the screenshots (created if missing)

Each test signs in on its own and picks its customers and invoices by reading the pages; a
customer used by one test is never reused by another in the same run, so the order does not
matter. Stdlib unittest + Selenium only.
"""
import datetime
import os
import sys
import unittest
import urllib.parse
from decimal import Decimal

from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from workspace import (  # noqa: E402
    CLAIMED, COLLECTOR, CREDIT_HELD, CREDIT_OK, RUN_TAG, SPANISH_MONTHS, VIEWER, BrowserCase, customer_id_from, parse_money)


class WorkspaceTest(BrowserCase):

    def test_login_wrong_password_then_right(self):
        self.login(COLLECTOR, "not-the-password")
        self.assertTrue(urllib.parse.urlparse(self.d.current_url).path.startswith("/login"))
        error = self.css("#login-error")
        self.assertTrue(error.is_displayed())
        self.assertTrue(error.text.strip(), "login error has no text")
        self.assertFalse(self.present("#signed-in-user"), "signed in with a wrong password")

        self.login(COLLECTOR)
        self.assertFalse(self.present("#login-error"))
        self.assertIn("Julián", self.css("#signed-in-user").text)
        self.assertTrue(self.css("#nav-worklist").is_displayed())

        self.click_and_wait(self.css("#logout"))
        self.open("/worklist")
        self.assertTrue(urllib.parse.urlparse(self.d.current_url).path.startswith("/login"),
                        f"worklist reachable after logout: {self.d.current_url}")

    def test_dashboard(self):
        self.login_ok(COLLECTOR)
        self.open("/")
        section = self.css("#dashboard-COP")
        kpis = self.css_all(".kpi strong", section)
        self.assertEqual(len(kpis), 4)
        self.assertGreater(parse_money(kpis[0].text), 0, "no COP receivable in the demo company")
        chart = self.css("svg.aging-chart", section)
        bars = self.css_all("g.bar rect", chart)
        self.assertGreaterEqual(len(bars), 2, "aging chart has no bars")
        self.assertTrue(any(float(bar.get_attribute("height")) > 0 for bar in bars), "every aging bar is flat")
        self.screenshot("dashboard.png")

    def test_worklist_opens_customer(self):
        self.login_ok(COLLECTOR)
        self.click_and_wait(self.css("#nav-worklist"))
        self.assertEqual(urllib.parse.urlparse(self.d.current_url).path, "/worklist")
        current_tab = self.css_all("nav.tabs a[aria-current=page]")
        self.assertEqual(len(current_tab), 1)
        self.assertTrue(current_tab[0].get_attribute("href").endswith("scope=mine"), "a collector starts on their own accounts")
        rows = self.css_all("#worklist tr[data-customer]")
        self.assertGreater(len(rows), 0, "the collector's worklist is empty")
        link = self.css("a.customer-link", rows[0])
        name, expected_id = link.text.strip(), rows[0].get_attribute("data-customer")
        self.screenshot("worklist.png")
        self.click_and_wait(link)
        self.assertEqual(customer_id_from(self.d.current_url).lower(), expected_id.lower())
        self.assertEqual(self.css("#customer-name").text.strip(), name)
        self.assertTrue(self.present("#credit-status"))
        self.assertTrue(self.present("#open-invoices"))

    def test_call_with_promise_pauses_reminders(self):
        self.login_ok(COLLECTOR)

        def suitable():
            rows = self.open_invoice_rows()
            return rows and all(not row["paused"] for row in rows) \
                and not self.present("#promises .badge.promise-active")

        customer_id, name = self.claim_customer(suitable)
        invoice = self.active_invoice(self.open_invoice_rows())
        self.open(urllib.parse.urlparse(invoice["href"]).path)
        self.assertFalse(self.present("#reminders-paused"), "reminders paused before any promise")
        self.open(f"/customers/{customer_id}")

        form = self.css("#call-form")
        contact = Select(self.css("select[name=contact]", form))
        if len(contact.options) > 1:
            contact.select_by_index(1)
        Select(self.css("#call-outcome")).select_by_value("promise")
        amount_input = self.css("#promise-amount")
        self.wait(5).until(lambda d: amount_input.is_displayed() and amount_input.is_enabled())
        amount = min(invoice["balance"], Decimal("1500000.00"))
        amount_input.send_keys(f"{amount:.2f}")
        date_input = self.css("#promise-date")
        promised_on = self.server_today(date_input) + datetime.timedelta(days=7)
        self.set_date(date_input, promised_on)
        note = f"E2E {RUN_TAG}: promete pagar la próxima semana"
        self.css("#call-note").send_keys(note)
        self.click_and_wait(self.css("#call-submit"))

        self.assert_flash_success()
        self.assertEqual(customer_id_from(self.d.current_url).lower(), customer_id.lower())
        promises = self.css_all("#promises li")
        amount_text = f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
        date_text = f"{promised_on.day} {SPANISH_MONTHS[promised_on.month - 1]} {promised_on.year}"
        matching = [li for li in promises if amount_text in li.text and date_text in li.text
                    and self.present(".badge.promise-active", li)]
        self.assertEqual(len(matching), 1, f"active promise of {amount_text} for {date_text} not listed: {[li.text for li in promises]}")
        timeline = self.css("#timeline").text
        self.assertIn(note, timeline, "the call's note is not on the timeline")
        promise_entries = [li.text for li in self.css_all("#timeline li") if amount_text in li.text and date_text in li.text]
        self.assertTrue(promise_entries, f"the promise of {amount_text} for {promised_on} is not on the timeline")
        self.screenshot("customer.png")

        rows = self.open_invoice_rows()
        self.assertTrue(any(row["paused"] for row in rows), "no open invoice shows reminders paused")
        self.click_and_wait(self.css(f"#open-invoices a.invoice-link[href$='{invoice['id']}']"))
        self.assertIn(invoice["number"], self.css("#invoice-number").text)
        paused = self.css("#reminders-paused")
        self.assertTrue(paused.is_displayed())
        self.assertFalse(self.present("#next-reminder"))

    def test_dispute_open_and_reject(self):
        self.login_ok(COLLECTOR)
        customer_id, _ = self.claim_customer(lambda: self.active_invoice(self.open_invoice_rows()) is not None)
        invoice = self.active_invoice(self.open_invoice_rows())
        self.click_and_wait(self.css(f"#open-invoices a.invoice-link[href$='{invoice['id']}']"))
        self.assertIn(invoice["number"], self.css("#invoice-number").text)
        self.assertFalse(self.present("#reminders-paused"), "reminders paused before the dispute")
        self.assertFalse(self.present("#dispute-open"))

        self.css("#open-dispute summary").click()
        reason = f"E2E {RUN_TAG}: mercancía llegó averiada"
        reason_input = self.css("#dispute-reason")
        self.wait(5).until(lambda d: reason_input.is_displayed())
        reason_input.send_keys(reason)
        self.click_and_wait(self.css("#dispute-submit"))

        self.assert_flash_success()
        self.assertTrue(self.css("#dispute-open").is_displayed())
        self.assertTrue(self.css("#reminders-paused").is_displayed())
        self.assertIn(reason, self.css("#disputes").text)
        self.assertFalse(self.present("#open-dispute"), "can open a second dispute while one is open")
        self.screenshot("invoice.png")

        Select(self.css("#dispute-resolution")).select_by_value("rejected")
        self.click_and_wait(self.css("#resolve-dispute"))

        self.assert_flash_success()
        self.assertFalse(self.present("#dispute-open"), "dispute still open after resolving it")
        self.assertFalse(self.present("#resolve-dispute-form"))
        dispute = [article for article in self.css_all("#disputes article.dispute") if reason in article.text]
        self.assertEqual(len(dispute), 1, "the resolved dispute is no longer listed")
        rejected_label = "Rechazada"
        self.assertIn(rejected_label, dispute[0].text, f"resolution not shown: {dispute[0].text!r}")
        self.assertFalse(self.present("#reminders-paused"), "reminders still paused after rejecting the dispute")
        self.screenshot("invoice-resolved.png")

    def test_payment_plan_three_instalments(self):
        self.login_ok(COLLECTOR)
        customer_id, _ = self.claim_customer(lambda: self.active_invoice(self.open_invoice_rows()) is not None)
        invoice = self.active_invoice(self.open_invoice_rows())
        plans_before = len(self.css_all("#plans article.plan"))

        checkbox = self.css(f"#plan-form input.plan-invoice[value='{invoice['id']}']")
        checkbox.click()
        self.assertTrue(checkbox.is_selected())
        instalments = self.css("#plan-instalments")
        self.assertEqual(instalments.get_attribute("value"), "3")
        first_due = self.css("#plan-first-due")
        self.set_date(first_due, self.server_today(first_due) + datetime.timedelta(days=14))
        self.click_and_wait(self.css("#plan-submit"))

        self.assert_flash_success()
        plans = self.css_all("#plans article.plan")
        self.assertEqual(len(plans), plans_before + 1, "no new plan in #plans")
        candidates = [plan for plan in plans if parse_money(self.css("h3", plan).text) == invoice["balance"]]
        self.assertEqual(len(candidates), 1, f"no plan for {invoice['balance_text']}: {[p.text for p in plans]}")
        rows = self.css_all("table.instalments tbody tr", candidates[0])
        self.assertEqual(len(rows), 3, "the plan does not have 3 instalments")
        for row in rows:
            self.assertIn("instalment-pending", row.get_attribute("class").split())
        amounts = [parse_money(self.css_all("td", row)[2].text) for row in rows]
        self.assertTrue(all(amount > 0 for amount in amounts), amounts)
        self.assertEqual(sum(amounts), invoice["balance"], f"instalments {amounts} do not add up to {invoice['balance']}")
        due_dates = [self.css_all("td", row)[1].text for row in rows]
        self.assertEqual(len(set(due_dates)), 3, f"instalments share a due date: {due_dates}")

        # The planned invoice's reminders are paused; the plan is on the timeline.
        row = next(r for r in self.open_invoice_rows() if r["id"] == invoice["id"])
        self.assertTrue(row["paused"], "the planned invoice's reminders are not paused")
        amount_only = invoice["balance_text"].split(" ", 1)[-1]
        entries = [li.text for li in self.css_all("#timeline li") if amount_only in li.text and "3" in li.text
                   and "Acuerdo" in li.text]
        self.assertTrue(entries, "the plan is not on the timeline")
        self.screenshot("customer-plan.png")

    def test_manual_credit_hold(self):
        self.login_ok(COLLECTOR)
        # Preferably a customer who can still buy on credit, so the hold visibly changes the status.
        customer_id = self.claim_customer(
            lambda: self.present("#place-hold") and self.css("#credit-hold-state").text.strip() == CREDIT_OK,
            required=False)
        if customer_id is None:
            customer_id = self.claim_customer(lambda: self.present("#place-hold"))
        customer_id = customer_id[0]
        self.assertTrue(self.present("#place-hold"))
        self.assertNotIn("manual_hold", self.credit_codes(customer_id), "manual hold before placing one")

        reason = f"E2E {RUN_TAG} cheque devuelto"
        self.css("#hold-reason").send_keys(reason)
        self.click_and_wait(self.css("#place-hold"))

        self.assert_flash_success()
        self.assertEqual(self.css("#credit-hold-state").text.strip(), CREDIT_HELD)
        self.assertIn("on-hold", self.css("#credit-status").get_attribute("class").split())
        reasons = [li.text for li in self.css_all("#credit-hold-reasons li")]
        self.assertTrue(any(reason in text for text in reasons), f"reason not listed: {reasons}")
        self.assertFalse(self.present("#place-hold"))
        self.assertTrue(self.present("#release-hold"))
        self.screenshot("customer-hold.png")

        check = self.credit_check(customer_id)
        self.assertIs(check.get("allowed"), False, check)
        self.assertIs(check.get("on_hold"), True, check)
        self.assertIn("manual_hold", [reason.get("code") for reason in check.get("reasons", [])], check)

    def test_viewer_sees_no_forms(self):
        self.login_ok(VIEWER)
        self.assertIn("consulta", self.css("#signed-in-user").text.lower())
        customers = [row for row in self.worklist_customers() if row[0] not in CLAIMED]
        self.assertGreater(len(customers), 0, "the viewer's worklist is empty")
        self.assertFalse(self.present("#worklist select[name=userId]"), "the viewer can reassign customers")
        # One without a manual hold, so a hold slipping through would show.
        customer_id, name = next(((id, name) for id, name in customers if "manual_hold" not in self.credit_codes(id)), customers[0])
        CLAIMED.add(customer_id)
        self.assertNotIn("manual_hold", self.credit_codes(customer_id), "every customer already has a manual hold")
        self.click_and_wait(self.css(f"#worklist tr[data-customer='{customer_id}'] a.customer-link"))
        self.assertEqual(self.css("#customer-name").text.strip(), name)
        self.assertTrue(self.present("#credit-status"))
        self.assertTrue(self.present("#open-invoices"))
        for selector in ("#call-form", "#place-hold", "#release-hold", "#plan-form", "#send-statement"):
            self.assertFalse(self.present(selector), f"the viewer sees {selector}")
        # Without the form, posting by hand (with a valid CSRF token) is refused as well.
        status = self.post_from_page(f"/customers/{customer_id}/credit-hold", {"reason": "E2E viewer must not hold"})
        self.assertEqual(status, 403, "the server let a viewer place a credit hold")
        self.assertNotIn("manual_hold", self.credit_codes(customer_id), "a viewer's post placed a hold")

        invoice_links = self.css_all("#open-invoices a.invoice-link")
        self.assertTrue(invoice_links, "no open invoices to look at")
        self.click_and_wait(invoice_links[0])
        self.assertTrue(self.present("#invoice-balance"))
        for selector in ("#dispute-form", "#open-dispute", "#resolve-dispute-form"):
            self.assertFalse(self.present(selector), f"the viewer sees {selector}")

    def test_import_upload_through_the_page(self):
        """A real browser's multipart upload streams its body: the CSRF token must be read from it all
        the same (it used to be looked for before the body arrived, and every upload got 403)."""
        import tempfile
        self.login_ok(COLLECTOR)
        self.open("/import")
        rows = "\n".join(f"E2E-{RUN_TAG}-{n};Cliente de prueba {RUN_TAG} {n} S.A.S.;900{n:06d};net30"
                         for n in range(1, 8001))
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as file:
            file.write("Código;Razón social;NIT;Plazo\n" + rows + "\n")
            path = file.name
        try:
            self.assertGreater(os.path.getsize(path), 300_000, "the file should arrive in several pieces")
            form = self.css("#import-upload")
            self.css("input[type=file]", form).send_keys(path)
            Select(self.css("select[name=kind]", form)).select_by_value("customers")
            self.click_and_wait(self.css("button.primary", form))
        finally:
            os.unlink(path)
        self.assertRegex(urllib.parse.urlparse(self.d.current_url).path, r"^/import/[^/]+$",
                         f"the upload did not reach its preview: {self.d.current_url}")
        self.assertNotIn("csrf_invalid", self.d.page_source)
        self.screenshot("import-upload-preview.png")

    def test_unknown_address_is_a_page(self):
        self.d.delete_all_cookies()
        self.open("/esta-pagina-no-existe")
        self.assertEqual(self.css("#error-message").get_attribute("data-code"), "route_not_found")
        self.assertTrue(self.present("a[href='/']"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
