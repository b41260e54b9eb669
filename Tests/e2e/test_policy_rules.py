"""The rules that choose a customer's policy, in the browser, as the demo admin: make a policy of
one's own, add a rule with an amount typed the Colombian way, see it listed in words, and delete it
again. Screenshots (Spanish, desktop and phone) of the policies page with the rule listed."""
import unittest

from selenium.webdriver.support.ui import Select

from workspace import DESKTOP, BrowserCase

ADMIN = "admin@demo.cartera"


class PolicyRulesTest(BrowserCase):
    def setUp(self):
        self.d.set_window_size(*DESKTOP)
        self.login_ok(ADMIN)

    def test_a_rule_is_added_listed_in_words_and_deleted(self):
        self.open("/policies")
        self.assertIn("Reglas para elegir la política", self.css("#policy-rules").text)
        names = [o.text for o in self.css_all("#rule-policy option")] if self.present("#rule-policy") else []
        if "Cobro firme" not in names:
            # A rule picks one of the organisation's own policies: make one first.
            name = self.css("#new-policy-name")
            name.send_keys("Cobro firme")
            self.click_and_wait(self.css("#new-policy-submit"))
            self.assert_flash_success()
            self.open("/policies")
        Select(self.css("#rule-risk")).select_by_value("medium")
        self.css("#rule-days").send_keys("30")
        self.css("#rule-minimum").send_keys("1.500.000")
        Select(self.css("#rule-policy")).select_by_visible_text("Cobro firme")
        self.click_and_wait(self.css("#policy-rule-submit"))
        self.assert_flash_success()
        listed = self.css("#policy-rule-list").text
        self.assertIn("riesgo medio o alto", listed)
        self.assertIn("saldo desde $ 1.500.000", listed)
        self.assertIn("30 días de mora o más", listed)
        self.assertIn("Cobro firme", listed)
        self.shots("policy-rules")

        # Refused: days that are not a number come back next to their field; nothing added.
        count = len(self.css_all("#policy-rule-list li"))
        self.css("#rule-days").send_keys("treinta")
        self.click_and_wait(self.css("#policy-rule-submit"))
        self.assertIn("número entero", self.css("#policy-rule-form").text)
        self.assertEqual(len(self.css_all("#policy-rule-list li")), count)

        # Deleted again, for whoever comes next.
        last = self.css_all("#policy-rule-list li")[-1]
        self.click_and_wait(self.css("form:last-of-type button", last))
        self.assert_flash_success()
        self.assertEqual(len(self.css_all("#policy-rule-list li")), count - 1)

    def test_the_collections_start_is_on_the_reminder_settings(self):
        self.open("/settings/reminders")
        field = self.css("#collections-start")
        self.assertEqual(field.get_attribute("type"), "date")
        help_text = self.css("#collections-start-help").text
        self.assertTrue("aviso amable" in help_text, help_text)
        self.shots("collections-start")


if __name__ == "__main__":
    unittest.main()
