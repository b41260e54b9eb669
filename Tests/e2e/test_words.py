"""Words, not codes: the pages that used to show internal codes, as a person sees them in Spanish.

Runs against a server with the demo company (Tests/e2e/run_browser_tests.sh). Screenshots at
desktop (1280) and phone (390) widths go to CARTERA_SCREENSHOTS as <page>-desktop.png and <page>-phone.png.
The full check of every page in both languages is the Swift test PageWordsTests; this one looks
at the pages in a real browser.
"""
import os
import re
import sys
import unittest

from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from workspace import BrowserCase  # noqa: E402

ADMIN = "admin@demo.cartera"
CODES = re.compile(r"\b(?:net|eom)\d+\b|\b(?:before|after|letter|call|final)_\d+\b|\baudit\.|\b\d{4}-\d{2}-\d{2}\b"
                   r"|\bT\d{2}:\d{2}|\b\d+\.\d{1,2}\s?%")


class WordsTest(BrowserCase):

    def shoot(self, name):
        for label, width in (("desktop", 1280), ("phone", 390)):
            self.d.set_window_size(width, 900)
            self.screenshot(f"{name}-{label}.png")
            if os.environ.get("CARTERA_VIEWPORT_SHOTS"):
                self.d.save_screenshot(os.path.join(os.environ["CARTERA_VIEWPORT_SHOTS"], f"{name}-{label}.png"))
        self.d.set_window_size(1280, 900)

    def assert_words(self):
        text = self.css("main").text
        found = CODES.findall(text)
        self.assertFalse(found, f"codes on {self.d.current_url}: {found[:10]}")

    def test_pages_in_spanish_say_words(self):
        self.login_ok(ADMIN)
        for name, path in (("worklist", "/worklist?scope=all"), ("audit", "/audit"), ("reports", "/reports"),
                           ("import", "/import")):
            self.open(path)
            self.assert_no_server_error()
            self.assert_words()
            self.shoot(name)
        # The audit trail is filtered by choosing what happened, named in Spanish.
        self.open("/audit")
        kinds = Select(self.css("#audit-action"))
        labels = [option.text for option in kinds.options]
        self.assertIn("Cliente creado", labels)
        kinds.select_by_visible_text("Cliente creado")
        self.click_and_wait(self.css("form.search button"))
        rows = self.css_all("#audit-log tbody tr")
        self.assertGreater(len(rows), 0)
        self.assertTrue(all("Cliente creado" in row.text for row in rows))
        # A worklist row says why it is there, not a score.
        self.open("/worklist?scope=all")
        first = self.css("#worklist tbody tr td.why")
        self.assertTrue(first.text.strip())
        self.assertNotRegex(first.text, r"^\d[\d.]*$")
        # An invoice page: terms and the expected payment in words.
        self.css("#worklist tbody tr a.customer-link").click()
        self.wait().until(lambda d: "/customers/" in d.current_url)
        self.assert_words()
        self.shoot("customer")
        invoice = self.css("a[href^='/invoices/']")
        self.click_and_wait(invoice)
        self.assert_words()
        self.shoot("invoice")


if __name__ == "__main__":
    unittest.main()
