"""Find anything: the search box in the top bar of every page, and the customer list's filters."""
import unittest
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from workspace import COLLECTOR, BrowserCase


class SearchTest(BrowserCase):
    def search_from_top_bar(self, text):
        box = self.css("#top-search")
        box.clear()
        box.send_keys(text)
        self.d.execute_script("window.__e2eOldPage = true;")
        box.send_keys(Keys.ENTER)
        self.wait().until(lambda d: d.execute_script(
            "return window.__e2eOldPage === undefined && document.readyState === 'complete'"))
        self.assert_no_server_error()

    def test_lacteos_without_accent_finds_the_customer(self):
        self.login_ok(COLLECTOR)
        self.open("/worklist")
        self.search_from_top_bar("lacteos")
        self.assertEqual(urllib.parse.urlparse(self.d.current_url).path, "/search")
        names = [a.text for a in self.css_all("#search-customers td:first-child a")]
        self.assertTrue(names, "no customer found for 'lacteos'")
        self.assertTrue(all("Lácteos" in name for name in names), names)
        if "Lácteos Nueva Granada" in " ".join(names):
            self.assertTrue(any(name.startswith("Lácteos Nueva Granada") for name in names))
        # one letter swapped still finds them
        self.search_from_top_bar("lacetos")
        self.assertTrue(self.css_all("#search-customers td:first-child a"), "no customer found for 'lacetos'")
        self.search_from_top_bar("lacteos")
        self.d.set_window_size(1280, 900)
        self.screenshot("search-desktop.png")
        self.d.set_window_size(390, 844)
        self.screenshot("search-phone.png")
        self.d.set_window_size(1280, 900)

    def test_invoice_number_opens_the_invoice(self):
        self.login_ok(COLLECTOR)
        self.open("/customers")
        self.search_from_top_bar("fe-10382")
        link = self.css("#search-invoices td:first-child a")
        self.assertEqual(link.text, "FE-10382")
        self.click_and_wait(link)
        self.assertTrue(urllib.parse.urlparse(self.d.current_url).path.startswith("/invoices/"))
        self.assertIn("FE-10382", self.d.find_element(By.TAG_NAME, "body").text)

    def test_customer_list_filters_and_sorts(self):
        self.login_ok(COLLECTOR)
        self.open("/customers")
        form = self.css("#customer-filters")
        self.css("select[name=currency] option[value=COP]", form).click()
        self.click_and_wait(self.css("button.primary", form))
        self.assertIn("currency=COP", self.d.current_url)
        rows = self.css_all("#customer-list tbody tr")
        self.assertTrue(rows)
        self.assertTrue(all(row.find_elements(By.CSS_SELECTOR, "td")[2].text == "COP" for row in rows))
        # sorting by balance keeps the filter
        self.click_and_wait(self.css("#customer-list thead th.num a"))
        self.assertIn("currency=COP", self.d.current_url)
        self.assertIn("sort=balance", self.d.current_url)
        self.d.set_window_size(1280, 900)
        self.screenshot("customers-desktop.png")
        self.d.set_window_size(390, 844)
        self.screenshot("customers-phone.png")
        self.d.set_window_size(1280, 900)


if __name__ == "__main__":
    unittest.main()
