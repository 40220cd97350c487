"""The portal's administration (issue 6): an administrator files a catalogue category, builds a small request form
with a conditional field in the editor — without code, adding fields with the editor's buttons —, sees a refused
condition next to its control, previews the form as the portal shows it (not submittable), publishes it in the
category, and a customer finds and submits it in the portal; the version history and the change log show it. A portal
text with an unknown placeholder is refused next to it, a good one saved, an emptied one is the default again."""

import time

from harness import BrowserTest


class PortalAdminTests(BrowserTest):
    def test_admin_builds_previews_and_publishes_a_form(self):
        tag = time.time_ns() % 100000
        kind, detail = f"art{tag}", f"fehler{tag}"
        self.server.api("POST", "/fields", {"name": kind, "label": f"Art der Meldung {tag}", "object": "ticket", "type": "select",
                                            "options": ["Neu", "Defekt"], "customerVisible": True})
        self.server.api("POST", "/fields", {"name": detail, "label": f"Fehlerbeschreibung {tag}", "object": "ticket",
                                            "type": "textarea", "customerVisible": True})
        self.create_customer(f"melder{tag}", f"melder{tag}@stadt.example")
        self.sign_in()

        self.open("/admin/")
        self.assertIn("Self-Service-Portal", self.text("main"))
        self.open("/admin/portal/catalogue/new")
        self.fill("#f-titleDE", f"Diensthandy {tag}")
        self.fill("#f-titleEN", f"Work phone {tag}")
        self.fill("#f-descriptionDE", "Neue Geräte und Defekte melden.")
        self.fill("#f-keywords", "Handy, Smartphone")
        self.submit("form[action='/admin/portal/catalogue/new']")
        self.assertEqual("/admin/portal/catalogue", self.path())
        self.assertIn(f"Diensthandy {tag}", self.text(".admin-list"))

        self.open("/admin/portal/forms/new")
        self.fill("#f-name", f"Handy melden {tag}")
        self.select("#f-queueId", "Servicedesk")
        self.fill("#f-titlePattern", "Handy: {{field.%s}}" % kind)
        self.fill("#f-pages-0--sections-0--heading", "Ihr Gerät")
        self.fill("#f-pages-0--sections-0--text", "Bitte **genau** beschreiben.")
        self.click_and_wait("button[value='add.0.0.field']")
        self.select("#f-pages-0--sections-0--items-0--field", f"Art der Meldung {tag} ({kind})")
        self.find("#f-pages-0--sections-0--items-0--required").click()
        self.click_and_wait("button[value='add.0.0.field']")
        self.select("#f-pages-0--sections-0--items-1--field", f"Fehlerbeschreibung {tag} ({detail})")
        self.fill("#f-pages-0--sections-0--items-1--help", "Was geht nicht mehr?")
        self.select("#f-pages-0--sections-0--items-1--showWhen-field", kind)
        self.fill("#f-pages-0--sections-0--items-1--showWhen-values", "Kaputt")

        self.click_and_wait("button[value='save']")
        self.assertEqual(self.text("#f-pages-0--sections-0--items-1--showWhen-values-issue"), "Bitte wählen Sie einen der angebotenen Werte.",
                         "the refusal sits next to its control, in the page's language")
        self.assertEqual("true", self.find("#f-pages-0--sections-0--items-1--showWhen-values").get_attribute("aria-invalid"))
        self.assertEqual(f"Fehlerbeschreibung {tag} ({detail})",
                         self.find("#f-pages-0--sections-0--items-1--field option:checked").text, "the draft survives the refusal")
        self.fill("#f-pages-0--sections-0--items-1--showWhen-values", "Defekt")

        self.click_and_wait("button[value='preview']")
        preview = self.find("#preview")
        self.assertIn("Ihr Gerät", preview.text)
        self.assertEqual([], preview.find_elements("css selector", "button, [type=submit]"), "the preview cannot be submitted")
        hidden = self.find(f"#preview #f-{detail}").find_element("xpath", "..")
        self.assertFalse(hidden.is_displayed(), "the conditional field waits for its condition")
        self.select(f"#preview #f-{kind}", "Defekt")
        self.wait_until(lambda: hidden.is_displayed(), message="the preview shows the conditional field like the portal")
        self.browser.set_window_size(1280, 2600)
        self.screenshot("portal-form-editor")
        self.browser.set_window_size(1280, 800)

        self.select("#f-categoryId", f"Diensthandy {tag}")
        self.click_and_wait("button[value='save']")
        self.assertRegex(self.path(), r"^/admin/portal/forms/\d+$")
        self.assertIn("neue Version gespeichert", self.text(".notice"))
        self.assertIn("Version 1", self.text("#versions-title + ul"))
        editor = self.path()
        self.click_and_wait("#versions-title + ul a")
        self.assertIn("Version 1", self.text("h1"))
        self.assertIn("Ihr Gerät", self.text("#preview"), "a saved version is shown as the portal showed it")
        self.open(editor)
        self.click_and_wait("button[value='down.0.0.0']")
        self.click_and_wait("button[value='save']")
        self.assertEqual(self.text("#f-pages-0--sections-0--items-0--showWhen-field-issue"),
                         "Bitte verweisen Sie nur auf eine Angabe, die weiter oben steht.",
                         "moving the condition's field below it is refused next to the condition")
        self.assertNotIn("Version 2", self.text("#versions-title + ul"), "nothing was saved")
        self.open("/admin/")
        self.assertIn("Anfrageformular", self.text("#changelog"))
        self.assertIn("Katalogkategorie", self.text("#changelog"))

        self.portal_sign_in(f"melder{tag}")
        self.open("/portal/catalogue")
        self.browser.find_element("xpath", f"//a[@class='category-title' and normalize-space()='Diensthandy {tag}']").click()
        self.wait_until(lambda: self.text("h1") == f"Diensthandy {tag}")
        self.click_and_wait("a[href^='/portal/forms/']")
        self.assertEqual(f"Handy melden {tag}", self.text("h1"))
        conditional = self.find(f"#f-{detail}").find_element("xpath", "..")
        self.assertFalse(conditional.is_displayed())
        self.select(f"#f-{kind}", "Defekt")
        self.wait_until(lambda: conditional.is_displayed())
        self.fill(f"#f-{detail}", "Display gesprungen.")
        self.submit("form.request-form")
        self.assertRegex(self.path(), r"^/portal/requests/\d+$")
        self.assertIn("Handy: Defekt", self.text("main"))
        self.assertIn("Display gesprungen.", self.text(".thread"))

    def test_admin_edits_a_portal_text(self):
        self.sign_in()
        self.open("/admin/portal/texts")
        subject = "//fieldset[legend='Gelöst']//input[contains(@id, 'subject')]"
        body = "//fieldset[legend='Gelöst']//textarea"
        field = self.browser.find_element("xpath", subject)
        self.assertEqual("Ihr Anliegen {{ticket.number}} ist gelöst", field.get_attribute("value"))
        field_id = field.get_attribute("id")
        self.fill(f"#{field_id}", "Erledigt: {{ticket.nummer}}")
        self.submit("form[action='/admin/portal/texts']")
        refusal = self.text(f"#{field_id}-issue")
        self.assertIn("„ticket.nummer“", refusal, "the refusal names the unknown placeholder next to the text it concerns")
        self.assertIn("kein Eintrag gefunden", refusal, "in the page's language")
        self.fill(f"#{field_id}", "Erledigt: {{ticket.number}}")
        self.submit("form[action='/admin/portal/texts']")
        self.assertIn("gespeichert", self.text(".notice"))
        self.assertEqual("Erledigt: {{ticket.number}}", self.find(f"#{field_id}").get_attribute("value"))
        self.open("/admin/")
        self.assertIn("Portal-Texte", self.text("#changelog"))

        self.open("/admin/portal/texts")
        self.find(f"#{field_id}").clear()
        self.browser.find_element("xpath", body).clear()
        self.submit("form[action='/admin/portal/texts']")
        self.assertEqual("Ihr Anliegen {{ticket.number}} ist gelöst", self.find(f"#{field_id}").get_attribute("value"),
                         "an emptied text is the default again")
