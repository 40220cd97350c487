"""Screenshots for the README: a dashboard with a realistic morning's tickets, and a ticket with a conversation.

The test also checks what the screenshots show: every ticket on the dashboard with its SLA standing in words.
"""

from harness import BrowserTest


class ScreenshotTests(BrowserTest):
    MORNING = [
        ("Drucker im 2. OG zieht kein Papier ein", "Servicedesk", "3 normal", "Karin Lehmann <k.lehmann@stadt.example>"),
        ("VPN-Zugang für Homeoffice einrichten", "Netzwerk", "3 normal", "Markus Schulze <m.schulze@stadt.example>"),
        ("Fachverfahren Meldewesen startet nicht", "Fachverfahren", "5 sehr hoch", "Sabine Wagner <s.wagner@stadt.example>"),
        ("Neuer Arbeitsplatz für Auszubildende", "Arbeitsplatz", "2 niedrig", "Personalamt <personal@stadt.example>"),
        ("Straßenlaterne Lindenallee 4 defekt", "Bürgeranliegen", "3 normal", "Jürgen Meier <buerger.meier@example.org>"),
        ("Telefon im Standesamt ohne Freizeichen", "Servicedesk", "4 hoch", "Standesamt <standesamt@stadt.example>"),
    ]

    def test_dashboard_and_ticket_view_screenshots(self):
        me = self.server.api("GET", "/me")
        created = []
        for title, queue, priority, requester in self.MORNING:
            name, address = requester.rstrip(">").split(" <")
            created.append(self.create_ticket(title, queue=queue, customer=address, customerName=name, priority=priority,
                                              body=f"Guten Morgen,\n\n{title}. Bitte um Rückruf.\n\nMit freundlichen Grüßen"))
        for ticket in created[1:3]:
            self.server.api("PATCH", f"/tickets/{ticket['id']}", {"ownerId": me["id"], "state": "in Bearbeitung"})
        filed = self.server.inbound_mail("Karin Lehmann <k.lehmann@stadt.example>", "Scanner im Bauamt meldet Papierstau",
                                         "Guten Morgen,\n\nder Scanner im Bauamt (Raum 2.14) meldet seit heute früh Papierstau, "
                                         "obwohl kein Papier feststeckt.\n\nViele Grüße\nKarin Lehmann")
        conversation = filed["ticketId"]
        self.server.api("POST", f"/tickets/{conversation}/articles",
                        {"body": "Guten Tag Frau Lehmann,\n\nwir haben die Walze bestellt; ein Techniker kommt morgen um 9 Uhr.\n\n"
                                 "Mit freundlichen Grüßen\nIhr IT-Servicedesk", "customerVisible": True})
        self.server.api("POST", f"/tickets/{conversation}/articles",
                        {"body": "Ersatzteil über Rahmenvertrag, Bestellnr. 4711.", "customerVisible": False})
        self.sign_in()
        self.browser.set_window_size(1280, 1000)
        self.open("/agent/")
        text = self.text("#dashboard")
        for title, *_ in self.MORNING:
            self.assertIn(title, text)
        self.assertTrue(all(badge.text for badge in self.find_all("#dashboard .sla")), "every SLA badge has words")
        self.screenshot("readme-dashboard")
        self.open(f"/agent/tickets/{conversation}")
        self.wait_for("#ticket-title")
        self.screenshot("readme-ticket-view")
        self.browser.set_window_size(1280, 800)
