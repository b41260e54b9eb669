"""Contact rules from the browser: the customer page says when the customer may be contacted (the
organisation's country, Colombia, by default); a contact's consent per channel is changed on the
page and the opt-out shows its day; the customer form gives the customer another country and zone."""
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from workspace import COLLECTOR, BrowserCase


class ContactRulesTest(BrowserCase):
    def test_consent_and_another_country(self):
        self.login_ok(COLLECTOR)
        customer = self.claim_customer(lambda: len(self.css_all("#contacts tr.contact-more")) > 0)
        self.assertIsNotNone(customer)
        window = self.css("#contact-window").text
        self.assertIn("Colombia", window)
        self.assertIn("lun–vie 7:00–19:00, sáb 8:00–15:00", window)

        # The first contact opts out of email: recorded with today's date, shown in words.
        first = self.css("#contacts tr.contact-more")
        self.css("details summary", first).click()
        Select(self.css("select[name='consent[email]']", first)).select_by_visible_text("No desea contacto")
        self.shots("customer-consent-form", "#contacts")
        save = self.css("details form button", first)
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'});", save)
        self.click_and_wait(save)
        self.assert_flash_success()
        consents = self.css("#contacts tr.contact-more ul.consents").text
        self.assertIn("Correo: No desea contacto desde el", consents)
        self.assertIn("en Cartera", consents)
        self.assertIn("SMS: Autorizado", consents)
        self.assertTrue(self.present("#contacts li.opted-out"))
        self.shots("customer-consent", "#contacts")

        # Another country and zone for this customer: Chile's hours in Santiago.
        self.click_and_wait(self.css("#edit-customer"))
        Select(self.css("#customer-jurisdiction")).select_by_visible_text("Chile (Ley 21.320)")
        Select(self.css("#customer-time-zone")).select_by_visible_text("Santiago de Chile")
        self.shots("customer-form-contact-rules", "fieldset:has(#customer-jurisdiction)")
        self.shots("customer-form")
        # On a phone the long choices stay inside their card.
        self.d.set_window_size(390, 844)
        self.assertLessEqual(
            self.d.execute_script("return document.querySelector('#customer-jurisdiction').closest('.card').scrollWidth"),
            self.d.execute_script("return document.querySelector('#customer-jurisdiction').closest('.card').clientWidth") + 1)
        self.d.set_window_size(1280, 900)
        self.click_and_wait(self.css("#customer-submit"))
        self.assert_flash_success()
        window = self.css("#contact-window").text
        self.assertIn("Chile", window)
        self.assertIn("lun–sáb 8:00–20:00", window)
        self.assertIn("Santiago de Chile", window)

        # And back to the organisation's.
        self.click_and_wait(self.css("#edit-customer"))
        self.assertIn("Las de la organización", Select(self.css("#customer-jurisdiction")).options[0].text)
        Select(self.css("#customer-jurisdiction")).select_by_index(0)
        Select(self.css("#customer-time-zone")).select_by_index(0)
        self.click_and_wait(self.css("#customer-submit"))
        self.assertIn("Colombia", self.css("#contact-window").text)


if __name__ == "__main__":
    unittest.main()
