"""The portal's request page: plain-words state, the service team's visible answers (never internal notes),
replying with a file, confirming a solved request; other customers get a 404 page."""

import json
import os
import tempfile
import time

from harness import BrowserTest


class PortalRequestPageTests(BrowserTest):
    def test_customer_follows_replies_and_confirms_a_request(self):
        tag = time.time_ns() % 100000
        self.create_customer(f"reqkunde{tag}", f"reqkunde{tag}@stadt.example")
        self.create_customer(f"reqandere{tag}", f"reqandere{tag}@stadt.example")
        ticket = self.create_ticket(f"Drucker druckt streifig {tag}", customer=f"reqkunde{tag}@stadt.example")
        self.server.api("POST", f"/tickets/{ticket['id']}/articles",
                        {"body": f"Interne Notiz {tag}: Toner tauschen", "channel": "note", "customerVisible": False})
        self.server.api("POST", f"/tickets/{ticket['id']}/articles",
                        {"body": f"Guten Tag, wir schauen uns den Drucker morgen an. {tag}", "channel": "phone", "customerVisible": True})
        self.server.api("PATCH", f"/tickets/{ticket['id']}", {"state": "offen"})

        self.portal_sign_in(f"reqkunde{tag}")
        card = self.find(f"li[data-ticket='{ticket['id']}']")
        self.assertIn("In Bearbeitung", card.text, "the list shows the state in plain words")
        card.find_element("css selector", "a").click()
        self.wait_until(lambda: self.path() == f"/portal/requests/{ticket['id']}")
        self.assertIn(ticket["number"], self.text(".request-number"))
        self.assertEqual("In Bearbeitung", self.text(".request-status .status-badge"))
        self.assertIn("wir schauen uns den Drucker morgen an", self.text(".thread"))
        self.assertNotIn(f"Interne Notiz {tag}", self.browser.page_source, "internal notes never reach the portal")

        self.submit("form[action$='/reply']")
        self.assertIsNotNone(self.find("#p-reply-error"), "an empty reply is refused next to the field")
        self.assertEqual(self.find("#p-reply-body").get_attribute("aria-describedby"), "p-reply-error")

        upload = os.path.join(tempfile.mkdtemp(), "streifen.txt")
        with open(upload, "w") as handle:
            handle.write("Foto folgt")
        self.fill("#p-reply-body", f"Danke, der Drucker steht im Raum 2.14. {tag}")
        self.find("#p-reply-files").send_keys(upload)
        self.submit("form[action$='/reply']")
        self.assertIn("Ihre Nachricht wurde gesendet", self.text(".notice"))
        self.assertIn("Raum 2.14", self.text("#latest"))
        self.assertIn("streifen.txt", self.text("#latest"))
        articles = self.server.api("GET", f"/tickets/{ticket['id']}/articles")["items"]
        reply = [a for a in articles if "Raum 2.14" in json.dumps(a, ensure_ascii=False)]
        self.assertEqual([(a["sender"], a["customerVisible"]) for a in reply], [("customer", True)], "the reply is the customer's visible message")

        self.server.api("PATCH", f"/tickets/{ticket['id']}", {"state": "gelöst"})
        self.open(f"/portal/requests/{ticket['id']}")
        self.assertEqual("Gelöst", self.text(".request-status .status-badge"))
        self.screenshot("portal-request")
        self.submit("form[action$='/confirm']")
        self.assertIn("Vielen Dank für Ihre Bestätigung", self.text(".notice"))
        self.assertEqual("Abgeschlossen", self.text(".request-status .status-badge"))
        self.assertEqual(self.find_all("form[action$='/confirm']"), [])

        self.portal_sign_in(f"reqandere{tag}")
        self.assertEqual(self.find_all(f"li[data-ticket='{ticket['id']}']"), [])
        self.open(f"/portal/requests/{ticket['id']}")
        self.assertNotIn("Drucker druckt streifig", self.browser.page_source)
        self.assertIn("nicht gefunden", self.text("main").lower())
