""""Antes de enviar" in the browser: an admin types a number of working days out of range and sees the
error next to the field with what was typed, then saves "only warn" with the daily summary off and sees
both kept; screenshots of the fieldset (the error, then saved) and of the page."""
import unittest

from workspace import BrowserCase

ADMIN = "admin@demo.cartera"


class BeforeSendingTest(BrowserCase):
    def set_days(self, value):
        days = self.css("#statement-stale-days")
        # The browser's own range check would stop the post: the server's check is the one tested.
        self.d.execute_script("arguments[0].removeAttribute('max'); arguments[0].removeAttribute('min');", days)
        days.clear()
        days.send_keys(value)

    def test_days_refused_then_saved(self):
        self.login_ok(ADMIN)
        self.open("/settings/reminders")
        self.assertIn("Antes de enviar", self.css("#before-sending").text)
        self.assertTrue(self.css("#stale-mode-hold").is_selected())
        self.assertTrue(self.css("#outgoing-digest").is_selected())

        self.set_days("90")
        self.css("#stale-mode-warn").click()
        self.click_and_wait(self.css("#reminders-submit"))
        self.assertTrue(self.present("#statement-stale-days-error"), "no error next to the days")
        self.assertEqual(self.css("#statement-stale-days").get_attribute("value"), "90")
        self.assertTrue(self.css("#stale-mode-warn").is_selected(), "the choice typed is kept")
        self.shots("settings-before-sending-error", part="#before-sending")

        self.set_days("5")
        self.css("#outgoing-digest").click()
        self.click_and_wait(self.css("#reminders-submit"))
        self.assert_flash_success()
        self.open("/settings/reminders")
        self.assertEqual(self.css("#statement-stale-days").get_attribute("value"), "5")
        self.assertTrue(self.css("#stale-mode-warn").is_selected())
        self.assertFalse(self.css("#outgoing-digest").is_selected())
        self.shots("settings-before-sending", part="#before-sending")
        self.shots("settings-reminders-before-sending")


if __name__ == "__main__":
    unittest.main()
