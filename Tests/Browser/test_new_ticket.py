"""A ticket opened by an agent for a caller: contact lookup as one types, queue, channel, first article."""

import time

from harness import BrowserTest


class NewTicketTests(BrowserTest):
    def test_phone_ticket_with_contact_lookup(self):
        suffix = time.time_ns() % 1000000
        email = f"petra.paragraf{suffix}@stadt.example"
        contact = self.server.api("POST", "/contacts", {"firstName": "Petra", "lastName": f"Paragraf{suffix}", "emails": [email]})
        self.sign_in()
        self.open("/agent/tickets/new")
        self.find("#new-customer").send_keys(f"petra.paragraf{suffix}")
        self.wait_until(lambda: any(o.get_attribute("value") == email for o in self.find_all("#contact-options option")),
                        message="the lookup fills the list of suggestions")
        self.fill("#new-customer", email)
        self.select("#new-queue", "Servicedesk")
        self.select("#new-channel", "Telefon")
        self.select("#new-priority", "4 hoch")
        self.fill("#new-title", "Telefon im Standesamt ohne Freizeichen")
        self.fill("#new-body", "Frau Paragraf ruft an: kein Freizeichen seit 9 Uhr.")
        self.submit("#new-ticket-form")
        self.assertRegex(self.path(), r"^/agent/tickets/\d+$")
        self.assertIn("angelegt", self.text(".notice"))
        ticket = self.server.api("GET", "/tickets/" + self.path().rsplit("/", 1)[1])
        self.assertEqual(ticket["contactId"], contact["id"])
        self.assertEqual(ticket["priority"], "4 hoch")
        articles = self.server.api("GET", f"/tickets/{ticket['id']}/articles")["items"]
        self.assertEqual(articles[0]["channel"], "phone")

    def test_walk_in_with_unknown_address_and_a_refused_pending_state(self):
        self.sign_in()
        self.open("/agent/tickets/new")
        address = f"besucher{time.time_ns() % 1000000}@stadt.example"
        self.fill("#new-customer", address)
        self.select("#new-queue", "Servicedesk")
        self.select("#new-channel", "Persönlich vorgesprochen")
        self.select("#new-state", "warten auf Erinnerung")
        self.browser.execute_script("document.getElementById('new-pending').required = false")
        self.fill("#new-title", "Ausweisdrucker defekt")
        self.fill("#new-body", "Vorsprache am Tresen.")
        self.submit("#new-ticket-form")
        self.assertEqual(self.path(), "/agent/tickets/new")
        self.assertIn("Wartet bis: Bitte füllen Sie dieses Feld aus.", self.text("#new-ticket-form .field-error"))
        self.assertEqual(self.find("#new-title").get_attribute("value"), "Ausweisdrucker defekt", "the input is kept")
        self.select("#new-state", "neu")
        self.submit("#new-ticket-form")
        ticket = self.server.api("GET", "/tickets/" + self.path().rsplit("/", 1)[1])
        self.assertEqual(self.server.api("GET", f"/tickets/{ticket['id']}/articles")["items"][0]["channel"], "walkIn")
        self.assertTrue(ticket.get("contactId"))
