"""The CMDB pages: class browser, item list with attribute filter, item view with edit, version diff, a stale edit,
relations and graph, linked tickets with their SLA, the import page with a dry run, and the CSV export; what agents
who only read the CMDB, or may not see it, are shown; key attributes in lists and next to a ticket's affected items."""

import os
import tempfile
import time
import urllib.request

from selenium.webdriver.common.by import By

from harness import BrowserTest


class CMDBTests(BrowserTest):
    def tag(self):
        return f"{time.time_ns() % 10_000_000}"

    def computer(self, tag, ram=8, **extra):
        item = {"class": "Computer", "name": f"PC-BA-{tag}", "deploymentState": "Im Einsatz",
                "attributes": {"serial_number": f"PF3X{tag}", "inventory_number": f"INV-{tag}", "ram_gb": ram}}
        item.update(extra)
        return self.server.api("POST", "/cmdb/items", item)

    def printer(self, tag):
        return self.server.api("POST", "/cmdb/items", {"class": "Drucker", "name": f"Drucker Flur {tag}",
                                                       "attributes": {"serial_number": f"DR{tag}"}})

    def class_id(self, name):
        return next(c["id"] for c in self.server.api("GET", "/cmdb/classes")["items"] if c["name"] == name)

    def test_cmdb_browse_filter_open_edit_and_diff(self):
        tag = self.tag()
        pc = self.computer(tag)
        self.computer(str(int(tag) + 1))
        self.printer(tag)
        self.sign_in()
        self.open("/agent/cmdb")
        row = self.find(f"tr[data-class='{self.class_id('Computer')}']")
        self.assertIn("Computer", row.text)
        self.assertGreaterEqual(int(row.find_element(By.CSS_SELECTOR, "td.num").text), 2)
        row.find_element(By.CSS_SELECTOR, "a").click()
        self.wait_for("table.cmdb-items")
        self.assertEqual(self.text("h1"), "Computer")
        self.find("details.conditions summary").click()
        self.fill("#f-attr-serial_number", f"PF3X{tag}")
        self.submit("form.filters")
        rows = self.find_all("tr[data-item]")
        self.assertEqual([r.get_attribute("data-item") for r in rows], [str(pc["id"])], "an exact serial number finds one computer")
        self.assertIn("Im Einsatz", rows[0].text)
        self.assertIn(f"INV-{tag}", rows[0].text, "key attributes are columns")
        self.fill("#list-name", f"Computer {tag}")
        self.submit("form.saveview")
        self.assertIn("gespeichert", self.text(".notice"))
        self.assertEqual(len(self.find_all("tr[data-item]")), 1, "the saved list keeps the filter")
        self.screenshot("cmdb-class")

        self.find(f"tr[data-item='{pc['id']}'] td.title a").click()
        self.wait_for("#item-facts")
        self.assertIn("Im Einsatz", self.text("#deployment-state"))
        self.assertIn("deploy-productive", self.find("#deployment-state").get_attribute("class"))
        self.assertIn("Betriebsbereit", self.text("#incident-state"))
        self.assertIn("8", self.text("tr[data-attribute='ram_gb']"))
        self.find("a[href$='/edit']").click()
        self.wait_for("#f-attr-ram_gb")
        self.fill("#f-attr-ram_gb", "16")
        self.submit("form.cmdb-form")
        self.assertIn("gespeichert", self.text(".notice"))
        self.assertTrue(self.text("#item-version").startswith("2"))
        diff = self.text("table.diff")
        self.assertIn("Arbeitsspeicher (GB)", diff)
        self.assertIn("8", self.text("table.diff td.old"))
        self.assertIn("16", self.text("table.diff td.new"))
        self.assertEqual(self.server.api("GET", f"/cmdb/items/{pc['id']}")["attributes"]["ram_gb"], 16)

    def test_cmdb_bad_attribute_value_is_shown_next_to_its_field_and_changes_nothing(self):
        pc = self.computer(self.tag())
        self.sign_in()
        self.open(f"/agent/cmdb/items/{pc['id']}/edit")
        self.wait_for("#f-attr-ram_gb")
        self.fill("#f-attr-ram_gb", "viel")
        self.submit("form.cmdb-form")
        error = self.wait_for("div[data-attribute='attr.ram_gb'] .field-error")
        self.assertTrue(error.text)
        self.assertEqual(self.server.api("GET", f"/cmdb/items/{pc['id']}")["version"], 1)

    def test_cmdb_stale_edit_is_explained_and_changes_nothing(self):
        tag = self.tag()
        pc = self.computer(tag)
        self.sign_in()
        self.open(f"/agent/cmdb/items/{pc['id']}/edit")
        self.wait_for("#f-attr-ram_gb")
        self.server.api("PATCH", f"/cmdb/items/{pc['id']}", {"name": f"PC-API-{tag}"})
        self.fill("#f-attr-ram_gb", "32")
        self.submit("form.cmdb-form")
        self.assertIn("zwischenzeitlich geändert", self.text("#stale-error"))
        self.assertIn("Version 2", self.text("#stale-error"))
        item = self.server.api("GET", f"/cmdb/items/{pc['id']}")
        self.assertEqual((item["name"], item["attributes"]["ram_gb"], item["version"]), (f"PC-API-{tag}", 8, 2))

    def test_cmdb_relation_graph_and_linked_ticket_with_sla(self):
        tag = self.tag()
        pc, printer = self.computer(tag), self.printer(tag)
        ticket = self.create_ticket(f"Drucker {tag} druckt nicht", type="Störung")
        self.server.api("POST", f"/tickets/{ticket['id']}/links", {"type": "affects", "targetObject": "configItem", "targetId": pc["id"]})
        self.sign_in()
        self.open(f"/agent/cmdb/items/{pc['id']}")
        self.select("#relation-type", "hängt ab von")
        self.fill("#relation-target", printer["number"])
        self.submit("form.relate")
        self.assertIn("angelegt", self.text(".notice"))
        self.assertIn(printer["name"], self.text("table.relations"))
        node = self.find(f"ul.graph li[data-node='{printer['id']}']")
        self.assertIn("hängt ab von", node.text)
        self.fill("#relation-target", "CI9999999")
        self.submit("form.relate")
        self.assertIn("CI9999999", self.text("#relation-error"))
        self.assertEqual(len(self.server.api("GET", f"/cmdb/items/{pc['id']}/relations")["items"]), 1)

        self.open(f"/agent/cmdb/items/{printer['id']}?depth=2")
        self.assertIn("wird benötigt von", self.text(f"ul.graph li[data-node='{pc['id']}']"))
        self.open(f"/agent/cmdb/items/{pc['id']}")
        row = self.find(f"#tickets tr[data-ticket='{ticket['id']}']")
        self.assertTrue(row.find_element(By.CSS_SELECTOR, f"a[href='/agent/tickets/{ticket['id']}']"))
        self.assertIn("im Plan", row.find_element(By.CSS_SELECTOR, ".sla").text)
        self.assertIn("Störung", self.text("#incident-state"), "an open incident ticket puts the item into incident")
        self.screenshot("cmdb-item")

        self.find(f"table.relations form[action$='/delete'] button").click()
        self.browser.switch_to.alert.accept()
        self.wait_until(lambda: self.find_all(".notice") and "entfernt" in self.text(".notice"))
        self.assertEqual(self.server.api("GET", f"/cmdb/items/{pc['id']}/relations")["items"], [])
        self.assertFalse(self.find_all(f"ul.graph li[data-node='{printer['id']}']"))

    def test_cmdb_import_dry_run_names_the_bad_row_then_imports_and_exports(self):
        tag = self.tag()
        folder = tempfile.mkdtemp()
        bad = os.path.join(folder, "rechner.csv")
        with open(bad, "w", encoding="utf-8") as handle:
            handle.write(f"Name;Seriennummer;Arbeitsspeicher (GB)\nIMP-{tag}-1;IMP{tag}A;16\nIMP-{tag}-2;IMP{tag}B;viel\n")
        self.sign_in()
        self.open("/agent/cmdb/import")
        self.select("#import-class", "Computer")
        self.find("#import-file").send_keys(bad)
        self.find("button[value=dry]").click()
        self.wait_for("table.import-errors")
        rows = self.find_all("table.import-errors tbody tr")
        self.assertEqual([r.find_element(By.CSS_SELECTOR, "th").text for r in rows], ["3"], "the report names the bad row")
        self.assertIn("ram_gb", rows[0].text)
        self.assertIn("Bitte geben Sie eine Zahl ein.", rows[0].text, "the row's problem in the page's language")
        self.assertEqual(self.server.api("GET", f"/cmdb/items?class=Computer&attr.serial_number=IMP{tag}*")["items"], [],
                         "a dry run writes nothing")

        good = os.path.join(folder, "rechner-korrigiert.csv")
        with open(good, "w", encoding="utf-8") as handle:
            handle.write(f"Name;Seriennummer;Arbeitsspeicher (GB)\nIMP-{tag}-1;IMP{tag}A;16\nIMP-{tag}-2;IMP{tag}B;32\n")
        self.select("#import-class", "Computer")
        self.find("#import-file").send_keys(good)
        self.find("button[value=dry]").click()
        self.wait_for("#import-confirm-form")
        self.submit("#import-confirm-form")
        self.assertIn("Import abgeschlossen", self.text("#report"))
        computer = self.class_id("Computer")
        found = self.server.api("GET", f"/cmdb/items?class=Computer&attr.serial_number=IMP{tag}*")["items"]
        self.assertEqual(sorted(i["name"] for i in found), [f"IMP-{tag}-1", f"IMP-{tag}-2"])

        self.open(f"/agent/cmdb/classes/{computer}?attr.serial_number=IMP{tag}*")
        href = self.find("a[download]").get_attribute("href")
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in self.browser.get_cookies())
        request = urllib.request.Request(href, headers={"Cookie": cookies})
        with urllib.request.urlopen(request, timeout=30) as response:
            self.assertTrue(response.headers["Content-Type"].startswith("text/csv"))
            text = response.read().decode("utf-8-sig")
        self.assertIn(f"IMP-{tag}-2", text)
        self.assertEqual(len(text.strip().splitlines()), 3, "header and the two imported computers")

    def agent_with(self, tag, rights):
        """Signs in a new agent whose one role reads and notes in the Servicedesk queue and holds the CMDB `rights`."""
        queue = next(q["id"] for q in self.server.api("GET", "/queues")["items"] if q["name"] == "Servicedesk")
        role = self.server.api("POST", "/roles", {"name": f"cmdb-{tag}", "queues": {str(queue): ["read", "note"]}, "rights": rights})
        login = f"c.{tag}"
        self.server.create_agent(login, "agent-pass-123", role_ids=[role["id"]])
        self.sign_in(login, "agent-pass-123")

    def test_cmdb_read_only_agent_sees_everything_and_no_way_to_change_it(self):
        tag = self.tag()
        pc, printer = self.computer(tag), self.printer(tag)
        self.server.api("POST", f"/cmdb/items/{pc['id']}/relations", {"type": "dependsOn", "targetId": printer["id"]})
        self.agent_with(tag, ["cmdb.read"])
        self.open("/agent/cmdb")
        self.assertTrue(self.find_all("nav.mainnav a[href='/agent/cmdb']"), "the CMDB is in the top bar")
        self.assertFalse(self.find_all("a[href='/agent/cmdb/import']"), "no import button")
        self.assertFalse(self.find_all("a[href^='/agent/cmdb/classes/'][href$='/new']"), "no new-item links")
        self.open(f"/agent/cmdb/items/{pc['id']}")
        self.assertIn(printer["name"], self.text("table.relations"))
        self.assertFalse(self.find_all(f"a[href='/agent/cmdb/items/{pc['id']}/edit']"), "no edit button")
        self.assertFalse(self.find_all("form.relate") or self.find_all("table.relations form"), "no relation forms")
        self.open(f"/agent/cmdb/classes/{self.class_id('Computer')}")
        self.assertTrue(self.find_all("tr[data-item]"))
        self.assertFalse(self.find_all("form.saveview"), "no saving of lists")
        self.screenshot("cmdb-read-only")
        for path in ("/agent/cmdb/import", f"/agent/cmdb/items/{pc['id']}/edit"):
            self.open(path)
            self.assertIn("Keine Berechtigung", self.text("h1"), path)

    def test_cmdb_agent_without_rights_gets_nothing(self):
        tag = self.tag()
        pc = self.computer(tag)
        self.agent_with(tag, [])
        self.assertFalse(self.find_all("nav.mainnav a[href='/agent/cmdb']"), "no CMDB in the top bar")
        for path in ("/agent/cmdb", f"/agent/cmdb/items/{pc['id']}", "/agent/cmdb/items?q=PF3X"):
            self.open(path)
            self.assertIn("Keine Berechtigung", self.text("h1"), path)
            self.assertNotIn(pc["name"], self.browser.page_source, path)

    def test_cmdb_key_attributes_in_lists_and_on_tickets(self):
        tag = self.tag()
        pc = self.computer(tag)
        self.server.api("PATCH", f"/cmdb/items/{pc['id']}", {"attributes": {"model": f"Esprimo {tag}", "hostname": f"ba-{tag}"}})
        ticket = self.create_ticket(f"Rechner {tag} startet nicht", type="Störung")
        self.server.api("POST", f"/tickets/{ticket['id']}/links", {"type": "affects", "targetObject": "configItem", "targetId": pc["id"]})
        self.sign_in()
        self.open(f"/agent/cmdb/classes/{self.class_id('Computer')}?attr.serial_number=PF3X{tag}")
        headers = [th.get_attribute("textContent").strip() for th in self.find_all("table.cmdb-items thead th")]
        for label in ("Seriennummer", "Inventarnummer", "Modell", "Hostname", "Nutzer"):
            self.assertIn(label, headers)
        self.assertIn(f"Esprimo {tag}", self.text(f"tr[data-item='{pc['id']}']"))
        self.open(f"/agent/tickets/{ticket['id']}")
        keys = self.find("dl.key-attributes")
        self.assertEqual(keys.find_element(By.CSS_SELECTOR, "div[data-attribute='inventory_number'] dd").text, f"INV-{tag}")
        self.assertEqual(keys.find_element(By.CSS_SELECTOR, "div[data-attribute='hostname'] dd").text, f"ba-{tag}")
        self.assertFalse(keys.find_elements(By.CSS_SELECTOR, "div[data-attribute='ram_gb']"), "only key attributes")
        self.assertTrue(self.find_all(f"a[href='/agent/cmdb/items/{pc['id']}']"), "the item links to its page")
        self.screenshot("ticket-affected-items")

    def test_cmdb_rights_of_a_role_and_impact_settings_through_the_admin_pages(self):
        tag = self.tag()
        self.sign_in()
        self.open("/admin/roles/new")
        self.fill("#f-name", f"Inventur {tag}")
        self.find("#f-rights-cmdb-write").click()
        self.screenshot("admin-role-cmdb")
        self.submit("main form[method=post]")
        self.assertEqual(self.path(), "/admin/roles")
        self.assertIn("CMDB lesen, CMDB pflegen", self.text("table.admin-list"))
        stored = next(r for r in self.server.api("GET", "/roles")["items"] if r["name"] == f"Inventur {tag}")
        self.assertEqual(stored["rights"], ["cmdb.read", "cmdb.write"], "maintaining includes reading")
        self.open(f"/admin/roles/{stored['id']}")
        self.assertTrue(self.find("#f-rights-cmdb-read").is_selected())

        types = {t["name"]: t["id"] for t in self.server.api("GET", "/types")["items"]}
        before = self.server.api("GET", "/cmdb/impact-settings")
        self.open("/admin/cmdb-impact")
        self.find(f"input[name=ticketTypeIds][value='{types['Problem']}']").click()
        self.submit("main form[method=post]")
        self.assertIn("gespeichert", self.text(".notice"))
        after = self.server.api("GET", "/cmdb/impact-settings")
        self.assertIn(types["Problem"], after["ticketTypeIds"])
        self.assertEqual(after["version"], before["version"] + 1)
        self.open("/admin/")
        self.assertIn("CMDB-Störungsstatus", self.text())
