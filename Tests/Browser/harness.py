"""Browser-test harness: a real `ticketwerk serve` per database backend, a headless Chromium driven
through Selenium, the private SMTP sink of scripts/lib/smtp.sh, and helpers the tests share.

Tests subclass `BrowserTest`; `run.py` starts one server per backend and runs every `test_*.py` against it.
"""

import email
import email.policy
import glob
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

CUSTOMER_PASSWORD = "kunde-pass-123"
ADMIN_PASSWORD = "browser-admin-pw-123"
SCREENSHOTS = os.environ.get("TICKETWERK_SCREENSHOTS") or os.path.join(os.getcwd(), ".build", "browser-screenshots")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One `ticketwerk serve` on 127.0.0.1 with a fresh database (a temp dir for SQLite, a new database for
    PostgreSQL), sending mail to the SMTP sink when one is given."""

    def __init__(self, binary, backend, postgres_url=None, smtp_dir=None):
        self.binary, self.backend, self.smtp_dir = binary, backend, smtp_dir
        self.data = tempfile.mkdtemp(prefix=f"ticketwerk-browser-{backend}-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.database_args = ["--data", self.data]
        if backend == "postgres":
            name = "tw_browser_" + secrets.token_hex(4)
            subprocess.run(["psql", postgres_url, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
            self.database_args = ["--database", postgres_url.rsplit("/", 1)[0] + "/" + name]
        self.process = None
        self.token = None

    def start(self):
        args = [self.binary, "serve", "--demo", "--host", "127.0.0.1", "--port", str(self.port)] + self.database_args
        if self.smtp_dir:
            sink = json.load(open(os.path.join(self.smtp_dir, "sink.json")))
            args += ["--smtp-host", "127.0.0.1", "--smtp-port", str(sink["plain"]), "--smtp-security", "none"]
        env = dict(os.environ, TICKETWERK_ADMIN_PASSWORD=ADMIN_PASSWORD)
        self.log = open(os.path.join(self.data, "server.log"), "w")
        self.process = subprocess.Popen(args, env=env, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"ticketwerk serve exited: {self.log_tail()}")
            try:
                if urllib.request.urlopen(self.base + "/readyz", timeout=2).status == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        else:
            raise RuntimeError(f"ticketwerk serve not ready: {self.log_tail()}")
        out = subprocess.run([self.binary, "token", "create", "--user", "admin"] + self.database_args,
                             check=True, capture_output=True, text=True).stdout
        self.token = [line for line in out.splitlines() if line.strip()][-1].strip()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.data, ignore_errors=True)

    def log_tail(self, lines=40):
        try:
            return "".join(open(os.path.join(self.data, "server.log")).readlines()[-lines:])
        except OSError:
            return ""

    def api(self, method, path, body=None, token=None, expect=None):
        """Calls the REST API as admin (or with `token`); returns the decoded JSON answer (or None)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + "/api/v1" + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + (token or self.token))
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                raw = response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            raw, status = error.read(), error.code
        if expect is not None and status != expect:
            raise AssertionError(f"{method} {path}: expected {expect}, got {status}: {raw[:500]!r}")
        if status >= 400 and expect is None:
            raise AssertionError(f"{method} {path}: {status}: {raw[:500]!r}")
        return json.loads(raw) if raw else None

    def inbound_mail(self, sender, subject, body, to="servicedesk@stadt.example"):
        """Files a plain-text mail through `POST /mail/inbound`, as the MTA would; returns the answer."""
        raw = (f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{secrets.token_hex(8)}@browser.test>\r\n"
               f"Date: Sat, 28 Nov 2026 08:15:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
               f"Content-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n").encode()
        request = urllib.request.Request(self.base + "/api/v1/mail/inbound", data=raw, method="POST")
        request.add_header("Authorization", "Bearer " + self.token)
        request.add_header("Content-Type", "message/rfc822")
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def create_agent(self, login, password, role_ids=(), admin=False):
        """A new agent with the given roles; returns its id."""
        user = self.api("POST", "/users", {"login": login, "password": password, "firstName": login.split(".")[0].title(),
                                            "lastName": login.split(".")[-1].title(), "isAgent": True, "isAdmin": admin,
                                            "roleIds": list(role_ids), "email": f"{login}@stadt.example"})
        return user["id"]

    def sent_mails(self):
        """Every message the SMTP sink received so far, parsed."""
        if not self.smtp_dir:
            return []
        messages = []
        for path in sorted(glob.glob(os.path.join(self.smtp_dir, "messages", "*.eml"))):
            with open(path, "rb") as handle:
                messages.append(email.message_from_binary_file(handle, policy=email.policy.default))
        return messages


class BrowserTest(unittest.TestCase):
    """A test class with its own headless Chromium (1280×800) against the backend `run.py` started."""

    server: Server = None  # set by run.py
    timeout = 10

    @classmethod
    def setUpClass(cls):
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1280,800", "--lang=de-DE", "--no-first-run", "--disable-extensions"):
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"intl.accept_languages": "de-DE,de"})
        service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
        cls.browser = webdriver.Chrome(options=options, service=service)
        cls.browser.set_page_load_timeout(30)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()

    # --- navigation and lookup -------------------------------------------------------------------
    def open(self, path):
        self.browser.get(self.server.base + path)

    def find(self, css):
        return self.browser.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        return self.browser.find_elements(By.CSS_SELECTOR, css)

    def wait_for(self, css, timeout=None):
        return WebDriverWait(self.browser, timeout or self.timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))

    def wait_until(self, condition, timeout=None, message=""):
        return WebDriverWait(self.browser, timeout or self.timeout).until(lambda _: condition(), message)

    def path(self):
        return urllib.parse.urlsplit(self.browser.current_url).path

    def text(self, css="main"):
        return self.find(css).text

    # --- actions -------------------------------------------------------------------------------------
    def sign_in(self, login="admin", password=ADMIN_PASSWORD):
        """Signs in through the form (signing out whoever was signed in) and waits for the next page."""
        self.browser.delete_all_cookies()
        self.open("/agent/login")
        self.fill("#login", login)
        self.fill("#password", password)
        self.find("form[action='/agent/login'] button[type=submit]").click()
        self.wait_until(lambda: self.path() != "/agent/login" or self.find_all("#signin-error"))

    def fill(self, css, value):
        field = self.find(css)
        field.clear()
        field.send_keys(value)
        return field

    def select(self, css, visible_text):
        from selenium.webdriver.support.ui import Select
        Select(self.find(css)).select_by_visible_text(visible_text)

    def submit(self, form_css):
        """Submits a form by its submit button and waits for the page to change."""
        self.click_and_wait(form_css + " [type=submit]")

    def click_and_wait(self, css):
        """Clicks an element that loads a new page and waits until the old page is gone."""
        old = self.find("html")
        self.find(css).click()
        self.wait_for_page_after(old)

    def wait_for_page_after(self, old):
        """Waits until `old` (an element of the previous page) is gone. Chromium may answer a question about a node
        of a document it just replaced with "does not belong to the document": that too means the page changed."""
        def replaced(_):
            try:
                old.is_enabled()
                return False
            except WebDriverException:
                return True
        WebDriverWait(self.browser, self.timeout).until(replaced)

    def screenshot(self, name):
        """Writes a screenshot for reviewers: SCREENSHOTS/<backend>-<name>.png."""
        os.makedirs(SCREENSHOTS, exist_ok=True)
        path = os.path.join(SCREENSHOTS, f"{self.server.backend}-{name}.png")
        self.browser.save_screenshot(path)
        return path

    def portal_sign_in(self, login, password=CUSTOMER_PASSWORD):
        """Signs a customer in at the portal (signing out whoever was signed in)."""
        self.browser.delete_all_cookies()
        self.open("/portal/login")
        self.fill("#login", login)
        self.fill("#password", password)
        self.submit("form[action='/portal/login']")

    # --- data ------------------------------------------------------------------------------------------
    def create_customer(self, login, email, organisation=None):
        """A customer account (password `CUSTOMER_PASSWORD`, German) with a new contact, optionally in an organisation."""
        contact = {"lastName": login.title(), "firstName": "Sabine", "emails": [email]}
        if organisation:
            contact["organisationId"] = organisation
        contact = self.server.api("POST", "/contacts", contact)
        return self.server.api("POST", "/users", {"login": login, "password": CUSTOMER_PASSWORD, "isAgent": False, "isCustomer": True,
                                                  "contactId": contact["id"], "locale": "de"})

    def create_ticket(self, title, queue="Servicedesk", customer="m.schulze@stadt.example", body="Bitte um Hilfe.", **extra):
        ticket = {"title": title, "queue": queue, "customer": customer, "article": {"body": body}}
        ticket.update(extra)
        return self.server.api("POST", "/tickets", ticket)


import urllib.parse  # noqa: E402  (used by BrowserTest.path)
