"""The portal's service catalogue: customers browse the tree, find a category by a keyword and open it;
categories for another organisation stay hidden."""

import time

from harness import BrowserTest


class PortalCatalogueTests(BrowserTest):
    def test_customer_finds_a_category_by_keyword(self):
        tag = time.time_ns() % 100000
        self.create_customer(f"katalog{tag}", f"katalog{tag}@stadt.example")
        other = self.server.api("POST", "/organisations", {"name": f"Stadtwerke {tag}"})

        def category(title, parent=None, **extra):
            body = {"titleDE": title, "titleEN": title, "visibility": "customers", "parentId": parent}
            body.update(extra)
            return self.server.api("POST", "/portal/categories", body)["id"]

        hardware = category(f"Hardware {tag}", descriptionDE="Geräte am Arbeitsplatz", icon="monitor")
        printers = category(f"Drucker {tag}", hardware, descriptionDE="Drucker und Verbrauchsmaterial", icon="printer")
        cartridges = category(f"Patronen bestellen {tag}", printers, descriptionDE="Neue Tintenpatronen für Ihren Drucker",
                         icon="droplet", keywords=[f"kartusche{tag}"])
        category(f"Geheim {tag}", hardware, visibility="organisations", organisationIds=[other["id"]], keywords=[f"kartusche{tag}"])

        self.portal_sign_in(f"katalog{tag}")
        self.open("/portal/catalogue")
        group = self.find(f".catalogue-group [data-category='{hardware}']").find_element("xpath", "..")
        self.assertIn(f"Drucker {tag}", group.text, "the tree shows sub-categories under their parent")
        self.assertNotIn(f"Geheim {tag}", self.browser.page_source, "another organisation's category stays hidden")

        self.fill("#p-cq", f"KARTUSCHE{tag}")
        self.submit("form.catalogue-search")
        hits = self.find_all(".catalogue-hits [data-category]")
        self.assertEqual([hit.get_attribute("data-category") for hit in hits], [str(cartridges)])
        self.assertIn(f"Drucker {tag}", hits[0].text, "a hit names its parent")
        hits[0].find_element("css selector", "a").click()
        self.wait_until(lambda: self.path() == f"/portal/catalogue/{cartridges}")
        self.assertEqual(self.text("h1"), f"Patronen bestellen {tag}")
        self.assertIn("Neue Tintenpatronen", self.text("main"))

        self.open(f"/portal/catalogue/{printers}")
        self.assertIn(f"Patronen bestellen {tag}", self.text(".catalogue-hits"))
