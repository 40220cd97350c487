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

    def test_password_change_needs_the_current_password(self):
        self.server.create_agent("p.wechsel", "agent-pass-123")
        self.sign_in("p.wechsel", "agent-pass-123")
        self.open("/agent/preferences")
        self.fill("#currentPassword", "falsch-falsch")
        self.fill("#newPassword", "neues-passwort-1")
        self.fill("#repeatPassword", "neues-passwort-1")
        self.submit("form[action='/agent/preferences/password']")
        self.assertTrue(self.find_all(".field-error"))
        self.fill("#currentPassword", "agent-pass-123")
        self.fill("#newPassword", "neues-passwort-1")
        self.fill("#repeatPassword", "neues-passwort-1")
        self.submit("form[action='/agent/preferences/password']")
        self.assertIn("geändert", self.text(".notice"))
        self.sign_in("p.wechsel", "neues-passwort-1")
        self.assertEqual(self.path(), "/agent/")


def totp(secret, at=None):
    """The current six-digit code of a base32 TOTP secret (RFC 6238, SHA-1, 30 s)."""
    import base64
    import hashlib
    import hmac
    import struct
    import time as clock
    key = base64.b32decode(secret + "=" * (-len(secret) % 8), casefold=True)
    counter = struct.pack(">Q", int((at or clock.time()) // 30))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


class SecondFactorTests(BrowserTest):
    def test_agent_turns_on_totp_and_then_needs_the_code(self):
        self.server.create_agent("t.zweifaktor", "agent-pass-123")
        self.sign_in("t.zweifaktor", "agent-pass-123")
        self.open("/agent/preferences")
        self.submit("form[action='/agent/preferences/totp/begin']")
        secret = self.text("#totp-secret").strip()
        self.fill("#code", "000000" if totp(secret) != "000000" else "111111")
        self.submit("form[action='/agent/preferences/totp/confirm']")
        self.assertTrue(self.find_all(".field-error"), "a wrong code does not turn it on")
        self.submit("form[action='/agent/preferences/totp/begin']")
        secret = self.text("#totp-secret").strip()
        self.fill("#code", totp(secret))
        self.submit("form[action='/agent/preferences/totp/confirm']")
        self.assertIn("eingeschaltet", self.text(".notice"))
        self.sign_in("t.zweifaktor", "agent-pass-123")
        self.assertEqual(self.path(), "/agent/login", "the password alone no longer suffices")
        self.fill("#login", "t.zweifaktor")
        self.fill("#password", "agent-pass-123")
        self.fill("#totp", totp(secret))
        self.submit("form[action='/agent/login']")
        self.assertEqual(self.path(), "/agent/")
