""""Pagos y facturas nuevas" in the browser: an admin chooses that thank-yous go in the day's message,
saves the reminder settings and sees the choice kept; screenshots of the fieldset and of the page."""
import unittest

from workspace import BrowserCase

ADMIN = "admin@demo.cartera"


class EventDeliveryTest(BrowserCase):
    def test_thank_yous_in_the_days_message(self):
        self.login_ok(ADMIN)
        self.open("/settings/reminders")
        self.assertIn("Pagos y facturas nuevas", self.css("#event-delivery").text)
        self.assertTrue(self.css("#delivery-payment-received-as_soon_as_allowed").is_selected())
        self.css("#delivery-payment-received-daily_message").click()
        self.click_and_wait(self.css("#reminders-submit"))
        self.assert_flash_success()
        self.open("/settings/reminders")
        self.assertTrue(self.css("#delivery-payment-received-daily_message").is_selected())
        self.assertTrue(self.css("#delivery-new-invoice-as_soon_as_allowed").is_selected())
        self.shots("settings-event-delivery", part="#event-delivery")
        self.shots("settings-reminders-event-delivery")


if __name__ == "__main__":
    unittest.main()
