"""Signing in and out, language choice, and what an anonymous visitor gets."""

from harness import ADMIN_PASSWORD, BrowserTest


class SignInTests(BrowserTest):
    def test_anonymous_visitor_is_sent_to_sign_in_and_back(self):
        self.browser.delete_all_cookies()
        self.open("/agent/preferences")
        self.wait_for("#login")
        self.assertEqual(self.path(), "/agent/login")
        self.fill("#login", "admin")
        self.fill("#password", ADMIN_PASSWORD)
        self.submit("form[action='/agent/login']")
        self.assertEqual(self.path(), "/agent/preferences")

    def test_wrong_password_is_refused_in_german(self):
        self.sign_in("admin", "wrong-password")
        self.assertEqual(self.path(), "/agent/login")
        self.assertIn("nicht korrekt", self.text("#signin-error"))
        self.assertEqual(self.find("#login").get_attribute("value"), "admin")

    def test_sign_out_ends_the_session(self):
        self.sign_in()
        self.assertEqual(self.path(), "/agent/")
        self.submit("form[action='/agent/logout']")
        self.assertIn("abgemeldet", self.text(".notice"))
        self.open("/agent/")
        self.assertEqual(self.path(), "/agent/login")

    def test_language_switch_is_remembered_for_the_user(self):
        self.sign_in()
        self.assertEqual(self.find("html").get_attribute("lang"), "de")
        self.assertIn("Übersicht", self.text("h1"))
        self.submit("form.langswitch")
        self.assertEqual(self.find("html").get_attribute("lang"), "en")
        self.assertIn("Dashboard", self.text("h1"))
        self.sign_in()  # a new session: the choice is stored with the user, not the browser
        self.assertIn("Dashboard", self.text("h1"))
        self.submit("form.langswitch")
        self.assertIn("Übersicht", self.text("h1"))

    def test_form_without_csrf_token_changes_nothing(self):
        self.sign_in()
        self.browser.execute_script("document.querySelector(\"form[action='/agent/logout'] input[name=_csrf]\").value = 'forged'")
        self.submit("form[action='/agent/logout']")
        self.assertIn("Keine Berechtigung", self.text("h1"))
        self.open("/agent/")
        self.assertEqual(self.path(), "/agent/", "the forged sign-out must not have ended the session")
