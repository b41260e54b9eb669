"""Policies and message texts in the browser, as the demo admin: edit a policy step and see the
timeline preview move, then save it; edit a message text and preview it in Spanish and English.
Screenshots (Spanish, desktop and phone) of the four pages."""
import re
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from workspace import DESKTOP, BrowserCase

ADMIN = "admin@demo.cartera"


class PoliciesAndTemplatesTest(BrowserCase):
    def setUp(self):
        self.d.set_window_size(*DESKTOP)
        self.login_ok(ADMIN)

    def preview_entry(self, when):
        """The date of the preview step whose day reads `when` ("10 días después del vencimiento")."""
        for item in self.css_all("#preview-steps li"):
            if when in item.text:
                return self.css(".preview-date", item).text.strip()
        self.fail(f"no preview step for {when!r}: {[i.text for i in self.css_all('#preview-steps li')]}")

    def set_days(self, row, days):
        field = self.css(f"#days-{row}")
        field.clear()
        field.send_keys(str(days))

    def test_editing_a_step_moves_its_preview_and_saves(self):
        self.open("/policies")
        self.assertIn("Políticas de cobro", self.css("h1").text)
        self.assertTrue(self.present("#default-policy"), "the default policy is not marked")
        self.shots("policies")
        self.click_and_wait(self.css("a.policy-link"))
        before = self.preview_entry("10 días después del vencimiento")
        self.assertRegex(before, r"^\d{1,2} [a-z]{3} \d{4}$", "the preview date is not in words")
        self.shots("policy")

        # The third step (10 days after) moved to 17 days: the preview moves, nothing saved yet.
        self.set_days(2, 17)
        self.click_and_wait(self.css("#policy-preview-button"))
        moved = self.preview_entry("17 días después del vencimiento")
        self.assertNotEqual(moved, before)
        self.assertNotIn("10 días después del vencimiento", self.css("#preview-steps").text)
        self.assertEqual(self.css("#days-2").get_attribute("value"), "17")

        # A bad number comes back next to its field, as typed.
        self.set_days(2, "abc")
        self.click_and_wait(self.css("#policy-save"))
        step = self.css("#step-2")
        self.assertIn("número entero de días", self.css(".field-error", step).text)
        self.assertEqual(self.css("#days-2").get_attribute("value"), "abc")

        # Saved: the page shows the new day, and again after reloading.
        self.set_days(2, 17)
        self.click_and_wait(self.css("#policy-save"))
        self.assert_flash_success()
        self.open(re.sub(r"^https?://[^/]+", "", self.d.current_url))
        self.assertEqual(self.preview_entry("17 días después del vencimiento"), moved)

        # Back as it was, for whoever comes next.
        self.set_days(2, 10)
        self.click_and_wait(self.css("#policy-save"))
        self.assertEqual(self.preview_entry("10 días después del vencimiento"), before)

    def test_a_template_is_edited_and_previewed_in_spanish_and_english(self):
        self.open("/templates")
        self.assertIn("Textos de los mensajes", self.css("h1").text)
        self.shots("templates")
        links = [a for a in self.css_all("a.template-link") if a.text.strip() == "español"]
        self.click_and_wait(links[0])
        self.assertTrue(self.present("#template-variables tr"), "no list of variables")
        self.assertIn("{{customer_name}}", self.css("#template-variables").text)
        self.shots("template")

        # Spanish: the typed text, previewed for the chosen customer.
        customer = Select(self.css("#template-customer"))
        customer.select_by_index(min(1, len(customer.options) - 1))
        name = customer.first_selected_option.text.strip()
        body = self.css("#template-body")
        body.send_keys("\nPrueba de Cartera para {{customer_name}}.")
        self.click_and_wait(self.css("#template-preview-button"))
        self.assertIn(f"Prueba de Cartera para {name}.", self.css("#preview-body").text)
        self.assertEqual(self.css("#preview-message").get_attribute("lang"), "es")

        # Saved as the company's own, then back to the original.
        self.click_and_wait(self.css("#template-save"))
        self.assert_flash_success()
        self.assertTrue(self.present("#template-customized"))
        self.d.execute_script("window.confirm = () => true;")
        self.click_and_wait(self.css("#template-reset"))
        self.assert_flash_success()
        self.assertTrue(self.present("#template-original"))

        # English: the same message in the other language, previewed in English.
        tabs = self.css_all("#template-languages a")
        self.click_and_wait(next(a for a in tabs if a.get_attribute("aria-current") != "page"))
        self.css("#template-body").send_keys("\nCartera check for {{customer_name}}.")
        self.click_and_wait(self.css("#template-preview-button"))
        preview = self.css("#preview-body").text
        self.assertIn("Cartera check for ", preview)
        self.assertEqual(self.css("#preview-message").get_attribute("lang"), "en")
        self.assertNotIn("Hola", preview)


if __name__ == "__main__":
    unittest.main()
