"""The customer's portal in a real browser: a promise typed the Colombian way (`3.170.588,24`) is taken
as exactly that amount, and a refused one keeps what the customer typed with the reason next to it."""
import datetime
import os
import sys
import unittest
import urllib.parse
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from workspace import COLLECTOR, BrowserCase, parse_money  # noqa: E402

PROMISED = "3.170.588,24"


class PortalTest(BrowserCase):
    def promise_choice(self):
        """The first promise checkbox whose invoice owes enough for the promise and not ten times more."""
        for box in self.css_all("#portal-promise input[name=invoiceIds]"):
            label = box.find_element("xpath", "..").text
            balance = parse_money(label.split("·")[-1])
            if Decimal("3170588.24") <= balance <= Decimal("31000000"):
                return box
        return None

    def test_a_promise_typed_the_colombian_way(self):
        self.login_ok(COLLECTOR)
        chosen = None
        for customer_id, _ in self.worklist_customers("all"):
            self.login_ok(COLLECTOR)
            self.open_portal_for(customer_id)
            chosen = self.promise_choice()
            if chosen is not None:
                break
        self.assertIsNotNone(chosen, "no customer owes between 3,2 and 31 million on one invoice")
        form = self.css("#portal-promise form")
        for box in self.css_all("input[name=invoiceIds]", form):
            if box.is_selected() != (box == chosen):
                box.click()
        day = datetime.date.fromisoformat(self.css("input[name=promisedOn]", form).get_attribute("min"))
        self.d.execute_script("arguments[0].value = arguments[1];", self.css("input[name=promisedOn]", form),
                              (day + datetime.timedelta(days=7)).isoformat())

        # Refused first: what the customer typed stays, the reason is next to the amount.
        self.css("input[name=amount]", form).send_keys("tres millones")
        self.css("textarea[name=note]", form).send_keys("Pago con transferencia")
        self.click_and_wait(self.css("button.primary", form))
        self.assertEqual(urllib.parse.urlparse(self.d.current_url).path.split("/")[1], "portal",
                         "a refused portal form must stay on the portal")
        self.assertTrue(self.css("#promise-amount-error").text.strip())
        form = self.css("#portal-promise form")
        self.assertEqual(self.css("input[name=amount]", form).get_attribute("value"), "tres millones")
        self.assertEqual(self.css("textarea[name=note]", form).get_attribute("value"), "Pago con transferencia")

        amount = self.css("input[name=amount]", form)
        amount.clear()
        amount.send_keys(PROMISED)
        self.click_and_wait(self.css("button.primary", form))
        self.assertFalse(self.present("#promise-amount-error"), self.d.find_element("tag name", "body").text[:400])
        badges = [badge.text for badge in self.css_all("#portal-promise .badge")]
        self.assertTrue(any(parse_money(text.split("—")[0]) == Decimal("3170588.24") for text in badges),
                        f"the promise is not listed as $ {PROMISED}: {badges}")
        self.screenshot("portal-promise-desktop.png")


if __name__ == "__main__":
    unittest.main()
