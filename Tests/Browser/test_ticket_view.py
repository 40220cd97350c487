"""The ticket page: thread, SLA, replies by mail through the outbox, notes, attribute changes, stale edits,
merge, split, text templates and the print view."""

import time

from selenium.webdriver.common.by import By

from harness import BrowserTest


class TicketViewTests(BrowserTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        queues = cls.server.api("GET", "/queues")["items"]
        cls.servicedesk = next(q for q in queues if q["name"] == "Servicedesk")
        cls.server.api("PATCH", f"/queues/{cls.servicedesk['id']}", {"systemAddress": "servicedesk@stadt.example"})

    def new_ticket(self, title=None, **extra):
        return self.create_ticket(title or f"Drucker 3. OG {time.time_ns()}", customer="erika.muster@stadt.example",
                                  body="Der Drucker im 3. OG zieht kein Papier ein.", **extra)

    def open_ticket(self, ticket, query=""):
        self.open(f"/agent/tickets/{ticket['id']}{query}")
        self.wait_for("#ticket-title")

    def press(self, button_css):
        """Clicks one submit button (a form may have several) and waits for the next page."""
        self.click_and_wait(button_css)

    def test_thread_sla_and_screenshot(self):
        ticket = self.new_ticket("Bildschirm flackert im Bürgerbüro")
        api = self.server.api
        api("POST", f"/tickets/{ticket['id']}/articles", {
            "subject": "Re: Bildschirm flackert", "channel": "email", "customerVisible": True, "from": "Erika Muster <erika.muster@stadt.example>",
            "body": "Guten Tag,\nes flackert jetzt auch der zweite Bildschirm.\n\nAm 27.11.2026 schrieb Servicedesk:\n> Bitte prüfen Sie das Kabel.\n> Danke."})
        api("POST", f"/tickets/{ticket['id']}/articles", {
            "body": "<p>Kabel getauscht, Monitor bleibt dunkel.</p><blockquote>Alte Notiz aus dem Vor-Ort-Termin</blockquote>",
            "contentType": "text/html", "customerVisible": False})
        api("POST", f"/tickets/{ticket['id']}/articles", {
            "subject": "Telefonat mit Frau Muster", "channel": "phone", "customerVisible": True, "body": "Ersatzgerät wird morgen geliefert."})
        self.sign_in()
        self.open_ticket(ticket)
        articles = self.find_all("article.article")
        self.assertEqual(len(articles), 4, "every article is shown")
        self.assertIn("Der Drucker im 3. OG", articles[0].text, "oldest first")
        quote = articles[1].find_element(By.CSS_SELECTOR, "details.quote")
        self.assertFalse(quote.get_attribute("open"), "quoted text is folded")
        self.assertIn("article-internal", articles[2].get_attribute("class"))
        self.assertIn("Intern", articles[2].text)
        self.assertTrue(articles[2].find_elements(By.CSS_SELECTOR, "details.quote"), "a blockquote folds too")
        self.find("#sla-explain summary").click()
        self.assertIn("Erste Reaktion", self.text("#sla-explain"))
        self.assertIn(ticket["number"], self.text(".ticket-head"))
        self.assertIn("erika.muster@stadt.example", self.text(".ticket-head"))
        self.screenshot("ticket-view")
        seen = api("GET", f"/tickets/{ticket['id']}/seen")
        self.assertTrue(seen.get("seenAt"), "opening the page marks the ticket seen")

    def test_reply_by_mail_goes_out_through_the_outbox(self):
        if not self.server.smtp_dir:
            self.skipTest("run.py was started without --smtp")
        ticket = self.new_ticket()
        self.sign_in()
        self.open_ticket(ticket, "?compose=reply")
        self.assertEqual(self.find("#compose-to").get_attribute("value"), "erika.muster@stadt.example")
        marker = f"Wir tauschen die Walze {time.time_ns()}"
        body = self.find("#compose-body")
        body.send_keys(marker)
        self.press("#compose-submit")
        self.assertIn("Versand", self.text(".notice"))
        deadline = time.time() + 30
        mail = None
        while time.time() < deadline and mail is None:
            mail = next((m for m in self.server.sent_mails() if marker in m.get_body(("plain",)).get_content()), None)
            time.sleep(0.5)
        self.assertIsNotNone(mail, "the SMTP sink received the reply")
        self.assertIn(f"[Ticket#{ticket['number']}]", mail["Subject"])
        self.assertIn("erika.muster@stadt.example", mail["To"])

    def test_pending_state_needs_a_date(self):
        ticket = self.new_ticket()
        self.sign_in()
        self.open_ticket(ticket)
        self.select("#edit-state", "warten auf Erinnerung")
        self.browser.execute_script("document.getElementById('edit-pending').required = false; document.getElementById('edit-pending').value = ''")
        self.submit("#attributes-form")
        self.assertIn("Wartet bis: Bitte füllen Sie dieses Feld aus.", self.text("#attributes-form .field-error"))
        self.assertEqual(self.server.api("GET", f"/tickets/{ticket['id']}")["state"], "neu", "nothing changed")
        self.browser.execute_script("document.getElementById('edit-pending').value = '2030-01-15T09:30'")
        self.submit("#attributes-form")
        changed = self.server.api("GET", f"/tickets/{ticket['id']}")
        self.assertEqual(changed["state"], "warten auf Erinnerung")
        self.assertTrue(changed["pendingUntil"].startswith("2030-01-15T08:30"), changed["pendingUntil"])
        self.assertIn("15.01.2030", self.text(".ticket-head"))

    def test_internal_note_is_marked_internal(self):
        ticket = self.new_ticket()
        self.sign_in()
        self.open_ticket(ticket, "?compose=note")
        self.find("#compose-body").send_keys("Nur für uns: Gerät ist ein Leasinggerät.")
        self.press("#compose-submit")
        last = self.find_all("article.article")[-1]
        self.assertIn("article-internal", last.get_attribute("class"))
        self.assertIn("Leasinggerät", last.text)
        articles = self.server.api("GET", f"/tickets/{ticket['id']}/articles")["items"]
        self.assertFalse(articles[-1]["customerVisible"])

    def test_change_owner_and_priority(self):
        login = f"k.lehmann{time.time_ns() % 100000}"
        agent_id = self.server.create_agent(login, "lehmann-passwort-1", role_ids=[1])
        ticket = self.new_ticket()
        self.sign_in()
        self.open_ticket(ticket)
        self.select("#edit-owner", next(o.text for o in self.find_all("#edit-owner option") if f"({login})" in o.text))
        self.select("#edit-priority", "4 hoch")
        self.submit("#attributes-form")
        self.assertIn("gespeichert", self.text(".notice"))
        changed = self.server.api("GET", f"/tickets/{ticket['id']}")
        self.assertEqual(changed["ownerId"], agent_id)
        self.assertEqual(changed["priority"], "4 hoch")

    def test_stale_edit_is_explained_and_changes_nothing(self):
        ticket = self.new_ticket()
        self.sign_in()
        self.open_ticket(ticket)
        self.server.api("PATCH", f"/tickets/{ticket['id']}", {"title": "Von jemand anderem geändert"})
        self.select("#edit-priority", "5 sehr hoch")
        self.submit("#attributes-form")
        stale = self.text("#stale")
        self.assertIn("inzwischen von", stale)
        self.assertIn("nichts gespeichert", stale)
        chosen = self.browser.execute_script("return document.getElementById('edit-priority').selectedOptions[0].text")
        self.assertEqual(chosen, "5 sehr hoch", "the agent's input is kept")
        self.assertEqual(self.server.api("GET", f"/tickets/{ticket['id']}")["priority"], "3 normal")
        self.submit("#attributes-form")
        self.assertEqual(self.server.api("GET", f"/tickets/{ticket['id']}")["priority"], "5 sehr hoch", "sending again applies it")

    def test_merge_by_number(self):
        source = self.new_ticket("Doppelt gemeldet: Drucker")
        target = self.new_ticket("Drucker 3. OG (Haupt-Ticket)")
        self.sign_in()
        self.open_ticket(source)
        self.browser.execute_script("window.confirm = () => true")
        self.fill("#merge-target", "999999999")
        self.submit("#merge-form")
        self.assertIn("Zu „999999999“ wurde kein Eintrag gefunden.", self.text("#merge-form .field-error"))
        self.fill("#merge-target", target["number"])
        self.browser.execute_script("window.confirm = () => true")
        self.submit("#merge-form")
        self.assertEqual(self.path(), f"/agent/tickets/{target['id']}")
        self.assertEqual(self.server.api("GET", f"/tickets/{source['id']}")["stateType"], "merged")

    def test_split_an_article_into_a_new_ticket(self):
        ticket = self.new_ticket("Zwei Anliegen in einer Mail")
        self.server.api("POST", f"/tickets/{ticket['id']}/articles", {"subject": "Außerdem: Telefon", "body": "Mein Telefon klingelt nicht."})
        self.sign_in()
        self.open_ticket(ticket)
        last = self.find_all("details.split")[-1]
        last.find_element(By.TAG_NAME, "summary").click()
        title = last.find_element(By.CSS_SELECTOR, "input[name=title]")
        title.clear()
        title.send_keys("Telefon klingelt nicht")
        last.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        self.wait_until(lambda: self.path() != f"/agent/tickets/{ticket['id']}")
        self.assertEqual(self.text("#ticket-title"), "Telefon klingelt nicht")
        self.assertIn("Mein Telefon klingelt nicht.", self.text(".thread"))
        self.assertIn(ticket["number"], self.text("#links-h + ul"))

    def test_text_template_is_inserted_with_and_without_script(self):
        name = f"Begrüßung {time.time_ns()}"
        self.server.api("POST", "/text-templates", {"name": name, "textDE": "Guten Tag, zu Ticket {{ticket.number}}:", "textEN": "Hello"})
        ticket = self.new_ticket()
        self.sign_in()
        self.open_ticket(ticket, "?compose=note")
        self.select("#compose-template", name)
        self.find("#insert-template").click()
        self.wait_until(lambda: ticket["number"] in self.find("#compose-body").get_attribute("value"))
        self.find("#compose-body").clear()
        self.find("#compose-body").send_keys("Vorher.")
        old = self.find("html")
        self.browser.execute_script("document.getElementById('compose-form').requestSubmit(document.getElementById('insert-template'))")
        self.wait_for_page_after(old)
        self.assertEqual(self.find("#compose-body").get_attribute("value"), f"Vorher.\nGuten Tag, zu Ticket {ticket['number']}:")

    def test_print_view_shows_header_and_all_articles(self):
        ticket = self.new_ticket("Druckansicht prüfen")
        self.server.api("POST", f"/tickets/{ticket['id']}/articles", {"body": "Interne Bemerkung", "customerVisible": False})
        self.sign_in()
        self.open(f"/agent/tickets/{ticket['id']}/print")
        self.assertIn(ticket["number"], self.text(".ticket-head"))
        self.assertIn("Interne Bemerkung", self.text(".ticket-print"))
        self.assertFalse(self.find_all("form#compose-form"), "no forms in the print view")

    def test_admin_keeps_text_templates(self):
        self.sign_in()
        self.open("/admin/text-templates/new")
        self.fill("#tt-name", "Tippfehler")
        self.fill("#tt-de", "Ticket {{ticket.nummer}}")
        self.submit("#text-template-form")
        self.assertIn("ticket.nummer", self.text("#text-template-form .field-error"))
        name = f"Abschluss {time.time_ns()}"
        self.fill("#tt-name", name)
        self.fill("#tt-de", "Mit freundlichen Grüßen\n{{agent.firstName}} {{agent.lastName}}")
        self.submit("#text-template-form")
        self.assertEqual(self.path(), "/admin/text-templates")
        self.assertIn(name, self.text("table.text-templates"))
