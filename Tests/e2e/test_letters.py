"""Browser tests of the letters to post, as the demo collector and the demo viewer.

Runs against a server with the demo company loaded (Tests/e2e/run_browser_tests.sh): the demo leaves two
letters ready to print, each with its task, to customers with postal addresses, under the company's
letterhead and signer.
"""
import base64
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from workspace import COLLECTOR, VIEWER, BrowserCase  # noqa: E402

CODES = re.compile(r">(ready|posted|letter|overdue_firm)<|\b\d{4}-\d{2}-\d{2}\b")
SPANISH_MONTHS_IN_FULL = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                          "octubre", "noviembre", "diciembre")


class LettersTest(BrowserCase):

    def assert_words_not_codes(self):
        text = self.d.find_element("tag name", "body").get_attribute("innerText")
        match = CODES.search(self.d.page_source.split("<body", 1)[-1].replace('name="letter[]"', ""))
        self.assertIsNone(match, f"internal code {match and match.group(0)!r} on {self.d.current_url}")
        self.assertNotRegex(text, r"\b\d{4}-\d{2}-\d{2}\b")

    def set_media(self, media):
        self.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})

    def test_a_viewer_reads_the_letters_and_cannot_mark_them(self):
        self.login_ok(VIEWER)
        self.click_and_wait(self.css("#nav-letters"))
        self.assertTrue(self.css_all("#letters tr.letter-row"), "the demo has no letters to post")
        self.assertFalse(self.present("button.mark-posted"), "a viewer is offered to mark a letter posted")
        self.click_and_wait(self.css("#letters a.letter-link"))
        self.assertTrue(self.present("article.letter-sheet"))
        self.assertFalse(self.present("#mark-posted"))

    def test_print_all_and_mark_them_posted(self):
        self.login_ok(COLLECTOR)
        self.click_and_wait(self.css("#nav-letters"))
        rows = self.css_all("#letters tr.letter-row")
        self.assertGreaterEqual(len(rows), 2, "the demo leaves two letters to post")
        self.assertFalse(self.present("#letters .missing-address"), "a demo customer has no postal address")
        self.assert_words_not_codes()
        self.shots("letters")

        # One letter, as it will be printed: the letterhead, the day in words, the postal block, the signature.
        self.click_and_wait(self.css("#letters a.letter-link"))
        sheet = self.css("article.letter-sheet")
        self.assertIn("Distribuidora Andina S.A.S.", self.css(".letterhead", sheet).text)
        self.assertIn("NIT", self.css(".letterhead", sheet).text)
        date = self.css(".letter-date", sheet).text
        self.assertTrue(any(f" de {month} de " in date for month in SPANISH_MONTHS_IN_FULL), date)
        recipient = self.css(".letter-recipient", sheet).text
        self.assertIn("Señores", recipient)
        self.assertIn("Colombia", recipient)
        self.assertIn("Atentamente,", self.css(".letter-signature", sheet).text)
        self.assertIn("Jefe de cartera", self.css(".letter-signature", sheet).text)
        self.assertEqual(self.css("#letter-status").text.strip(), "Lista para imprimir")
        self.assert_words_not_codes()
        self.shots("letter")

        # Every letter waiting, as one document: one printed page per letter, nothing of the workspace.
        self.open("/letters")
        waiting = len(self.css_all("#letters tr.letter-row"))
        self.click_and_wait(self.css("#print-all"))
        sheets = self.css_all("article.letter-sheet")
        self.assertEqual(len(sheets), waiting)
        self.assertFalse(self.present(".topbar"), "the navigation is in the document to print")
        self.assert_words_not_codes()
        self.shots("letters-print")
        self.set_media("print")
        try:
            breaks = self.d.execute_script(
                "return [...document.querySelectorAll('article.letter-sheet')].map(s => getComputedStyle(s).breakAfter)")
            self.assertEqual(breaks, ["page"] * waiting, "each letter ends its page")
            self.assertEqual(
                self.d.execute_script("return getComputedStyle(document.querySelector('.print-toolbar')).display"),
                "none", "the toolbar is printed")
        finally:
            self.set_media("")
        # As the browser prints it: one page per letter.
        pdf = base64.b64decode(self.d.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
        self.assertGreaterEqual(len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)), waiting, "each letter starts on a page of its own (a long one may take two)")

        # Handed to the post: the printed letters leave the queue and say when they went.
        self.click_and_wait(self.css("#mark-all-posted"))
        self.assertIn(str(waiting), self.assert_flash_success())
        self.assertFalse(self.css_all("#letters tr.letter-row"), "a posted letter is still in the queue")
        self.assertTrue(self.present("#no-letters"))
        posted = self.css("#posted-letters").text
        self.assertIn("Enviada por correo postal el", posted)
        self.open("/messages?channel=letter")
        self.assertIn("Enviada por correo postal el", self.css("#messages").text)


if __name__ == "__main__":
    unittest.main()
