"""The ticket list: search, filters, saved views, bulk changes, and what an agent without rights never sees."""

import time

from harness import BrowserTest


class TicketListTests(BrowserTest):
    def test_search_finds_a_ticket_by_words_from_its_text(self):
        marker = f"Kassenautomat{time.time_ns() % 100000}"
        ticket = self.create_ticket("Automat im Bürgerbüro defekt", body=f"Der {marker} nimmt keine Karten an.")
        self.sign_in()
        self.fill("#topsearch-q", marker)
        self.find("#topsearch-q").submit()
        self.wait_for("table.tickets")
        rows = self.find_all("tr[data-ticket]")
        self.assertEqual([row.get_attribute("data-ticket") for row in rows], [str(ticket["id"])])
        self.assertEqual(self.find("#f-q").get_attribute("value"), marker, "the search stays in the filter form")

    def test_bulk_close_two_tickets(self):
        tag = f"Sammel{time.time_ns() % 100000}"
        first = self.create_ticket(f"{tag} eins")
        second = self.create_ticket(f"{tag} zwei")
        untouched = self.create_ticket(f"{tag} drei")
        self.sign_in()
        self.open(f"/agent/tickets?q={tag}")
        for ticket in (first, second):
            self.find(f"#select-{ticket['id']}").click()
        self.select("#b-state", "geschlossen (erfolgreich)")
        self.fill("#b-note", "Gemeinsam erledigt.")
        self.submit("#bulk")
        self.assertIn("geändert", self.text(".notice"))
        ids = [row.get_attribute("data-ticket") for row in self.find_all("tr[data-ticket]")]
        self.assertEqual(ids, [str(untouched["id"])], "closed tickets leave the list of open tickets")
        for ticket in (first, second):
            state = self.server.api("GET", f"/tickets/{ticket['id']}")["state"]
            self.assertEqual(state, "geschlossen (erfolgreich)")
            notes = [a["bodyText"] for a in self.server.api("GET", f"/tickets/{ticket['id']}/articles")["items"]]
            self.assertIn("Gemeinsam erledigt.", notes)
        self.assertEqual(self.server.api("GET", f"/tickets/{untouched['id']}")["stateType"], "new")

    def test_saved_view_keeps_the_filter(self):
        tag = f"Ansicht{time.time_ns() % 100000}"
        self.create_ticket(f"{tag} Netzwerkdose", queue="Netzwerk")
        self.create_ticket(f"{tag} Maus", queue="Servicedesk")
        self.sign_in()
        self.open(f"/agent/tickets?q={tag}")
        self.find(".queuetree a[href*='queue=']").click()  # any queue link keeps the search
        self.open(f"/agent/tickets?q={tag}&queue=" + str(self._queue_id("Netzwerk")))
        self.fill("#view-name", f"Netzwerk {tag}")
        self.submit("form.saveview")
        self.assertIn("gespeichert", self.text(".notice"))
        self.assertIn(f"Netzwerk {tag}", self.text("h1"))
        titles = [row.text for row in self.find_all("tr[data-ticket] td.title")]
        self.assertEqual(len(titles), 1)
        self.assertIn("Netzwerkdose", titles[0])
        self.screenshot("ticket-list")

    def test_agent_without_rights_on_a_queue_sees_its_tickets_nowhere(self):
        tag = f"Geheim{time.time_ns() % 100000}"
        hidden = self.create_ticket(f"{tag} Personalakte", queue="Fachverfahren")
        visible = self.create_ticket(f"{tag} Tastatur", queue="Servicedesk")
        role = self.server.api("POST", "/roles", {"name": f"nur-servicedesk-{tag}",
                                                  "queues": {str(self._queue_id("Servicedesk")): ["read", "note"]}})
        self.server.create_agent(f"s.{tag.lower()}", "agent-pass-123", role_ids=[role["id"]])
        self.sign_in(f"s.{tag.lower()}", "agent-pass-123")
        page = self.browser.page_source
        self.assertNotIn(f"{tag} Personalakte", page, "dashboard")
        self.open(f"/agent/tickets?q={tag}")
        ids = [row.get_attribute("data-ticket") for row in self.find_all("tr[data-ticket]")]
        self.assertEqual(ids, [str(visible["id"])], "search")
        self.open("/agent/tickets?scope=all")
        self.assertNotIn(f"{tag} Personalakte", self.browser.page_source, "list")
        self.assertNotIn("Fachverfahren", self.text(".queuetree"), "queue tree")
        self.open(f"/agent/tickets/{hidden['id']}")
        self.assertIn("Nicht gefunden", self.text("h1"), "direct URL")
        self.assertNotIn("Personalakte", self.browser.page_source)

    def _queue_id(self, name):
        return next(q["id"] for q in self.server.api("GET", "/queues")["items"] if q["name"] == name)
