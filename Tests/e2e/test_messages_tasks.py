"""Browser tests of the messages page (outbox and history) and "My tasks", as the demo collector.

Runs against a server with the demo company loaded (Tests/e2e/run_browser_tests.sh): the demo queues
reminders through the outbox, one of them bounced, and puts calls and follow-ups on the task list.
"""
import os
import sys
import unittest

from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from workspace import COLLECTOR, BrowserCase  # noqa: E402

INTERNAL_CODES = ("before_", "letter_", "overdue_firm", "follow_up", "call_task", ">pending<", ">failed<")


class MessagesTasksTest(BrowserCase):

    def assert_words_not_codes(self):
        html = self.d.page_source
        for code in INTERNAL_CODES:
            self.assertNotIn(code, html.replace('value="follow_up"', ""), f"internal code {code!r} on {self.d.current_url}")

    def test_retry_a_failed_message(self):
        self.login_ok(COLLECTOR)
        self.click_and_wait(self.css("#nav-messages"))
        self.assertTrue(self.css_all("#messages tr.message-row"), "the demo has no messages")
        self.shots("messages")

        Select(self.css("#filter-status")).select_by_value("failed")
        self.click_and_wait(self.css("#filter-submit"))
        rows = self.css_all("#messages tr.message-row")
        self.assertTrue(rows, "no failed message in the demo")
        for row in rows:
            self.assertIn("status-failed", row.get_attribute("class"))
        self.assertTrue(self.css(".failure", rows[0]).text.strip(), "a failed message says why")
        self.assert_words_not_codes()

        self.click_and_wait(self.css("a.message-link", rows[0]))
        self.assertEqual(self.css("#message-status").text.strip(), "falló")
        self.assertTrue(self.css("#message-failure").text.strip())
        self.assertTrue(self.present("#message-frame") or self.present("#message-body"))
        self.shots("message")
        self.click_and_wait(self.css("#retry"))
        self.assert_flash_success()
        self.assertEqual(self.css("#message-status").text.strip(), "en cola")
        self.assertFalse(self.present("#retry"), "a queued message offers retry again")

    def test_complete_two_tasks_at_once(self):
        self.login_ok(COLLECTOR)
        self.click_and_wait(self.css("#nav-tasks"))
        rows = self.css_all("#tasks tr.task-row")
        self.assertGreaterEqual(len(rows), 2, "the collector has fewer than two tasks in the demo")
        self.assert_words_not_codes()
        self.shots("tasks")
        rows = self.css_all("#tasks tr.task-row")
        chosen = [row.get_attribute("data-task") for row in rows[:2]]
        for row in rows[:2]:
            self.css("input.task-check", row).click()
        self.click_and_wait(self.css("#complete-selected"))
        self.assertIn("2", self.assert_flash_success())
        left = [row.get_attribute("data-task") for row in self.css_all("#tasks tr.task-row")]
        for task in chosen:
            self.assertNotIn(task, left, "a completed task is still listed")


if __name__ == "__main__":
    unittest.main()
