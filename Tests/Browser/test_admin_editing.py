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
        explanation = self.text(".admin-form .error")
        self.assertIn("admin hat diesen Eintrag inzwischen geändert", explanation)
        self.assertIn("nicht gespeichert", explanation)
        self.assertEqual(self.find("#f-comment").get_attribute("value"), "Von einer Kollegin geändert", "the current values")
        self.assertEqual(self.find("input[name=version]").get_attribute("value"), "2")
        stored = next(q for q in self.server.api("GET", "/queues")["items"] if q["id"] == queue["id"])
        self.assertEqual(stored["comment"], "Von einer Kollegin geändert", "the stale save changed nothing")
        self.screenshot("admin-stale-edit")

        self.fill("#f-comment", "Mein Stand")
        self.save()
        self.assertEqual(self.path(), "/admin/queues")
        stored = next(q for q in self.server.api("GET", "/queues")["items"] if q["id"] == queue["id"])
        self.assertEqual(stored["comment"], "Mein Stand", "saving again from the current values applies")
