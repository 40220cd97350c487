"""The admin area: queues, roles and agents set up through the forms, validation next to the field, the
change log, 403 for agents, and a calendar with a holiday and an SLA that new tickets then carry."""

import time

from harness import BrowserTest


class AdminTests(BrowserTest):
    def unique(self, word):
        return f"{word} {time.time_ns() % 10_000_000}"

    def save(self, form_css="main form[method=post]:not(.admin-delete)"):
        self.submit(form_css)

    def queue_id(self, name):
        return next(q["id"] for q in self.server.api("GET", "/queues")["items"] if q["name"] == name)

    def test_admin_sets_up_queue_role_and_agent_who_sees_only_that_queue(self):
        queue, role = self.unique("Bauamt"), self.unique("Bauamt-Team")
        login = f"bau{time.time_ns() % 10_000_000}"
        self.sign_in()
        self.open("/admin/queues/new")
        self.fill("#f-name", queue)
        self.fill("#f-systemAddress", f"{login}@stadt.example")
        self.select("#f-followUpPolicy", "neues, verknüpftes Ticket")
        self.save()
        self.assertEqual(self.path(), "/admin/queues")
        self.assertIn("Die Änderung wurde gespeichert.", self.text(".notice"))
        self.assertIn(queue, self.text("table.admin-list"))
        queue_id = self.queue_id(queue)

        self.open("/admin/roles/new")
        self.fill("#f-name", role)
        for right in ("read", "create", "note", "reply"):
            box = self.find(f"#f-queues-{queue_id}-{right}")
            self.assertEqual(box.get_attribute("type"), "checkbox")
            box.click()
        legend = self.find("fieldset.admin-section table.admin-grid").find_element("xpath", "ancestor::fieldset/legend")
        self.assertEqual(legend.text, "Rechte je Queue")
        self.screenshot("admin-roles")
        self.save()
        self.assertEqual(self.path(), "/admin/roles")
        stored = next(r for r in self.server.api("GET", "/roles")["items"] if r["name"] == role)
        self.assertEqual(stored["queues"], {str(queue_id): ["read", "create", "note", "reply"]})
        role_id = stored["id"]

        self.open("/admin/users/new")
        self.fill("#f-login", login)
        self.fill("#f-password", "bauamt-passwort-1")
        self.fill("#f-firstName", "Berta")
        self.fill("#f-lastName", "Bau")
        self.fill("#f-email", f"{login}@stadt.example")
        self.assertTrue(self.find("#f-isAgent").is_selected())
        self.find(f"input[name=roleIds][value='{role_id}']").click()
        self.save()
        self.assertEqual(self.path(), "/admin/users")
        self.fill("#admin-q", login)
        self.submit("form.admin-search")
        self.assertIn(login, self.text("table.admin-list"))

        mine = self.create_ticket(self.unique("Bauantrag fehlt"), queue=queue)
        other = self.create_ticket(self.unique("Drucker im Servicedesk"), queue="Servicedesk")
        self.sign_in(login, "bauamt-passwort-1")
        self.wait_for("#dashboard")
        page = self.text()
        self.assertIn(mine["title"], page)
        self.assertNotIn(other["title"], page)
        self.assertEqual([row.get_attribute("data-ticket") for row in self.find_all("#dashboard tr[data-ticket]")], [str(mine["id"])])

    def test_admin_validation_error_is_shown_next_to_the_field_and_nothing_is_saved(self):
        self.sign_in()
        queues = len(self.server.api("GET", "/queues")["items"])
        self.open("/admin/queues/new")
        self.fill("#f-name", "servicedesk")
        self.save()
        self.assertEqual(self.path(), "/admin/queues/new")
        self.assertEqual(self.find("#f-name").get_attribute("aria-invalid"), "true")
        self.assertIn("bereits vergeben", self.text("#f-name-issue"))
        self.assertEqual(self.find("#f-name").get_attribute("value"), "servicedesk", "the form keeps what was typed")
        self.assertEqual(len(self.server.api("GET", "/queues")["items"]), queues)

        calendars = len(self.server.api("GET", "/calendars")["items"])
        name = self.unique("Überlappung")
        self.open("/admin/calendars/new")
        self.fill("#f-name", name)
        self.fill("#f-weeklyHours-monday", "08:00-12:00, 11:00-14:00")
        self.save()
        self.assertTrue(self.find_all("#f-weeklyHours-monday-issue"), "the overlap is reported at Monday's hours")
        self.assertEqual(self.find("#f-weeklyHours-monday").get_attribute("aria-invalid"), "true")
        self.assertFalse(self.find_all("#f-weeklyHours-tuesday-issue"))
        self.assertEqual(len(self.server.api("GET", "/calendars")["items"]), calendars)

    def test_admin_area_refuses_agents_who_are_not_administrators(self):
        login = f"agent{time.time_ns() % 10_000_000}"
        self.server.create_agent(login, "agent-passwort-1")
        self.sign_in(login, "agent-passwort-1")
        self.assertFalse(self.find_all("a[href='/admin/']"), "no Administration link for agents")
        for path in ("/admin/", "/admin/queues", "/admin/users/1"):
            self.open(path)
            self.assertEqual(self.text("h1"), "Keine Berechtigung", path)
        self.browser.delete_all_cookies()
        self.open("/admin/roles")
        self.assertEqual(self.path(), "/agent/login")

    def test_admin_index_shows_the_change_log(self):
        name = self.unique("Beschwerde")
        self.sign_in()
        self.open("/admin/types/new")
        self.fill("#f-name", name)
        self.fill("#f-nameEN", "Complaint")
        self.save()
        self.open("/admin/")
        for link in ("/admin/users", "/admin/roles", "/admin/queues", "/admin/calendars", "/admin/slas", "/admin/mail-accounts",
                     "/admin/text-templates"):
            self.assertTrue(self.find_all(f"main a[href='{link}']"), link)
        first = self.find("#changelog tbody tr")
        self.assertIn(f"Ticket-Typ {name} angelegt", first.text)
        self.assertIn("admin", first.text)

    def test_admin_calendar_with_holiday_and_sla_apply_to_new_tickets(self):
        calendar, sla = self.unique("Rathaus"), self.unique("Bürgeranliegen 2 Std.")
        self.sign_in()
        self.open("/admin/calendars/new")
        self.fill("#f-name", calendar)
        for day in ("monday", "tuesday", "wednesday", "thursday", "friday"):
            self.fill(f"#f-weeklyHours-{day}", "07:30-12:00, 12:30-16:00")
        self.fill("#f-holidays", "12-24 Heiligabend\nOstern+1 Ostermontag")
        self.save()
        stored = next(c for c in self.server.api("GET", "/calendars")["items"] if c["name"] == calendar)
        self.assertEqual([h["name"] for h in stored["holidays"]], ["Heiligabend", "Ostermontag"])
        self.assertEqual(stored["weeklyHours"]["monday"], [{"start": 450, "end": 720}, {"start": 750, "end": 960}])

        self.open("/admin/slas/new")
        self.fill("#f-name", sla)
        self.select("#f-calendarId", calendar)
        self.fill("#f-targets-firstResponseMinutes", "120")
        self.fill("#f-targets-solutionMinutes", "2400")
        self.save()
        self.assertIn(sla, self.text("table.admin-list"))

        self.open("/admin/sla-configuration")
        free = next(s for s in self.find_all("select[name$='.slaId']") if s.get_attribute("value") == "")
        row = free.get_attribute("name").split(".")[0]
        self.select(f"select[name='{row}.scopeId']", "Queue: Bürgeranliegen")
        self.select(f"select[name='{row}.slaId']", sla)
        self.save()
        self.assertEqual(self.path(), "/admin/sla-configuration")

        ticket = self.create_ticket(self.unique("Straßenlaterne defekt"), queue="Bürgeranliegen")
        self.assertEqual(self.server.api("GET", f"/tickets/{ticket['id']}")["sla"]["name"], sla)
