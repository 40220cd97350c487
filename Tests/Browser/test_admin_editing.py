"""Admin forms: refused input explained in the page's language next to the field, and a save from a stale copy
explained (who changed the record when) with the current values shown and nothing changed."""

import time

from harness import BrowserTest


class AdminEditingTests(BrowserTest):
    def unique(self, word):
        return f"{word} {time.time_ns() % 10_000_000}"

    def save(self):
        self.submit("main form[method=post]:not(.admin-delete)")

    def test_validation_text_is_german_on_a_german_page_and_english_on_an_english_page(self):
        login = f"admin.{time.time_ns() % 10_000_000}"
        self.server.create_agent(login, "admin-passwort-1", admin=True)
        self.sign_in(login, "admin-passwort-1")
        queues = len(self.server.api("GET", "/queues")["items"])
        self.open("/admin/queues/new")
        self.save()
        self.assertEqual(self.find("#f-name").get_attribute("aria-invalid"), "true")
        self.assertEqual(self.text("#f-name-issue"), "Bitte geben Sie 1 bis 200 Zeichen ein.")
        self.open("/admin/priorities/new")
        self.fill("#f-name", self.unique("Dringlich"))
        self.fill("#f-rank", "101")
        self.save()
        self.assertEqual(self.text("#f-rank-issue"), "Bitte geben Sie einen Wert von 1 bis 100 an.")

        self.submit("form.langswitch")
        self.assertEqual(self.find("html").get_attribute("lang"), "en")
        self.open("/admin/queues/new")
        self.save()
        self.assertEqual(self.text("#f-name-issue"), "Please enter 1 to 200 characters.")
        self.assertEqual(len(self.server.api("GET", "/queues")["items"]), queues, "nothing was saved")

    def test_stale_save_is_explained_shows_the_current_values_and_changes_nothing(self):
        name = self.unique("Ordnungsamt")
        queue = self.server.api("POST", "/queues", {"name": name, "comment": "Erster Stand"})
        self.sign_in()
        self.open(f"/admin/queues/{queue['id']}")
        self.assertEqual(self.find("input[name=version]").get_attribute("value"), "1")
        self.server.api("PATCH", f"/queues/{queue['id']}", {"comment": "Von einer Kollegin geändert"})
        self.fill("#f-comment", "Mein Stand")
        self.save()
        self.assertEqual(self.path(), f"/admin/queues/{queue['id']}")
        self.assert_stale_save_explained(".admin-form .error")
        self.assertEqual(self.find("#f-comment").get_attribute("value"), "Von einer Kollegin geändert", "the current values")
        stored = next(q for q in self.server.api("GET", "/queues")["items"] if q["id"] == queue["id"])
        self.assertEqual(stored["comment"], "Von einer Kollegin geändert", "the stale save changed nothing")
        self.screenshot("admin-stale-edit")

        self.fill("#f-comment", "Mein Stand")
        self.save()
        self.assertEqual(self.path(), "/admin/queues")
        stored = next(q for q in self.server.api("GET", "/queues")["items"] if q["id"] == queue["id"])
        self.assertEqual(stored["comment"], "Mein Stand", "saving again from the current values applies")

    def test_rule_of_a_calendar_is_german_on_a_german_page(self):
        self.sign_in()
        self.open("/admin/calendars/new")
        self.fill("#f-name", self.unique("Nachtschicht"))
        self.fill("#f-weeklyHours-monday", "16:00-08:00")
        self.save()
        self.assertEqual(self.find("#f-weeklyHours-monday").get_attribute("aria-invalid"), "true")
        self.assertEqual(self.text("#f-weeklyHours-monday-issue"), "Das Ende muss nach dem Beginn liegen.")

    def assert_stale_save_explained(self, explanation_css):
        explanation = self.text(explanation_css)
        self.assertIn("admin hat diesen Eintrag inzwischen geändert", explanation)
        self.assertIn("nicht gespeichert", explanation)
        self.assertEqual(self.find("input[name=version]").get_attribute("value"), "2")

    def test_stale_text_template_save_is_explained_and_changes_nothing(self):
        template = self.server.api("POST", "/text-templates", {"name": self.unique("Eingangsbestätigung"), "textDE": "Erster Stand"})
        self.sign_in()
        self.open(f"/admin/text-templates/{template['id']}")
        self.assertEqual(self.find("input[name=version]").get_attribute("value"), "1")
        self.server.api("PATCH", f"/text-templates/{template['id']}", {"textDE": "Von einer Kollegin geändert"})
        self.fill("#tt-de", "Mein Stand")
        self.submit("#text-template-form")
        self.assertEqual(self.path(), f"/admin/text-templates/{template['id']}")
        self.assert_stale_save_explained("#text-template-form .field-error")
        self.assertEqual(self.find("#tt-de").get_attribute("value"), "Von einer Kollegin geändert", "the current text")
        stored = self.server.api("GET", f"/text-templates/{template['id']}")
        self.assertEqual(stored["textDE"], "Von einer Kollegin geändert", "the stale save changed nothing")

        self.fill("#tt-de", "Mein Stand")
        self.submit("#text-template-form")
        self.assertEqual(self.path(), "/admin/text-templates")
        self.assertEqual(self.server.api("GET", f"/text-templates/{template['id']}")["textDE"], "Mein Stand")

    def test_stale_mail_account_save_is_explained_and_changes_nothing(self):
        account = self.server.api("POST", "/mail/accounts", {
            "name": self.unique("Bürgerbüro"), "host": "imap.stadt.example", "username": "buergerbuero",
            "password": "geheim-123", "queueId": 1,
        })
        self.sign_in()
        self.open(f"/admin/mail-accounts/{account['id']}")
        self.assertEqual(self.find("input[name=version]").get_attribute("value"), "1")
        self.server.api("PATCH", f"/mail/accounts/{account['id']}", {"folder": "Von-Kollegin"})
        self.fill("#f-folder", "Mein-Ordner")
        self.save()
        self.assertEqual(self.path(), f"/admin/mail-accounts/{account['id']}")
        self.assert_stale_save_explained(".admin-form .error")
        self.assertEqual(self.find("#f-folder").get_attribute("value"), "Von-Kollegin", "the current values")
        self.assertEqual(self.server.api("GET", f"/mail/accounts/{account['id']}")["folder"], "Von-Kollegin", "the stale save changed nothing")
