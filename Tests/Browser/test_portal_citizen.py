"""A citizen's concern without an account (issue 6): the public form with mail address and honeypot, "check your
mail", the confirmation link from the SMTP sink, the ticket number with the private status link, the status page with
the service team's answer and a reply."""

import re
import time
import unittest

from harness import BrowserTest


class PortalCitizenTests(BrowserTest):
    def _mail_link(self, address, path):
        """The link to `path` in the newest mail to `address` the sink received (polled for up to 30 s)."""
        found = []

        def arrived():
            for mail in reversed(self.server.sent_mails()):
                if address in str(mail["To"]):
                    body = mail.get_body(preferencelist=("plain",)).get_content()
                    match = re.search(r"https?://\S+" + re.escape(path) + r"\?token=[\w-]+", body)
                    if match:
                        found.append(match.group(0))
                        return True
            return False

        self.wait_until(arrived, timeout=30, message=f"mail with {path} to {address}")
        return found[0]

    def test_citizen_reports_a_road_damage_and_follows_it(self):
        if not self.server.smtp_dir:
            raise unittest.SkipTest("needs the SMTP sink (--smtp)")
        tag = time.time_ns() % 100000
        address = f"buerger{tag}@example.org"
        settings = self.server.api("GET", "/portal/settings")
        settings.update({"senderAddress": "buergerservice@stadt.example", "publicBaseUrl": self.server.base})
        self.server.api("PUT", "/portal/settings", settings)

        self.browser.delete_all_cookies()
        self.open("/portal/public")
        self.browser.find_element("xpath", "//a[@class='category-title' and normalize-space()='Straßenschaden melden']").click()
        self.wait_for("form.request-form")
        honeypot = self.find("#f-website")
        self.assertEqual(honeypot.get_attribute("tabindex"), "-1")
        self.assertFalse(honeypot.is_displayed(), "the honeypot is out of sight")
        self.fill("#f-strasse", f"Lindenallee {tag}")
        self.select("#f-schadensart", self.find("#f-schadensart option:nth-child(2)").text)
        self.fill("#f-beschreibung", "Tiefes Schlagloch vor der Bushaltestelle.")
        self.fill("#f-email", "keine-adresse")
        self.submit("form.request-form")
        self.assertTrue(self.find_all("#f-email-error"), "a wrong address is refused next to the field")
        self.assertEqual(self.find("#f-strasse").get_attribute("value"), f"Lindenallee {tag}")
        self.fill("#f-email", address)
        self.submit("form.request-form")
        self.assertEqual(self.path(), "/portal/sent")
        self.assertIn("E-Mail gesendet", self.text("main"))

        link = self._mail_link(address, "/portal/confirm")
        self.browser.delete_all_cookies()
        self.browser.get(link)
        self.submit("form.token-form")
        number = self.text(".request-number")
        self.assertRegex(number, r"^\d{10,}$")
        status_link = self.find("a.status-link").get_attribute("href")
        self.assertIn("/portal/status?token=", status_link)
        self.browser.get(link)
        self.submit("form.token-form")
        self.assertEqual(self.text("h1"), "Ihr Anliegen ist bereits bestätigt", "a second confirmation gets a page in plain words")

        ticket = self.server.api("GET", f"/tickets?q=number:{number}&limit=5")["items"][0]
        self.server.api("POST", f"/tickets/{ticket['id']}/articles",
                        {"body": f"Der Bauhof ist informiert. {tag}", "channel": "phone", "customerVisible": True})
        self.server.api("POST", f"/tickets/{ticket['id']}/articles",
                        {"body": f"Interne Notiz {tag}", "channel": "note", "customerVisible": False})

        self.browser.delete_all_cookies()
        self.browser.get(status_link)
        self.submit("form.token-form")
        self.assertIn(number, self.text(".request-number"))
        self.assertIn(f"Der Bauhof ist informiert. {tag}", self.text(".thread"))
        self.assertNotIn(f"Interne Notiz {tag}", self.browser.page_source)
        self.fill("#p-reply-body", "Danke! Das Loch wird größer.")
        self.submit("form[action='/portal/status/reply']")
        self.assertIn("Ihre Nachricht wurde gesendet", self.text(".notice"))
        self.assertIn("Das Loch wird größer", self.text("#latest"))

    def test_published_solutions_are_suggested_while_typing(self):
        tag = time.time_ns() % 100000
        ticket = self.create_ticket(f"Drucker druckt leere Seiten {tag}")
        answer = self.server.api("POST", f"/tickets/{ticket['id']}/articles",
                                 {"body": f"Bitte ziehen Sie den Schutzstreifen von der Tonerkartusche ab. {tag}",
                                  "channel": "phone", "customerVisible": True})
        self.server.api("PUT", f"/tickets/{ticket['id']}/articles/{answer['id']}/solution", {"published": True})
        self.server.api("PATCH", f"/tickets/{ticket['id']}", {"state": "geschlossen (erfolgreich)"})

        self.browser.delete_all_cookies()
        self.open("/portal/public")
        self.browser.find_element("xpath", "//a[@class='category-title' and normalize-space()='Allgemeines Anliegen']").click()
        self.wait_for("form.request-form")
        self.find("#f-betreff").send_keys(f"leere Seiten {tag}")
        hints = self.wait_for("#f-betreff-hints:not([hidden]) li")
        self.assertIn(f"Schutzstreifen von der Tonerkartusche ab. {tag}", hints.text)
