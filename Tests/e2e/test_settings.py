"""Settings in the browser: an admin of the demo company, from the sign-in page, sets payment
instructions and a bank account and sees them on a customer's portal; screenshots of every
settings page in Spanish at desktop and phone widths."""
import re
import unittest

from workspace import BASE_URL, RUN_TAG, BrowserCase

ADMIN = "admin@demo.cartera"
PAGES = (
    ("settings", "/settings"),
    ("settings-reminders", "/settings/reminders"),
    ("settings-rates", "/settings/rates"),
    ("settings-people", "/settings/people"),
    ("settings-api-keys", "/settings/api-keys"),
)


class SettingsTest(BrowserCase):
    def test_payment_instructions_reach_the_portal(self):
        self.login_ok(ADMIN)
        self.click_and_wait(self.css("#nav-settings"))
        self.assertTrue(self.d.current_url.endswith("/settings"))
        instructions = f"Consigne citando el número de factura ({RUN_TAG})."
        box = self.css("#payment-instructions")
        box.clear()
        box.send_keys(instructions)
        self.click_and_wait(self.css("#payment-submit"))
        self.assert_flash_success()

        number = f"0{RUN_TAG}-77"
        self.css("input[name=bankName]").send_keys("Banco de Bogotá")
        self.css("input[name=bankAccountNumber]").send_keys(number)
        self.css("input[name=bankAccountHolder]").send_keys("Demo S.A.S.")
        self.css("input[name=bankAccountTaxId]").send_keys("NIT 900.555.111-2")
        self.click_and_wait(self.css("#bank-account-submit"))
        self.assert_flash_success()
        self.assertIn(number, self.css("#bank-accounts").text)

        # A portal link from a customer page (the "portal link" form), then the customer's view.
        self.open("/worklist?scope=all")
        self.click_and_wait(self.css("#worklist a.customer-link"))
        self.click_and_wait(self.css("#portal-link"))
        _, text = self.flash()
        match = re.search(r"(/portal/[A-Za-z0-9_\-]+)", text)
        self.assertIsNotNone(match, f"no portal link in {text!r}")
        self.d.delete_all_cookies()
        self.open(match.group(1))
        self.assertIn(instructions, self.css("#portal-payment-instructions").text)
        accounts = self.css("#portal-bank-accounts").text
        self.assertIn("Banco de Bogotá", accounts)
        self.assertIn(number, accounts)
        self.assertIn("Cuenta de ahorros", accounts)
        self.screenshot("portal-how-to-pay-desktop.png")
        self.d.set_window_size(390, 900)
        try:
            self.open(match.group(1))
            self.screenshot("portal-how-to-pay-phone.png")
        finally:
            self.d.set_window_size(1280, 900)

    def test_a_refused_time_zone_keeps_what_was_typed(self):
        self.login_ok(ADMIN)
        self.open("/settings")
        zone = self.css("#time-zone")
        zone.clear()
        zone.send_keys("Marte/Olympus")
        self.click_and_wait(self.css("#organisation-submit"))
        self.assertTrue(self.present("#time-zone-error"), "no error next to the time zone")
        self.assertEqual(self.css("#time-zone").get_attribute("value"), "Marte/Olympus")

    def test_screenshots(self):
        self.login_ok(ADMIN)
        for width, suffix in ((1280, "desktop"), (390, "phone")):
            self.d.set_window_size(width, 900)
            for name, path in PAGES:
                self.open(path)
                self.assert_no_server_error()
                self.screenshot(f"{name}-{suffix}.png")
        self.d.set_window_size(1280, 900)


if __name__ == "__main__":
    unittest.main()
