"""The organisation-wide pages that read the stored account summaries, as the finance team sees them:
the customer list sorted by what is overdue, with its risk column; the worklist; the dashboard and the
forecast after a payment is recorded (the summaries move in the payment's own transaction)."""
import unittest

from workspace import COLLECTOR, BrowserCase, parse_money


class AccountSummariesTest(BrowserCase):
    def test_customer_list_sorted_by_overdue_with_risk(self):
        self.login_ok(COLLECTOR)
        self.open("/customers")
        self.assert_no_server_error()
        headings = [th.text for th in self.css_all("#customer-list thead th")]
        self.assertIn("Vencido", " ".join(headings))
        self.assertIn("Riesgo", " ".join(headings))
        # The "Vencido" heading sorts ascending, a second click descending.
        link = next(a for a in self.css_all("#customer-list thead th a") if a.text.startswith("Vencido"))
        self.click_and_wait(link)
        link = next(a for a in self.css_all("#customer-list thead th a") if a.text.startswith("Vencido"))
        self.click_and_wait(link)
        self.assertIn("sort=overdue", self.d.current_url)
        self.assertIn("dir=desc", self.d.current_url)
        rows = self.css_all("#customer-list tbody tr")
        self.assertGreater(len(rows), 2)
        first = [td.text for td in self.css_all("td", rows[0])]
        self.assertTrue(first[4].strip(), "the most overdue customer shows no overdue amount")
        self.assertIn(first[5].strip(), ("alto", "medio", "bajo"))
        self.shots("customers-by-overdue")

    def test_customers_by_risk_and_the_reports(self):
        self.login_ok(COLLECTOR)
        # Sorted by risk, highest first: the list reads each level's summaries in score order.
        self.open("/customers?sort=risk&dir=desc")
        self.assert_no_server_error()
        rank = {"alto": 3, "medio": 2, "bajo": 1}
        rows = self.css_all("#customer-list tbody tr")
        self.assertGreater(len(rows), 2)
        levels = [rank[self.css_all("td", row)[5].text.strip()] for row in rows]
        self.assertEqual(levels, sorted(levels, reverse=True), "risk not in order down the page")
        self.shots("customers-by-risk")
        # The reports' trends and collection figures come from the ledger's changes per day.
        self.open("/reports")
        self.assert_no_server_error()
        self.assertTrue(self.present("svg"))
        self.shots("reports-trends")

    def test_worklist_and_forecast_read_the_summaries(self):
        self.login_ok(COLLECTOR)
        self.open("/worklist?scope=all")
        self.assert_no_server_error()
        rows = self.css_all("#worklist tr[data-customer]")
        self.assertGreater(len(rows), 0, "nobody on the demo company's worklist")
        self.shots("worklist-all")
        self.open("/forecast")
        self.assert_no_server_error()
        self.assertTrue(self.present("svg"))
        self.shots("forecast")
        self.open("/")
        self.assert_no_server_error()
        section = self.css("#dashboard-COP")
        self.assertGreater(parse_money(self.css_all(".kpi strong", section)[0].text), 0)
        self.shots("dashboard-summaries")


if __name__ == "__main__":
    unittest.main()
