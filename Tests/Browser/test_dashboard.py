"""The agents' dashboard: new tickets with their SLA and requester, live updates, counts."""

import time

from harness import BrowserTest


class DashboardTests(BrowserTest):
    def test_new_ticket_appears_with_sla_and_requester_without_reload(self):
        self.sign_in()
        self.wait_for("#dashboard")
        marker = f"Bildschirm flackert {time.time_ns()}"
        requester = f"h.neu{time.time_ns() % 100000}"
        ticket = self.create_ticket(marker, customer=f"{requester}@stadt.example", customerName="Hanna Neumann")
        row_css = f"#dashboard tr[data-ticket='{ticket['id']}']"
        # The page refreshes its ticket lists itself; the ticket must arrive without a reload.
        self.browser.execute_script("document.getElementById('dashboard').dataset.marker = 'same page'")
        self.wait_for(row_css, timeout=45)
        self.assertEqual(self.browser.execute_script("return document.getElementById('dashboard').dataset.marker || ''"), "same page",
                         "the row arrived without a page load")
        row = self.find(row_css)
        self.assertIn(marker, row.text)
        self.assertIn(ticket["number"], row.text)
        self.assertIn("Hanna Neumann", row.text, "the requester by name")
        sla = row.find_element("css selector", ".sla")
        self.assertIn("sla-ok", sla.get_attribute("class"))
        self.assertEqual(sla.text, "im Plan", "the SLA state is written out, not only coloured")
        self.screenshot("dashboard")

    def test_counts_per_queue_and_state(self):
        self.create_ticket("Zählung Netzwerk", queue="Netzwerk")
        self.sign_in()
        table = self.find("table.counts")
        self.assertIn("Netzwerk", table.text)
        self.assertIn("neu", table.text.lower())
