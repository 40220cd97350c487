"""The portal's sign-in and "my requests": customers see their own requests, never other people's."""

import time

from harness import BrowserTest


class PortalRequestsTests(BrowserTest):
    def test_customer_sees_own_requests_only(self):
        tag = time.time_ns() % 100000
        self.create_customer(f"kunde{tag}", f"kunde{tag}@stadt.example")
        self.create_customer(f"andere{tag}", f"andere{tag}@stadt.example")
        mine = self.create_ticket(f"Monitor flackert {tag}", customer=f"kunde{tag}@stadt.example")
        self.create_ticket(f"Fremdes Anliegen {tag}", customer=f"andere{tag}@stadt.example")
        self.browser.delete_all_cookies()
        self.open("/portal/")
        self.assertEqual(self.path(), "/portal/login")
        self.fill("#login", f"kunde{tag}")
        self.fill("#password", "kunde-pass-123")
        self.submit("form[action='/portal/login']")
        self.assertEqual(self.path(), "/portal/")
        rows = self.find_all("li[data-ticket]")
        self.assertEqual([row.get_attribute("data-ticket") for row in rows], [str(mine["id"])])
        self.assertIn("Eingegangen", rows[0].text)
        self.assertNotIn("Fremdes Anliegen", self.browser.page_source)
        self.open("/agent/")
        self.assertIn("Keine Berechtigung", self.text("h1"), "customers stay out of the agents' interface")

    def test_agent_signing_in_at_the_portal_lands_in_the_agent_interface(self):
        self.browser.delete_all_cookies()
        self.open("/portal/login")
        from harness import ADMIN_PASSWORD
        self.fill("#login", "admin")
        self.fill("#password", ADMIN_PASSWORD)
        self.submit("form[action='/portal/login']")
        self.assertEqual(self.path(), "/agent/")
