"""Browser tests of "Next to send" (/outgoing): what the next run sends, customer by customer, "skip this
time", and the organisation-wide pause with its banner on the page and the dashboard.

Runs against a server with the demo company loaded (Tests/e2e/run_browser_tests.sh).
"""
import datetime
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from workspace import COLLECTOR, BrowserCase  # noqa: E402

ADMIN = "admin@demo.cartera"
CODES = re.compile(r"\b(overdue|before_due|first_notice|call_task|credit_covers|statement_stale|email)\b|\b\d{4}-\d{2}-\d{2}\b")


class OutgoingTest(BrowserCase):

    def rows(self):
        return {row.get_attribute("data-customer"): self.css("a.customer-link", row).text.strip()
                for row in self.css_all("#outgoing tr.outgoing-row")}

    def test_the_page_lists_customers_and_skip_leaves_one_out_for_this_send(self):
        self.login_ok(COLLECTOR)
        self.click_and_wait(self.css("#nav-outgoing"))
        self.assert_no_server_error()
        self.assertIn("Próximo envío", self.css("#next-run").text)
        rows = self.rows()
        self.assertTrue(rows, "the demo's next send lists nobody")
        text = self.d.find_element("tag name", "body").get_attribute("innerText")
        self.assertIsNone(CODES.search(text), f"a code on the page: {CODES.search(text)}")
        self.shots("outgoing")

        customer_id, name = next(iter(rows.items()))
        row = self.css(f'#outgoing tr[data-customer="{customer_id}"]')
        self.click_and_wait(self.css("button.skip", row))
        self.assertIn(name, self.assert_flash_success())
        self.assertNotIn(customer_id, self.rows(), "the skipped customer is still listed")
        self.assertIn(name, self.css("#skipped").text)

        # undo: back in the list
        self.click_and_wait(self.css("#skipped button.undo-skip"))
        self.assert_flash_success()
        self.assertIn(customer_id, self.rows())

    def test_a_pause_with_a_resume_date_shows_its_banner_until_resumed(self):
        self.login_ok(ADMIN)
        self.open("/outgoing")
        field = self.css("#paused-until")
        tomorrow = datetime.date.fromisoformat(field.get_attribute("min"))
        resume = tomorrow + datetime.timedelta(days=6)
        self.set_date(field, resume)
        self.click_and_wait(self.css("#pause-submit"))
        self.assert_flash_success()
        banner = self.css("#paused-banner").text
        self.assertIn("en pausa", banner)
        self.assertIn(f"{resume.day} ", banner)
        self.assertIn("En pausa", self.css("#next-run").text)
        self.shots("outgoing-paused")
        self.open("/")
        self.assertIn("en pausa", self.css("#paused-banner").text)
        self.screenshot("dashboard-paused-desktop.png")

        self.open("/outgoing")
        self.click_and_wait(self.css("#resume"))
        self.assert_flash_success()
        self.assertFalse(self.present("#paused-banner"))


if __name__ == "__main__":
    unittest.main()
