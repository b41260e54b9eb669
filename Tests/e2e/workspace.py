"""What every browser test shares: the server's address, the demo sign-ins, money in the Colombian
format, and `BrowserCase` (a headless Chromium per test class, with waits, screenshots, sign-in and
the worklist and customer-page readers). Test files import from here, never from each other, so
unittest discovery runs each test once.

Environment:

  CARTERA_BASE_URL     the server, e.g. http://127.0.0.1:18090
  CARTERA_API_KEY      the demo company's API key
  CARTERA_SCREENSHOTS  folder for the screenshots (created if missing)
"""
import base64
import datetime
import json
import os
import re
import sys
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import chrome  # noqa: E402  (Debian chromium + chromedriver, never Selenium Manager)

BASE_URL = os.environ.get("CARTERA_BASE_URL", "http://127.0.0.1:18090").rstrip("/")
API_KEY = os.environ.get("CARTERA_API_KEY", "")
SCREENSHOTS = os.environ.get("CARTERA_SCREENSHOTS") or os.path.join(os.getcwd(), "artifacts", "screenshots")

PASSWORD = "cartera-demo"
COLLECTOR = "gestor@demo.cartera"
VIEWER = "consulta@demo.cartera"
CREDIT_OK, CREDIT_HELD = "Puede comprar a crédito", "Bloqueado"
SPANISH_MONTHS = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")
NAVIGATION_TIMEOUT = 20
RUN_TAG = time.strftime("%H%M%S")

# Customers already used by a test in this run: each test takes fresh ones, whatever the order.
CLAIMED = set()


def parse_money(text):
    """'$ 1.234.567,89' or 'US$ 94.691,93' -> Decimal('1234567.89') (Colombian format)."""
    match = re.search(r"-?[\d.]+(?:,\d+)?", text.replace("\u00a0", " "))
    if not match:
        raise ValueError(f"no amount in {text!r}")
    return Decimal(match.group(0).replace(".", "").replace(",", "."))


def customer_id_from(url):
    match = re.search(r"/customers/([0-9A-Fa-f-]{36})", url)
    if not match:
        raise AssertionError(f"not a customer URL: {url}")
    return match.group(1)


# The two widths every page is looked at.
DESKTOP, PHONE = (1280, 900), (390, 844)

class BrowserCase(unittest.TestCase):
    driver = None

    @classmethod
    def setUpClass(cls):
        os.makedirs(SCREENSHOTS, exist_ok=True)
        cls.driver = chrome()
        cls.driver.set_page_load_timeout(NAVIGATION_TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        if cls.driver is not None:
            cls.driver.quit()

    # ------------------------------------------------------------------ helpers

    @property
    def d(self):
        return self.driver

    def wait(self, timeout=NAVIGATION_TIMEOUT):
        return WebDriverWait(self.d, timeout)

    def open(self, path):
        self.d.get(BASE_URL + path)
        self.wait().until(lambda d: d.execute_script("return document.readyState") == "complete")

    def click_and_wait(self, element):
        """Clicks a link or submit button and waits until the next page has replaced this one.

        A marker on `window` tells the old document from the new one (a staleness check on an old
        element can meet Chrome's "node does not belong to the document" mid-navigation)."""
        self.d.execute_script("window.__e2eOldPage = true;")
        element.click()
        WebDriverWait(self.d, NAVIGATION_TIMEOUT, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.execute_script("return window.__e2eOldPage === undefined && document.readyState === 'complete'"))
        self.assert_no_server_error()

    def assert_no_server_error(self):
        title = self.d.title
        self.assertNotRegex(title, r"^(500|Internal Server Error|Error)", f"error page at {self.d.current_url}")
        body = self.d.find_element(By.TAG_NAME, "body").text
        self.assertNotIn("Internal Server Error", body, f"server error at {self.d.current_url}")

    def present(self, css, within=None):
        """Whether an element exists, without waiting the implicit 3 s when it does not."""
        self.d.implicitly_wait(0)
        try:
            return len((within or self.d).find_elements(By.CSS_SELECTOR, css)) > 0
        finally:
            self.d.implicitly_wait(3)

    def css(self, selector, within=None):
        return (within or self.d).find_element(By.CSS_SELECTOR, selector)

    def css_all(self, selector, within=None):
        return (within or self.d).find_elements(By.CSS_SELECTOR, selector)

    def flash(self):
        element = self.css("#flash")
        return element.get_attribute("class"), element.text

    def assert_flash_success(self):
        classes, text = self.flash()
        self.assertIn("flash-success", classes.split(), f"expected a success message, got {classes!r}: {text!r}")
        self.assertTrue(text.strip(), "success flash is empty")
        return text

    def shots(self, name, part=None):
        """`<name>-desktop.png` and `<name>-phone.png` of the current page (or of one part of it, `part`
        a selector), by resizing the window: no reload, so a page reached by a form post is not posted again."""
        for width, height, size in ((*DESKTOP, "desktop"), (*PHONE, "phone")):
            self.d.set_window_size(width, height)
            if part:
                element = self.css(part)
                self.d.execute_script("arguments[0].scrollIntoView();", element)
                element.screenshot(os.path.join(SCREENSHOTS, f"{name}-{size}.png"))
            else:
                self.screenshot(f"{name}-{size}.png")
        self.d.set_window_size(*DESKTOP)

    def screenshot(self, name):
        """Full-page PNG through the DevTools protocol (headless Chrome only captures the viewport)."""
        metrics = self.d.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        # Capturing beyond the viewport drops the vertical scrollbar, so the page lays out at the
        # window's full width: clip to that, not to the content width measured with a scrollbar.
        width = max(size["width"], self.d.execute_script("return window.innerWidth"))
        shot = self.d.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True, "fromSurface": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": size["height"], "scale": 1},
        })
        path = os.path.join(SCREENSHOTS, name)
        with open(path, "wb") as file:
            file.write(base64.b64decode(shot["data"]))
        self.assertGreater(os.path.getsize(path), 10_000, f"{name} looks empty")
        return path

    def login(self, email, password=PASSWORD):
        self.d.delete_all_cookies()
        self.open("/login")
        self.css("#email").send_keys(email)
        self.css("#password").send_keys(password)
        self.click_and_wait(self.css("#login-submit"))

    def login_ok(self, email):
        self.login(email)
        self.assertFalse(urllib.parse.urlparse(self.d.current_url).path.startswith("/login"),
                         f"still on the login page after signing in as {email}")
        self.assertTrue(self.css("#signed-in-user").text.strip())

    def open_portal_for(self, customer_id):
        """Makes a portal link on the customer page and opens it as the customer would."""
        self.open(f"/customers/{customer_id}")
        self.click_and_wait(self.css("#portal-link"))
        match = re.search(r"https?://\S+?(/portal/[A-Za-z0-9_\-]+)", self.flash()[1])
        self.assertIsNotNone(match, f"no portal link in {self.flash()[1]!r}")
        self.d.delete_all_cookies()  # the customer is nobody's session
        self.open(match.group(1))
        self.assert_no_server_error()

    def worklist_customers(self, scope=None):
        """(id, name) of every worklist row, in the page's order."""
        self.open("/worklist" + (f"?scope={scope}" if scope else ""))
        rows = []
        for row in self.css_all("#worklist tr[data-customer]"):
            link = self.css("a.customer-link", row)
            rows.append((row.get_attribute("data-customer"), link.text.strip()))
        return rows

    def open_invoice_rows(self):
        """Rows of #open-invoices on the current customer page, as dicts."""
        rows = []
        for tr in self.css_all("#open-invoices tbody tr"):
            link = self.css("a.invoice-link", tr)
            cells = self.css_all("td", tr)
            rows.append({
                "id": link.get_attribute("href").rstrip("/").split("/")[-1],
                "href": link.get_attribute("href"),
                "number": link.text.strip(),
                "balance_text": cells[4].text.strip(),
                "balance": parse_money(cells[4].text),
                "paused": self.present(".badge.paused", tr),
            })
        return rows

    def claim_customer(self, suitable, scope=None, required=True):
        """Opens worklist customers not used yet in this run until `suitable()` accepts the page.

        Leaves the browser on the chosen customer's page and returns (id, name)."""
        for customer_id, name in self.worklist_customers(scope):
            if customer_id in CLAIMED:
                continue
            self.open(f"/customers/{customer_id}")
            self.assertEqual(self.css("#customer-name").text.strip(), name)
            if suitable():
                CLAIMED.add(customer_id)
                return customer_id, name
        if required:
            self.fail("no suitable customer left in the worklist")
        return None

    def active_invoice(self, rows):
        """The first open invoice whose reminders are running (no pause from a promise, dispute or plan)."""
        return next((row for row in rows if not row["paused"] and row["balance"] > 0), None)

    def server_today(self, date_input):
        """The server's today, from a date input's `min` (the organisation's time zone, not ours)."""
        value = date_input.get_attribute("min")
        self.assertTrue(value, "date input has no min")
        return datetime.date.fromisoformat(value)

    def set_date(self, element, day):
        self.d.execute_script("arguments[0].value = arguments[1];", element, day.isoformat())

    def post_from_page(self, path, fields):
        """POSTs a form body from the current page (its session and CSRF token); returns the status."""
        return self.d.execute_async_script("""
            const [path, fields, done] = arguments;
            const csrf = document.querySelector("input[name=_csrf]").value;
            fetch(path, {method: "POST", body: new URLSearchParams({_csrf: csrf, ...fields}), redirect: "manual"})
                .then((response) => done(response.status), (error) => done(String(error)));
        """, path, fields)

    def api_get(self, path):
        self.assertTrue(API_KEY, "CARTERA_API_KEY is not set")
        request = urllib.request.Request(BASE_URL + path, headers={"Authorization": f"Bearer {API_KEY}", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, json.loads(response.read().decode())
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def credit_check(self, customer_id):
        status, check = self.api_get(f"/api/v1/customers/{customer_id}/credit-check?amount=1.00")
        self.assertEqual(status, 200, check)
        return check

    def credit_codes(self, customer_id):
        return [reason.get("code") for reason in self.credit_check(customer_id).get("reasons", [])]

