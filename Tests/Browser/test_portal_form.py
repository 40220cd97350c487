"""A staff member's request through the portal (issue 6): finds "Toner bestellen" (demo catalogue) by search, fills
the two-page form with its conditional field and an upload, submits, sees the request with its number and state,
gets the confirmation mail, replies; the agent's answer appears; a customer of another organisation sees none of it."""

import os
import tempfile
import time

from harness import BrowserTest


class PortalFormTests(BrowserTest):
    def test_staff_member_orders_toner_through_the_form(self):
        tag = time.time_ns() % 100000
        settings = self.server.api("GET", "/portal/settings")
        settings["senderAddress"] = "servicedesk@stadt.example"
        self.server.api("PUT", "/portal/settings", settings)
        amt = self.server.api("POST", "/organisations", {"name": f"Ordnungsamt {tag}"})
        werke = self.server.api("POST", "/organisations", {"name": f"Stadtwerke {tag}"})
        self.create_customer(f"toner{tag}", f"toner{tag}@stadt.example", amt["id"])
        self.create_customer(f"fremd{tag}", f"fremd{tag}@werke.example", werke["id"])

        self.portal_sign_in(f"toner{tag}")
        self.open("/portal/catalogue")
        self.fill("#p-cq", "toner")
        self.submit("form.catalogue-search")
        self.assertIn("Drucker", self.text(".catalogue-hits"), "the hit names its parent category")
        self.screenshot("portal-catalogue")
        self.browser.find_element("xpath", "//a[@class='category-title' and normalize-space()='Toner bestellen']").click()
        self.wait_until(lambda: self.text("h1") == "Toner bestellen")
        self.find("a[href^='/portal/forms/']").click()
        self.wait_for("form.request-form")
        self.assertIn("HP LaserJet M404", self.find(".section-text").text, "the section's explanatory text is shown")
        self.assertEqual(self.find("#f-tonerfarbe").get_attribute("value"), "Schwarz", "defaults are filled in")

        self.submit("form.request-form")
        self.assertEqual(self.find("#f-druckermodell").get_attribute("aria-describedby"), "f-druckermodell-error")
        self.assertIn("Bitte füllen Sie dieses Feld aus", self.text("#f-druckermodell-error"))
        self.fill("#f-druckermodell", f"HP LaserJet M404 Zimmer {tag}")
        self.submit("form.request-form")
        self.assertIn("Schritt 2 / 2", self.text(".form-step"))

        reason = self.find("#f-begruendung").find_element("xpath", "..")
        self.assertFalse(reason.is_displayed(), "the reason is asked only for urgent orders")
        self.find("#f-eilig").click()
        self.wait_until(lambda: reason.is_displayed(), message="portal.js shows the conditional field")
        upload = os.path.join(tempfile.mkdtemp(), "typenschild.txt")
        with open(upload, "w") as handle:
            handle.write("HP M404dn")
        self.find("#f-foto").send_keys(upload)
        self.screenshot("portal-form")
        self.submit("form.request-form")
        self.assertIn("Bitte füllen Sie dieses Feld aus", self.text("#f-begruendung-error"), "a shown required field is checked")
        self.assertIn("typenschild.txt", self.text(".request-form"), "the chosen file is kept")

        self.click_and_wait("form.request-form button[value='back']")
        self.assertIn("Schritt 1 / 2", self.text(".form-step"))
        self.assertEqual(self.find("#f-druckermodell").get_attribute("value"), f"HP LaserJet M404 Zimmer {tag}", "answers survive going back")
        self.submit("form.request-form")
        self.assertTrue(self.find("#f-eilig").is_selected())
        self.fill("#f-begruendung", "Die Ausgabe für den Bürgerservice steht still.")
        self.submit("form.request-form")

        self.assertRegex(self.path(), r"^/portal/requests/\d+$")
        ticket_id = self.path().rsplit("/", 1)[1]
        number = self.text(".request-number")
        self.assertRegex(number, r"^\d{10,}$")
        self.assertIn("Ihre Anfrage ist bei uns eingegangen", self.text(".notice"))
        self.assertEqual("Eingegangen", self.text(".request-status .status-badge"))
        self.assertIn("typenschild.txt", self.text(".thread"))
        self.assertIn("Die Ausgabe für den Bürgerservice steht still", self.text(".thread"))

        if self.server.smtp_dir:
            self.wait_until(lambda: any(number in str(mail["Subject"]) and f"toner{tag}@stadt.example" in str(mail["To"])
                                        for mail in self.server.sent_mails()), timeout=30, message="confirmation mail")

        self.fill("#p-reply-body", "Der Drucker steht in Zimmer 3.07.")
        self.submit("form[action$='/reply']")
        self.assertIn("Zimmer 3.07", self.text("#latest"))
        self.server.api("POST", f"/tickets/{ticket_id}/articles",
                        {"body": f"Der Toner kommt morgen. {tag}", "channel": "phone", "customerVisible": True})
        self.open(f"/portal/requests/{ticket_id}")
        self.assertIn(f"Der Toner kommt morgen. {tag}", self.text("#latest"))

        self.portal_sign_in(f"fremd{tag}")
        self.assertNotIn("Toner bestellen", self.text("main"))
        self.open(f"/portal/requests/{ticket_id}")
        self.assertIn("nicht gefunden", self.text("main").lower())
        self.assertNotIn(number, self.browser.page_source)
