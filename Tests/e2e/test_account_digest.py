"""Browser test of the person's own switch for the morning digest of what goes out next, on the
account page: on by default, turned off and on again with a message each time.

Runs against a server with the demo company loaded (Tests/e2e/run_browser_tests.sh).
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from workspace import COLLECTOR, VIEWER, BrowserCase  # noqa: E402


class AccountDigestTest(BrowserCase):

    def test_a_collector_turns_the_morning_digest_off_and_on(self):
        self.login_ok(COLLECTOR)
        self.open("/account/password")
        self.assert_no_server_error()
        box = self.css("#outgoing-digest")
        self.assertTrue(box.is_selected(), "the digest is on for everyone at first")
        self.assertIn("Recibir cada día el resumen de próximos envíos", self.css("#digest").text)
        self.assertIn("6:00", self.css("#digest").text)
        self.shots("account-digest")

        box.click()
        self.click_and_wait(self.css("#digest-submit"))
        self.assertIn("ya no recibirá", self.assert_flash_success())
        self.assertFalse(self.css("#outgoing-digest").is_selected())
        self.shots("account-digest-off")

        self.css("#outgoing-digest").click()
        self.click_and_wait(self.css("#digest-submit"))
        self.assertIn("recibirá cada día", self.assert_flash_success())
        self.assertTrue(self.css("#outgoing-digest").is_selected())

    def test_a_viewer_gets_no_digest_and_sees_no_switch(self):
        self.login_ok(VIEWER)
        self.open("/account/password")
        self.assert_no_server_error()
        self.assertFalse(self.css_all("#digest"), "viewers do not work accounts: no digest for them")


if __name__ == "__main__":
    unittest.main()
