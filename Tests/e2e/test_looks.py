"""Looks: the reports page's trend charts (server-side SVG) in Spanish, on a desktop and a phone."""
import re
import unittest

from workspace import COLLECTOR, BrowserCase



class ReportTrendsTest(BrowserCase):
    def test_reports_show_dso_collections_and_aging_trends(self):
        self.login_ok(COLLECTOR)
        self.open("/reports")
        self.assert_no_server_error()
        section = self.css("#report-trends")
        for kind in ("trend-dso", "trend-collections", "trend-aging"):
            chart = self.css(f"svg.{kind}", section)
            self.assertEqual(chart.get_attribute("role"), "img")
            label = chart.get_attribute("aria-label")
            # twelve months read out, in Spanish, with the Colombian number format
            self.assertGreaterEqual(len(re.findall(r"\b(ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic) 20\d\d\b", label)), 12, label)
            self.assertEqual(len(self.css_all("g.bar", chart)), 12)
        collections = self.css("svg.trend-collections", section)
        self.assertRegex(collections.get_attribute("aria-label"), r"\$ \d{1,3}(\.\d{3})*,\d{2}")
        self.assertGreater(len(self.css_all("g.bar rect", collections)), 0, "nothing collected in a year of demo")
        aging = self.css("svg.trend-aging", section)
        self.assertEqual(len(self.css_all("g.legend", aging)), 5)
        self.assertRegex(self.css("svg.trend-dso", section).get_attribute("aria-label"), r"\d+,\d días")
        self.shots("reports")


if __name__ == "__main__":
    unittest.main()
