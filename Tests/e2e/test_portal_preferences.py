"""The portal's contact preferences in a real browser: the customer follows the footer's link, turns
email off for one contact, saves, and sees it kept with the day and where it was said."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from workspace import COLLECTOR, BrowserCase  # noqa: E402


class PortalPreferencesTest(BrowserCase):
    def test_turning_email_off_is_saved(self):
        self.login_ok(COLLECTOR)
        form = None
        for customer_id, _ in self.worklist_customers("all"):
            self.login_ok(COLLECTOR)
            self.open_portal_for(customer_id)
            if self.css("html").get_attribute("lang") != "es":
                continue
            self.click_and_wait(self.css("#portal-preferences-link"))
            self.assert_no_server_error()
            forms = self.css_all("form.contact-preferences")
            if forms and self.css("input[name=email]", forms[0]).is_selected():
                form = forms[0]
                break
        self.assertIsNotNone(form, "no Spanish-speaking customer with a contact reachable by email")
        self.assertEqual(self.css("h2", self.css("#portal-preferences")).text, "Preferencias de contacto")
        labels = [label.text for label in self.css_all("label.check", form)]
        for channel in ("Correo electrónico", "Mensajes de texto (SMS)", "Cartas por correo postal",
                        "Llamadas telefónicas"):
            self.assertTrue(any(channel in label for label in labels), f"{channel} missing from {labels}")
        form_id = form.get_attribute("id")

        self.css("input[name=email]", form).click()
        self.click_and_wait(self.css("button.primary", form))
        self.assert_no_server_error()
        self.assertIn("/preferences", self.d.current_url)
        self.assertIn("Guardamos sus preferencias de contacto", self.css("#flash").text)
        form = self.css(f"#{form_id}")
        self.assertFalse(self.css("input[name=email]", form).is_selected(), "email is still on after saving")
        self.assertTrue(self.css("input[name=sms]", form).is_selected(), "another channel was turned off too")
        email_label = self.css("input[name=email]", form).find_element("xpath", "..").text
        self.assertRegex(email_label, r"No desea contacto desde el \d+ \w+ \d{4} \(en el portal\)")
        self.shots("portal-preferences")

        # Still off when the page is opened again.
        self.d.refresh()
        self.assertFalse(self.css(f"#{form_id} input[name=email]").is_selected())

    def test_the_statement_marks_held_invoices(self):
        """Shots of the portal's and the customer page's invoices where one is disputed, promised or in a plan."""
        self.login_ok(COLLECTOR)
        held = []
        for customer_id, _ in self.worklist_customers("all"):
            self.open(f"/customers/{customer_id}")
            notes = [badge.text for badge in self.css_all("#open-invoices .badge.paused")]
            if any(note.startswith(("En disputa", "Con promesa", "En plan")) for note in notes):
                # the longest words first: a promise's date is what could overflow a phone
                held.append((any(note.startswith("Con promesa") for note in notes), customer_id))
        for _, customer_id in sorted(held, key=lambda pair: not pair[0]):
            self.login_ok(COLLECTOR)
            self.open(f"/customers/{customer_id}")
            self.shots("customer-open-invoices", part="#open-invoices")
            self.open_portal_for(customer_id)
            portal_notes = [badge.text for badge in self.css_all("#portal-invoices .hold-note")]
            self.assertTrue(portal_notes, "the portal marks none of the invoices the customer page marks")
            self.shots("portal-statement")
            return
        self.fail("no customer has a disputed, promised or planned invoice")


if __name__ == "__main__":
    unittest.main()
