"""Customers and invoices from the browser: a customer created with a NIT typed without dots (and
without its check digit), found again by the NIT without check digit, then invoiced."""
import unittest
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from workspace import COLLECTOR, RUN_TAG, BrowserCase

DIAN_WEIGHTS = (3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71)


def nit_check_digit(number):
    total = sum(int(digit) * weight for digit, weight in zip(reversed(number), DIAN_WEIGHTS))
    remainder = total % 11
    return remainder if remainder < 2 else 11 - remainder


def nit_formatted(number):
    groups = []
    while len(number) > 3:
        groups.insert(0, number[-3:])
        number = number[:-3]
    groups.insert(0, number)
    return ".".join(groups)


class CustomersInvoicesTest(BrowserCase):
    def search_from_top_bar(self, text):
        box = self.css("#top-search")
        box.clear()
        box.send_keys(text)
        self.d.execute_script("window.__e2eOldPage = true;")
        box.send_keys(Keys.ENTER)
        self.wait().until(lambda d: d.execute_script(
            "return window.__e2eOldPage === undefined && document.readyState === 'complete'"))
        self.assert_no_server_error()

    def test_create_a_customer_find_it_by_nit_and_invoice_it(self):
        number = f"8{RUN_TAG}53"
        name = f"Ferretería Prueba {RUN_TAG} S.A.S."
        shown = f"{nit_formatted(number)}-{nit_check_digit(number)}"

        self.login_ok(COLLECTOR)
        self.open("/customers")
        self.click_and_wait(self.css("#new-customer"))
        self.assertEqual(urllib.parse.urlparse(self.d.current_url).path, "/customers/new")
        terms = [option.text for option in Select(self.css("#customer-terms")).options]
        self.assertIn("30 días", terms)
        self.assertNotIn("net30", " ".join(terms))

        # A wrong check digit first: refused next to the field, what was typed kept.
        self.css("#legal-name").send_keys(name)
        self.css("#tax-id").send_keys(f"{number}-{(nit_check_digit(number) + 1) % 10}")
        self.css("#credit-limit").send_keys("15.000.000")
        self.click_and_wait(self.css("#customer-submit"))
        self.assertIn("dígito de verificación", self.css("#tax-id-error").text)
        self.assertEqual(self.css("#legal-name").get_attribute("value"), name)
        self.assertEqual(self.css("#credit-limit").get_attribute("value"), "15.000.000")
        self.shots("customer-form-refused")

        tax_id = self.css("#tax-id")
        tax_id.clear()
        tax_id.send_keys(number)
        Select(self.css("#customer-terms")).select_by_visible_text("30 días")
        self.css("#address-city").send_keys("Bogotá")
        self.shots("customer-new")
        self.click_and_wait(self.css("#customer-submit"))
        self.assert_flash_success()
        self.assertEqual(self.css("#customer-name").text, name)
        self.assertIn(shown, self.css(".page-head .meta").text)
        customer_path = urllib.parse.urlparse(self.d.current_url).path

        # The edit form shows it formatted; saving keeps it.
        self.click_and_wait(self.css("#edit-customer"))
        self.assertEqual(self.css("#tax-id").get_attribute("value"), shown)
        self.shots("customer-edit")
        self.click_and_wait(self.css("#customer-submit"))
        self.assert_flash_success()

        # Found by the NIT without its check digit.
        self.search_from_top_bar(number)
        links = self.css_all("#search-customers td:first-child a")
        self.assertIn(name, [link.text for link in links])
        self.click_and_wait(next(link for link in links if link.text == name))
        self.assertEqual(urllib.parse.urlparse(self.d.current_url).path, customer_path)

        # An invoice for it, an amount typed the Colombian way.
        self.click_and_wait(self.css("#new-invoice"))
        self.assertEqual(urllib.parse.urlparse(self.d.current_url).path, "/invoices/new")
        self.assertIn(name, Select(self.css("#invoice-customer")).first_selected_option.text)
        self.assertIn("vence el", self.css("#invoice-due").text)
        self.css("#invoice-number-input").send_keys(f"E2E-{RUN_TAG}")
        self.css("#add-line").click()
        self.assertEqual(len(self.css_all("#line-rows tr.line-row")), 4)
        row = self.css_all("#line-rows tr.line-row")[0]
        self.css(".line-description", row).send_keys("Tornillos galvanizados")
        self.css(".line-quantity", row).send_keys("2")
        self.css(".line-unit-price", row).send_keys("750.000,25")
        self.shots("invoice-new")
        self.click_and_wait(self.css("#invoice-issue"))
        self.assert_flash_success()
        self.assertIn(f"E2E-{RUN_TAG}", self.css("#invoice-number").text)
        self.assertIn("1.500.000,50", self.css("#invoice-balance").text)
        self.assertIn(name, self.d.find_element(By.TAG_NAME, "body").text)


if __name__ == "__main__":
    unittest.main()
