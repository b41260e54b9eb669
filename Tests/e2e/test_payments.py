"""Money in, in the browser: from the sign-in page a collector records a payment typed the Colombian way
(1.500.000,50) against the invoice it was opened from, sees the invoice paid on its receipt and page,
then reverses it with a reason and sees the invoice owed again. Screenshots of the payment form, the
receipt and the credit-note form (Spanish, desktop and phone)."""
import datetime
import json
import unittest
import urllib.error
import urllib.request
from decimal import Decimal

from workspace import API_KEY, BASE_URL, COLLECTOR, RUN_TAG, BrowserCase, parse_money

PAID_AMOUNT = Decimal("1500000.50")


class PaymentsTest(BrowserCase):
    def api_post(self, path, body):
        self.assertTrue(API_KEY, "CARTERA_API_KEY is not set")
        request = urllib.request.Request(
            BASE_URL + path, data=json.dumps(body).encode(), method="POST",
            headers={"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, json.loads(response.read().decode())
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def invoice_facts(self):
        return self.css("#invoice-status").get_attribute("class"), parse_money(self.css("#invoice-balance").text)

    def test_a_payment_typed_the_colombian_way_pays_the_invoice_and_its_reversal_reopens_it(self):
        self.login_ok(COLLECTOR)
        # A customer of the demo, and an invoice of exactly what will be paid, so "paid" can be seen.
        customer_id, _ = self.claim_customer(
            lambda: any(row["balance_text"].startswith("$") for row in self.open_invoice_rows()))
        number = f"E2E-PAGO-{RUN_TAG}"
        issued = (datetime.date.today() - datetime.timedelta(days=10)).isoformat()
        status, invoice = self.api_post("/api/v1/invoices", {
            "customer_id": customer_id, "number": number, "issue_date": issued, "total": str(PAID_AMOUNT)})
        self.assertEqual(status, 201, invoice)

        # from the customer's page to the invoice, and from the invoice to the payment form
        self.open(f"/customers/{customer_id}")
        self.assertTrue(self.present("#record-payment"), "no 'Registrar pago' on the customer page")
        row = next(row for row in self.open_invoice_rows() if row["number"] == number)
        self.open(row["href"].replace(BASE_URL, ""))
        self.assertEqual(self.invoice_facts()[1], PAID_AMOUNT)
        self.click_and_wait(self.css("#record-payment"))
        self.assertTrue(self.css(f"input.pay-invoice[data-number='{number}']").is_selected(),
                        "the invoice the form was opened from is not ticked")
        self.assertTrue(self.css("#allocation-chosen").is_selected())
        self.assertEqual(self.css("#payment-amount").get_attribute("placeholder"), "1.500.000,50")

        # a refused amount: the reason next to the field, what was typed still there
        self.css("#payment-amount").send_keys("mil quinientos")
        self.click_and_wait(self.css("#payment-submit"))
        self.assertIn("Importe", self.css("#amount-error").text)
        self.assertEqual(self.css("#payment-amount").get_attribute("value"), "mil quinientos")
        self.assertTrue(self.css(f"input.pay-invoice[data-number='{number}']").is_selected())

        # the form afresh (the refusal is shown once), typed as a Colombian would
        self.open(self.d.current_url.replace(BASE_URL, ""))
        self.assertFalse(self.present("#amount-error"))
        self.css("#payment-amount").send_keys("1.500.000,50")
        self.css("#payment-reference").send_keys(f"TRF-{RUN_TAG}")
        self.shots("payments-new")
        self.click_and_wait(self.css("#payment-submit"))

        # the receipt: amount, the invoice it paid (a link), who recorded it
        self.assertIn("/payments/", self.d.current_url)
        self.assert_flash_success()
        self.assertEqual(parse_money(self.css("#receipt-amount").text), PAID_AMOUNT)
        self.assertEqual(self.css("#receipt-reference").text.strip(), f"TRF-{RUN_TAG}")
        self.assertTrue(self.css("#receipt-recorded-by").text.strip())
        links = [link for link in self.css_all("a.receipt-invoice") if link.text.strip() == number]
        self.assertTrue(links, "the receipt does not link to the invoice it paid")
        self.shots("payments-receipt")
        receipt = self.d.current_url

        self.click_and_wait(links[0])
        classes, balance = self.invoice_facts()
        self.assertIn("status-paid", classes)
        self.assertEqual(balance, Decimal("0"))

        # reversed with a reason: owed again
        self.open(receipt.replace(BASE_URL, ""))
        self.d.execute_script("window.confirm = () => true;")
        self.css("#reverse-reason").send_keys("Transferencia rechazada por el banco")
        self.click_and_wait(self.css("#reverse-submit"))
        self.assert_flash_success()
        self.assertIn("paused", self.css("#receipt-state").get_attribute("class"))
        self.assertIn("rechazada", self.css("#receipt-reversal-reason").text)
        self.assertFalse(self.present("#reverse-form"))
        self.open(row["href"].replace(BASE_URL, ""))
        classes, balance = self.invoice_facts()
        self.assertNotIn("status-paid", classes)
        self.assertEqual(balance, PAID_AMOUNT)

        # the credit-note form, opened from the invoice
        self.click_and_wait(self.css("#issue-credit-note"))
        self.assertTrue(self.present("#credit-note-form"))
        self.shots("credit-notes-new")


if __name__ == "__main__":
    unittest.main()
