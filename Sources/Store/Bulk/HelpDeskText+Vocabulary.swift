/// The word lists and sentence patterns synthetic tickets are written from.
extension HelpDeskText {
    static let femaleNames = [
        "Anna", "Birgit", "Claudia", "Doris", "Elke", "Franziska", "Gabriele", "Heike", "Ines", "Julia", "Katrin", "Laura",
        "Monika", "Nadine", "Petra", "Sabine", "Susanne", "Tanja", "Ute", "Yvonne", "Aylin", "Olga", "Maria", "Sophie",
    ]
    static let maleNames = [
        "Andreas", "Bernd", "Christian", "Daniel", "Frank", "Günter", "Holger", "Jan", "Jürgen", "Klaus", "Lars", "Markus",
        "Michael", "Norbert", "Oliver", "Peter", "Ralf", "Stefan", "Thomas", "Uwe", "Mehmet", "Piotr", "Lukas", "Tobias",
    ]
    static let lastNames = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer",
        "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger",
        "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Köhler", "Herrmann", "König",
        "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel",
        "Yilmaz", "Kowalski", "Nowak", "Öztürk",
    ]
    static let departments: [(name: String, code: String)] = [
        ("Bürgerbüro", "BB"), ("Standesamt", "STA"), ("Ordnungsamt", "OA"), ("Amt für Soziales", "SOZ"), ("Jugendamt", "JA"),
        ("Bauordnungsamt", "BOA"), ("Stadtkasse", "KA"), ("Kämmerei", "KAE"), ("Personalamt", "PA"), ("Gesundheitsamt", "GA"),
        ("Straßenverkehrsbehörde", "SVB"), ("Stadtbibliothek", "BIB"), ("Feuerwehr", "FW"), ("Grünflächenamt", "GFA"),
        ("Hauptamt", "HA"), ("Umweltamt", "UA"), ("Ausländerbehörde", "ABH"), ("Kfz-Zulassungsstelle", "KFZ"),
        ("Schulverwaltungsamt", "SVA"), ("Stadtplanungsamt", "SPA"), ("Liegenschaftsamt", "LA"), ("Rechtsamt", "RA"),
    ]
    static let locations = [
        "im Rathaus, Zimmer 117", "im 2. OG", "im 3. OG, Raum 3.14", "im Bürgerbüro Mitte", "in der Außenstelle Nord",
        "im Verwaltungsgebäude Süd", "im Erdgeschoss am Empfang", "im Sitzungssaal", "im Großraumbüro 4.02",
        "in der Zulassungsstelle", "in der Feuerwache 2", "in der Stadtteilbibliothek Ost", "im Gebäude B, Raum 112",
        "am Standort Bahnhofstraße", "im Homeoffice", "im Schulungsraum 1", "im Archiv im Keller",
    ]
    static let applications = [
        "VOIS", "OK.EWO", "SAP", "AKDN-sozial", "Citrix", "Outlook", "Excel", "Word", "Teams", "Webex", "E-Akte", "DMS",
        "OK.VORGANG", "ProSoz", "Ratsinformationssystem", "Firefox", "Edge", "Adobe Acrobat", "KFZ-Zulassung", "Kassenverfahren",
    ]
    static let extraSearchWords = [
        "fehlermeldung", "neustart", "dringend", "bürgerbüro", "standesamt", "rathaus", "außenstelle", "publikumsverkehr",
        "sachbearbeitung", "error", "restart", "urgent", "citrix", "sap", "teams", "outlook", "excel", "zulassung",
    ]

    static let greetingsDE = ["Guten Tag,", "Hallo IT,", "Sehr geehrte Damen und Herren,", "Liebes Servicedesk-Team,", "Hallo zusammen,", "Moin,"]
    static let greetingsEN = ["Hello,", "Dear service desk,", "Hi team,", "Good morning,", "Hello IT support,"]
    static let openingsDE = [
        "seit heute Morgen haben wir folgendes Problem:", "seit dem Update am Wochenende gibt es eine Störung:",
        "seit gestern Nachmittag funktioniert etwas nicht:", "wir haben immer wieder dasselbe Problem:",
        "ich möchte folgende Störung melden:", "bei uns {ort} gibt es ein Problem:", "heute früh ist uns Folgendes aufgefallen:",
    ]
    static let openingsEN = [
        "since this morning we have the following problem:", "since the update at the weekend something is broken:",
        "I would like to report the following issue:", "we keep running into the same problem:",
        "since yesterday afternoon this no longer works:", "our office {ort} has a problem:",
    ]
    static let detailsDE = [
        "Ein Neustart des Rechners hat leider nicht geholfen.", "Die Kolleginnen im Nachbarbüro haben dasselbe Problem.",
        "Es betrifft nur meinen Arbeitsplatz.", "Das Problem tritt seit dem letzten Windows-Update auf.",
        "Die Fehlermeldung lautet: „Zugriff verweigert ({code})“.", "Ich habe mich bereits ab- und wieder angemeldet, ohne Erfolg.",
        "Betroffen sind {n} Kolleginnen und Kollegen in der Abteilung.", "Gestern hat noch alles funktioniert.",
        "Am Vormittag lief es kurz wieder, jetzt erscheint erneut die Meldung {code}.",
        "Ein Screenshot der Fehlermeldung liegt bei.", "Das Gerät wurde letzte Woche umgestellt.",
    ]
    static let detailsEN = [
        "Restarting the computer did not help.", "My colleagues in the next office have the same problem.",
        "Only my workstation is affected.", "The problem started after the last Windows update.",
        "The error message says: \"Access denied ({code})\".", "I already signed out and in again, without success.",
        "{n} colleagues in our team are affected.", "Everything still worked yesterday.",
        "A screenshot of the error is attached.", "The device was moved last week.",
    ]
    static let impactsDE = [
        "Wir haben heute Publikumsverkehr, bitte um dringende Hilfe.", "Die Sachbearbeitung ist derzeit nicht möglich.",
        "Bis Freitag müssen die Bescheide raus, daher ist es eilig.", "Es ist nicht dringend, stört aber die tägliche Arbeit.",
        "Die Bürgerinnen und Bürger warten bereits am Schalter.", "Ohne das System können wir keine Termine vergeben.",
    ]
    static let impactsEN = [
        "We are open to the public today, so this is urgent.", "We cannot process any cases at the moment.",
        "The notices have to go out by Friday, so this is urgent.", "Not urgent, but it disrupts our daily work.",
        "Citizens are already waiting at the counter.",
    ]
    static let assetLinesDE = ["Rechnername: {host}", "Inventarnummer: {inv}", "Rechner {host}, Inventarnummer {inv}", "Arbeitsplatz: {host} {ort}"]
    static let assetLinesEN = ["Computer name: {host}", "Asset tag: {inv}", "Computer {host}, asset tag {inv}", "Workstation: {host}"]
    static let closingsDE = ["Mit freundlichen Grüßen", "Viele Grüße", "Vielen Dank und freundliche Grüße", "Beste Grüße"]
    static let closingsEN = ["Kind regards", "Best regards", "Thanks and regards", "Many thanks"]
    static let replyOpeningsDE = [
        "vielen Dank für Ihre Meldung.", "wir haben Ihr Anliegen aufgenommen und geprüft.", "danke für die ausführliche Beschreibung.",
        "wir haben Ihre Störungsmeldung an die zuständige Fachgruppe weitergegeben.", "entschuldigen Sie bitte die Wartezeit.",
    ]
    static let replyOpeningsEN = [
        "thank you for your report.", "we have looked into your request.", "thanks for the detailed description.",
        "your report has been passed on to the responsible team.", "sorry for the delay.",
    ]
    static let replyClosingsDE = [
        "Bitte geben Sie uns kurz Rückmeldung, ob nun alles wieder funktioniert.", "Sollte das Problem erneut auftreten, antworten Sie bitte einfach auf diese Nachricht.",
        "Wir schließen das Ticket, wenn wir bis Freitag nichts von Ihnen hören.", "Für Rückfragen erreichen Sie uns unter der Durchwahl 1234.",
    ]
    static let replyClosingsEN = [
        "Please let us know whether everything works again.", "If the problem comes back, simply reply to this message.",
        "We will close the ticket if we do not hear from you by Friday.", "For questions call us on extension 1234.",
    ]
    static let followUpsDE = [
        "vielen Dank, jetzt funktioniert es wieder.", "leider besteht das Problem weiterhin.", "der Neustart hat nichts gebracht, die Meldung erscheint immer noch.",
        "ich bin morgen ab 8 Uhr im Büro erreichbar.", "das hat geholfen, das Ticket kann geschlossen werden.",
        "gibt es schon einen neuen Stand? Wir können weiterhin nicht arbeiten.", "der Kollege war da, jetzt läuft alles.",
    ]
    static let followUpsEN = [
        "thanks, it works again.", "unfortunately the problem is still there.", "the restart did not help, the message still appears.",
        "I am in the office tomorrow from 8 am.", "that helped, you can close the ticket.", "is there any news? We still cannot work.",
    ]
    static let genericNotesDE = [
        "Kundin telefonisch informiert.", "Rückruf vereinbart.", "Warte auf Rückmeldung des Herstellers.", "Siehe auch Ticket vom Vormonat.",
        "Ursache vermutlich das letzte Update.", "Fernwartung durchgeführt.", "Termin vor Ort für Donnerstag vereinbart.",
    ]
    static let genericNotesEN = [
        "Customer informed by phone.", "Call-back arranged.", "Waiting for the vendor.", "See also last month's ticket.",
        "Probably caused by the last update.", "Remote session done.", "On-site visit scheduled for Thursday.",
    ]
    static let addendaDE = [
        "Nachtrag: Inzwischen sind weitere Arbeitsplätze betroffen.", "Noch eine Ergänzung:", "Zur Info für die Kollegen im 2nd Level:",
        "Ich habe es eben noch einmal ausprobiert.", "Falls es hilft:",
    ]
    static let addendaEN = [
        "Update: more workstations are affected now.", "One more thing:", "For the second-level colleagues:", "I just tried again.", "In case it helps:",
    ]

    static let topics: [Topic] = [
        Topic(
            words: ["drucker", "papierstau", "toner", "printer", "druckt", "multifunktionsgerät"],
            titlesDE: ["Drucker druckt nicht", "Papierstau am Drucker {ort}", "Toner leer", "Druckaufträge bleiben in der Warteschlange hängen",
                       "Multifunktionsgerät {ort} zeigt Fehler"],
            titlesEN: ["Printer not printing", "Paper jam on printer {ort}", "Toner empty", "Print jobs stuck in the queue"],
            symptomsDE: ["Der Drucker {ort} druckt nicht mehr.", "Der Drucker meldet ständig Papierstau in Fach 2, obwohl kein Papier klemmt.",
                         "Am Multifunktionsgerät erscheint die Meldung „Toner niedrig“, obwohl die Kartusche neu ist.",
                         "Druckaufträge bleiben in der Warteschlange hängen und werden nicht ausgegeben.",
                         "Ausdrucke aus {app} kommen nur als leere Seiten heraus."],
            symptomsEN: ["The printer {ort} no longer prints.", "The printer keeps reporting a paper jam in tray 2 although no paper is stuck.",
                         "The multifunction device says \"toner low\" although the cartridge is new.", "Print jobs stay in the queue and never come out.",
                         "Printouts from {app} come out as blank pages."],
            fixesDE: ["Wir haben die Druckwarteschlange auf dem Druckserver geleert und den Treiber neu verteilt.",
                      "Der Drucker wurde vor Ort gereinigt, die Einzugsrollen sind getauscht.", "Die neue Tonerkartusche ist unterwegs und wird morgen geliefert."],
            fixesEN: ["We cleared the print queue on the print server and redeployed the driver.", "The printer was cleaned on site and the feed rollers replaced.",
                      "A new toner cartridge is on its way and will arrive tomorrow."],
            notesDE: ["Druckwarteschlange auf PRN-SRV-02 geleert, Treiber neu installiert.", "Wartungsvertrag geprüft, Techniker beim Hersteller angefordert (Fall {case}).",
                      "Einzugsrollen verschlissen, Ersatzteil bestellt."],
            notesEN: ["Cleared the queue on PRN-SRV-02 and reinstalled the driver.", "Checked the maintenance contract, vendor technician requested (case {case}).",
                      "Feed rollers worn out, spare part ordered."]
        ),
        Topic(
            words: ["passwort", "kennwort", "anmeldung", "gesperrt", "password", "konto", "account"],
            titlesDE: ["Passwort vergessen", "Konto gesperrt", "Anmeldung an {app} nicht möglich", "Kennwort abgelaufen", "Benutzerkonto entsperren"],
            titlesEN: ["Forgot my password", "Account locked", "Cannot sign in to {app}", "Password expired"],
            symptomsDE: ["Nach dem Urlaub kann ich mich nicht mehr anmelden, das Konto ist gesperrt.", "Beim Anmelden an {app} erscheint „Benutzername oder Kennwort falsch“.",
                         "Mein Kennwort ist abgelaufen und ich kann es nicht selbst ändern.", "Die Anmeldung am Rechner {host} dauert über fünf Minuten."],
            symptomsEN: ["After my holiday I cannot sign in any more, the account is locked.", "Signing in to {app} fails with \"wrong user name or password\".",
                         "My password has expired and I cannot change it myself.", "Signing in on {host} takes more than five minutes."],
            fixesDE: ["Das Konto ist entsperrt und das Kennwort zurückgesetzt; das Initialpasswort erhalten Sie telefonisch.",
                      "Bitte ändern Sie Ihr Kennwort bei der nächsten Anmeldung.", "Die Anmeldung an {app} ist wieder freigeschaltet."],
            fixesEN: ["The account is unlocked and the password reset; you will get the initial password by phone.",
                      "Please change your password at the next sign-in.", "Your access to {app} has been re-enabled."],
            notesDE: ["Konto im AD entsperrt, Kennwort zurückgesetzt.", "Identität per Rückruf geprüft.", "Kennwortrichtlinie erklärt, Kundin ändert selbst."],
            notesEN: ["Unlocked the account in AD and reset the password.", "Identity checked by call-back.", "Explained the password policy, user changes it herself."]
        ),
        Topic(
            words: ["outlook", "postfach", "mail", "kalender", "mailbox"],
            titlesDE: ["Outlook startet nicht", "Postfach voll", "Kalender wird nicht synchronisiert", "Funktionspostfach einbinden", "E-Mails kommen nicht an"],
            titlesEN: ["Outlook does not start", "Mailbox full", "Calendar not syncing", "Shared mailbox needed", "Emails are not arriving"],
            symptomsDE: ["Outlook startet nicht und bleibt beim Profil laden hängen.", "Mein Postfach ist voll, ich kann keine E-Mails mehr senden.",
                         "Der Kalender im Diensthandy wird nicht mehr synchronisiert.", "E-Mails von externen Absendern kommen seit gestern nicht an.",
                         "Ich benötige Zugriff auf das Funktionspostfach {dept}."],
            symptomsEN: ["Outlook does not start and hangs while loading the profile.", "My mailbox is full and I cannot send emails any more.",
                         "The calendar on my work phone no longer syncs.", "Emails from outside senders have not arrived since yesterday.",
                         "I need access to the shared mailbox of {dept}."],
            fixesDE: ["Das Outlook-Profil wurde neu angelegt.", "Ihr Postfach wurde auf 10 GB erweitert; bitte archivieren Sie dennoch alte Nachrichten.",
                      "Die Berechtigung für das Funktionspostfach ist eingerichtet und erscheint nach dem nächsten Neustart."],
            fixesEN: ["We recreated your Outlook profile.", "Your mailbox was extended to 10 GB; please archive old messages anyway.",
                      "The permission for the shared mailbox is set and will appear after the next restart."],
            notesDE: ["OST-Datei gelöscht, Profil neu erstellt.", "Quota erhöht, Freigabe durch Amtsleitung liegt vor.", "Transportregel am Exchange geprüft."],
            notesEN: ["Deleted the OST file and recreated the profile.", "Raised the quota, approval by the head of office on file.", "Checked the transport rule on Exchange."]
        ),
        Topic(
            words: ["vpn", "netzwerk", "wlan", "verbindung", "homeoffice", "network", "internet", "netzlaufwerk"],
            titlesDE: ["VPN-Verbindung bricht ab", "Kein Netzwerk {ort}", "WLAN im Sitzungssaal funktioniert nicht", "Netzlaufwerk nicht erreichbar"],
            titlesEN: ["VPN keeps disconnecting", "No network {ort}", "Wi-Fi in the meeting room not working", "Network drive unreachable"],
            symptomsDE: ["Die VPN-Verbindung im Homeoffice bricht alle zehn Minuten ab.", "Der Rechner {host} hat kein Netzwerk, die Netzwerkdose blinkt nicht.",
                         "Das WLAN im Sitzungssaal ist sehr langsam.", "Das Netzlaufwerk H: ist nicht mehr erreichbar.", "Das Internet ist extrem langsam, Seiten laden gar nicht."],
            symptomsEN: ["The VPN connection from home drops every ten minutes.", "Computer {host} has no network, the port light is off.",
                         "The Wi-Fi in the meeting room is very slow.", "Network drive H: is no longer reachable.", "The internet is extremely slow, pages do not load."],
            fixesDE: ["Der VPN-Client wurde auf die aktuelle Version aktualisiert.", "Der Switch-Port wurde neu konfiguriert, das Netzwerkkabel getauscht.",
                      "Die Laufwerkszuordnung ist korrigiert."],
            fixesEN: ["The VPN client was updated to the current version.", "The switch port was reconfigured and the network cable replaced.",
                      "The drive mapping has been corrected."],
            notesDE: ["Switch-Port Gi1/0/14 im VLAN 120 neu gesetzt.", "Kabel an Dose 3.14-2 defekt, getauscht.", "DNS-Eintrag für Fileserver korrigiert."],
            notesEN: ["Set switch port Gi1/0/14 to VLAN 120.", "Cable at outlet 3.14-2 broken, replaced.", "Fixed the DNS entry for the file server."]
        ),
        Topic(
            words: ["vois", "ewo", "sap", "schnittstelle", "speichern", "hotfix"],
            titlesDE: ["{app} startet nicht", "Fehler in {app} beim Speichern", "Bescheiddruck aus {app} fehlerhaft", "Schnittstelle zu {app} gestört"],
            titlesEN: ["{app} does not start", "Error in {app} when saving", "Notice printing from {app} broken", "Interface to {app} down"],
            symptomsDE: ["Beim Speichern eines Vorgangs in {app} erscheint die Meldung {code}.", "{app} startet nicht, es kommt nur ein weißes Fenster.",
                         "Der Bescheiddruck aus {app} bricht nach der ersten Seite ab.", "Die nächtliche Schnittstelle nach {app} hat keine Daten geliefert.",
                         "Buchungen in {app} dauern mehrere Minuten."],
            symptomsEN: ["Saving a case in {app} shows the message {code}.", "{app} does not start, only a white window appears.",
                         "Printing notices from {app} stops after the first page.", "The nightly interface to {app} delivered no data.",
                         "Postings in {app} take several minutes."],
            fixesDE: ["Der Hersteller hat einen Hotfix bereitgestellt, den wir heute Abend einspielen.", "Der Anwendungsserver wurde neu gestartet.",
                      "Ihr Benutzerprofil in {app} wurde zurückgesetzt."],
            fixesEN: ["The vendor provided a hotfix which we will install tonight.", "The application server was restarted.", "Your user profile in {app} was reset."],
            notesDE: ["Hersteller-Ticket eröffnet: {case}.", "Logdateien an den 2nd Level übergeben.", "Dienst auf dem Anwendungsserver neu gestartet."],
            notesEN: ["Vendor ticket opened: {case}.", "Log files handed to second level.", "Restarted the service on the application server."]
        ),
        Topic(
            words: ["telefon", "headset", "diensthandy", "rufumleitung", "phone", "anrufbeantworter"],
            titlesDE: ["Telefon ohne Freizeichen", "Headset wird nicht erkannt", "Diensthandy defekt", "Rufumleitung einrichten"],
            titlesEN: ["Phone has no dial tone", "Headset not recognised", "Work phone broken", "Set up call forwarding"],
            symptomsDE: ["Das Telefon {ort} hat kein Freizeichen.", "Das Headset wird vom Rechner nicht erkannt.", "Das Display des Diensthandys ist gesprungen.",
                         "Bitte richten Sie eine Rufumleitung auf die Zentrale ein.", "Der Anrufbeantworter lässt sich nicht abhören."],
            symptomsEN: ["The phone {ort} has no dial tone.", "The computer does not recognise the headset.", "The screen of my work phone is cracked.",
                         "Please set up call forwarding to the switchboard.", "I cannot listen to my voicemail."],
            fixesDE: ["Das Telefon wurde getauscht.", "Ein Ersatzgerät liegt zur Abholung im Servicedesk bereit.", "Die Rufumleitung ist eingerichtet."],
            fixesEN: ["The phone was replaced.", "A replacement device is ready for pick-up at the service desk.", "Call forwarding is set up."],
            notesDE: ["Ersatzgerät aus dem Pool ausgegeben.", "Nebenstelle in der TK-Anlage neu registriert.", "Garantiefall beim Händler angemeldet."],
            notesEN: ["Handed out a pool replacement device.", "Re-registered the extension in the PBX.", "Warranty claim filed with the dealer."]
        ),
        Topic(
            words: ["monitor", "bildschirm", "dockingstation", "laptop", "tastatur", "screen"],
            titlesDE: ["Monitor bleibt schwarz", "Dockingstation erkennt Laptop nicht", "Tastatur defekt", "Zweiter Bildschirm benötigt"],
            titlesEN: ["Monitor stays black", "Docking station does not detect laptop", "Keyboard broken", "Second screen needed"],
            symptomsDE: ["Der zweite Monitor bleibt schwarz.", "Die Dockingstation erkennt den Laptop nicht mehr, weder Bildschirm noch Tastatur funktionieren.",
                         "Auf der Tastatur funktionieren einige Tasten nicht.", "Der Laptop wird sehr heiß und schaltet sich ab.", "Der Bildschirm flackert ständig."],
            symptomsEN: ["The second monitor stays black.", "The docking station no longer detects the laptop; screen and keyboard do not work.",
                         "Some keys on the keyboard do not work.", "The laptop gets very hot and switches off.", "The screen keeps flickering."],
            fixesDE: ["Die Firmware der Dockingstation wurde aktualisiert.", "Ein neuer Monitor wird morgen aufgestellt.", "Die Tastatur wurde getauscht."],
            fixesEN: ["The docking station firmware was updated.", "A new monitor will be set up tomorrow.", "The keyboard was replaced."],
            notesDE: ["Firmware-Update der Dock per Softwareverteilung.", "Monitor aus dem Lager {inv} ausgegeben.", "Lüfter gereinigt."],
            notesEN: ["Dock firmware update via software distribution.", "Issued monitor {inv} from stock.", "Cleaned the fan."]
        ),
        Topic(
            words: ["software", "installation", "lizenz", "update", "install", "licence", "programm"],
            titlesDE: ["Installation von {app} benötigt", "Lizenz für Adobe Acrobat", "Update schlägt fehl", "Software für neuen Mitarbeiter"],
            titlesEN: ["Please install {app}", "Licence for Adobe Acrobat", "Update fails", "Software for new staff member"],
            symptomsDE: ["Für die neue Kollegin benötigen wir {app} auf dem Rechner {host}.", "Das Update auf die neue Version schlägt mit Fehler {code} fehl.",
                         "Wir benötigen eine weitere Lizenz für Adobe Acrobat Pro.", "Nach der Installation fehlt das Programm im Startmenü."],
            symptomsEN: ["Our new colleague needs {app} on computer {host}.", "The update to the new version fails with error {code}.",
                         "We need another licence for Adobe Acrobat Pro.", "After the installation the program is missing from the start menu."],
            fixesDE: ["Die Software wurde über die Softwareverteilung zugewiesen und ist nach dem nächsten Neustart verfügbar.",
                      "Die Lizenz ist zugewiesen.", "Die Installation wurde manuell nachgeholt."],
            fixesEN: ["The software was assigned through software distribution and will be available after the next restart.",
                      "The licence has been assigned.", "We completed the installation manually."],
            notesDE: ["Paket in der Softwareverteilung zugewiesen.", "Lizenz aus Kontingent {dept} genommen.", "Freigabe der Amtsleitung liegt vor."],
            notesEN: ["Assigned the package in software distribution.", "Licence taken from the {dept} pool.", "Approval by head of office on file."]
        ),
        Topic(
            words: ["berechtigung", "zugriff", "ordner", "freigabe", "permission", "access", "gruppe"],
            titlesDE: ["Zugriff auf Ordner {dept}", "Berechtigung für Netzlaufwerk", "Neue Mitarbeiterin: Zugänge einrichten", "Freigabe entziehen"],
            titlesEN: ["Access to folder {dept}", "Permission for network drive", "New employee: set up accounts", "Remove access"],
            symptomsDE: ["Ich benötige Lese- und Schreibzugriff auf den Ordner der Abteilung {dept}.", "Beim Öffnen des Ordners erscheint „Zugriff verweigert“.",
                         "Ab dem 1. des Monats beginnt eine neue Mitarbeiterin, bitte richten Sie die Zugänge ein.",
                         "Ein Kollege hat das Amt gewechselt, bitte entziehen Sie die alten Berechtigungen."],
            symptomsEN: ["I need read and write access to the folder of {dept}.", "Opening the folder shows \"access denied\".",
                         "A new employee starts on the first of the month, please set up her accounts.",
                         "A colleague moved to another office, please remove his old permissions."],
            fixesDE: ["Die Berechtigung ist eingerichtet; bitte melden Sie sich einmal neu an.", "Die Gruppenmitgliedschaft wurde angepasst.",
                      "Die Zugänge sind angelegt, die Zugangsdaten gehen per Hauspost an die Führungskraft."],
            fixesEN: ["The permission is set; please sign out and in once.", "The group membership has been changed.",
                      "The accounts are set up; the credentials go to the line manager by internal mail."],
            notesDE: ["AD-Gruppe GG_{dept}_RW ergänzt.", "Antrag mit Unterschrift der Amtsleitung liegt vor.", "Alte Gruppen entfernt."],
            notesEN: ["Added to AD group GG_{dept}_RW.", "Signed request from head of office on file.", "Removed old groups."]
        ),
        Topic(
            words: ["videokonferenz", "kamera", "mikrofon", "webex", "teams", "meeting"],
            titlesDE: ["Kamera in Teams funktioniert nicht", "Mikrofon wird nicht erkannt", "Videokonferenz im Sitzungssaal", "Webex-Meeting ohne Ton"],
            titlesEN: ["Camera not working in Teams", "Microphone not recognised", "Video conference in the council chamber", "No sound in Webex meeting"],
            symptomsDE: ["In Teams-Besprechungen sieht mich niemand, die Kamera bleibt schwarz.", "Das Mikrofon wird in Webex nicht erkannt.",
                         "Für die Ratssitzung am Donnerstag benötigen wir eine Videokonferenz im Sitzungssaal.", "Im Meeting hören mich die anderen nur abgehackt."],
            symptomsEN: ["Nobody can see me in Teams meetings, the camera stays black.", "Webex does not recognise the microphone.",
                         "We need a video conference in the council chamber for Thursday's meeting.", "Others only hear me in fragments during meetings."],
            fixesDE: ["Der Kameratreiber wurde neu installiert.", "Die Konferenztechnik im Sitzungssaal ist eingerichtet und getestet.",
                      "Bitte wählen Sie in den Geräteeinstellungen das Headset als Mikrofon aus."],
            fixesEN: ["The camera driver was reinstalled.", "The conference equipment in the council chamber is set up and tested.",
                      "Please choose the headset as microphone in the device settings."],
            notesDE: ["Datenschutzeinstellung Kamera in Windows war deaktiviert.", "Technik im Saal getestet, Raumsteuerung neu gestartet.", "USB-Hub getauscht."],
            notesEN: ["Camera privacy setting in Windows was off.", "Tested the room equipment, restarted the room controller.", "Replaced the USB hub."]
        ),
        Topic(
            words: ["formular", "termin", "website", "onlinedienst", "beschwerde", "citizen", "appointment"],
            titlesDE: ["Online-Formular lässt sich nicht absenden", "Terminbuchung auf der Website gestört", "Beschwerde über Onlinedienst", "Anfrage einer Bürgerin"],
            titlesEN: ["Online form cannot be submitted", "Appointment booking on the website broken", "Complaint about online service", "Request from a citizen"],
            symptomsDE: ["Das Online-Formular für den Anwohnerparkausweis lässt sich nicht absenden.", "Bei der Terminbuchung für das Bürgerbüro werden keine freien Termine angezeigt.",
                         "Eine Bürgerin beschwert sich, dass der Onlinedienst seit Tagen nicht erreichbar ist.", "Ein Bürger erhält nach dem Absenden keine Eingangsbestätigung."],
            symptomsEN: ["The online form for the resident parking permit cannot be submitted.", "Booking an appointment for the citizens' office shows no free slots.",
                         "A citizen complains that the online service has been unreachable for days.", "A citizen receives no confirmation after submitting."],
            fixesDE: ["Das Formular wurde korrigiert und ist wieder erreichbar.", "Die Terminkontingente wurden neu eingespielt.", "Der Dienstleister hat die Störung behoben."],
            fixesEN: ["The form has been fixed and is available again.", "The appointment slots were reloaded.", "The provider has fixed the outage."],
            notesDE: ["Zertifikat des Formularservers war abgelaufen.", "Dienstleister informiert, Störungsnummer {case}.", "Antwort an Bürgerin über Pressestelle abgestimmt."],
            notesEN: ["The form server's certificate had expired.", "Provider informed, incident number {case}.", "Reply to citizen agreed with press office."]
        ),
        Topic(
            words: ["scanner", "scannen", "scan"],
            titlesDE: ["Scanner sendet keine E-Mails", "Scannen in Ordner funktioniert nicht", "Eingescannte PDFs unlesbar"],
            titlesEN: ["Scanner does not send emails", "Scan to folder not working", "Scanned PDFs unreadable"],
            symptomsDE: ["Der Scanner {ort} sendet die eingescannten Dokumente nicht mehr per E-Mail.", "Scannen in den Ordner der Abteilung bricht mit Fehler ab.",
                         "Die eingescannten PDFs sind unlesbar und sehr groß."],
            symptomsEN: ["The scanner {ort} no longer emails scanned documents.", "Scanning into the department folder fails with an error.",
                         "Scanned PDFs are unreadable and very large."],
            fixesDE: ["Das SMTP-Relay für den Scanner wurde neu eingetragen.", "Die Scanprofile wurden angepasst (300 dpi, Graustufen)."],
            fixesEN: ["We re-entered the SMTP relay on the scanner.", "The scan profiles were adjusted (300 dpi, greyscale)."],
            notesDE: ["Kennwort des Scan-Dienstkontos war abgelaufen.", "Scanprofil zentral verteilt."],
            notesEN: ["The scan service account's password had expired.", "Distributed the scan profile centrally."]
        ),
        Topic(
            words: ["virus", "phishing", "spam", "anhang", "security"],
            titlesDE: ["Verdächtige E-Mail erhalten", "Virenwarnung auf dem Rechner", "Phishing-Mail geöffnet", "Spam im Postfach"],
            titlesEN: ["Suspicious email received", "Virus warning on my computer", "Opened a phishing email", "Spam in my mailbox"],
            symptomsDE: ["Ich habe eine verdächtige E-Mail mit einem Anhang „Rechnung.zip“ erhalten.", "Der Virenscanner meldet einen Fund auf {host}.",
                         "Ich habe versehentlich auf einen Link in einer Phishing-Mail geklickt.", "Seit heute kommen sehr viele Spam-Mails an."],
            symptomsEN: ["I received a suspicious email with an attachment \"invoice.zip\".", "The virus scanner reports a finding on {host}.",
                         "I accidentally clicked a link in a phishing email.", "Since today I get a lot of spam."],
            fixesDE: ["Der Rechner wurde vorsorglich vom Netz genommen und geprüft; es wurde nichts gefunden.", "Bitte ändern Sie umgehend Ihr Kennwort.",
                      "Der Absender wurde gesperrt."],
            fixesEN: ["The computer was taken off the network as a precaution and checked; nothing was found.", "Please change your password right away.",
                      "The sender has been blocked."],
            notesDE: ["Vorfall an Informationssicherheitsbeauftragten gemeldet.", "Vollscan durchgeführt, ohne Befund.", "Absenderdomain auf Sperrliste."],
            notesEN: ["Incident reported to the information security officer.", "Full scan done, nothing found.", "Sender domain blocklisted."]
        ),
        Topic(
            words: ["arbeitsplatz", "umzug", "neuer", "rechner", "hardware", "computer", "bestellung"],
            titlesDE: ["Umzug des Arbeitsplatzes", "Neuer Rechner für {dept}", "Hardwarebestellung", "Rechner sehr langsam"],
            titlesEN: ["Workplace move", "New computer for {dept}", "Hardware order", "Computer very slow"],
            symptomsDE: ["Am Montag zieht unsere Abteilung {ort} um, bitte bauen Sie die Arbeitsplätze um.", "Für eine neue Stelle benötigen wir einen kompletten Arbeitsplatz.",
                         "Der Rechner {host} ist extrem langsam, das Starten von {app} dauert Minuten.", "Wir möchten zwei Laptops für die Außendienstmitarbeiter bestellen."],
            symptomsEN: ["Our department moves {ort} on Monday, please move the workstations.", "We need a complete workstation for a new position.",
                         "Computer {host} is extremely slow, starting {app} takes minutes.", "We would like to order two laptops for field staff."],
            fixesDE: ["Der Umzug ist für Montag 7 Uhr eingeplant.", "Der neue Rechner ist bestellt, Lieferzeit etwa zwei Wochen.", "Der Rechner wurde neu aufgesetzt."],
            fixesEN: ["The move is scheduled for Monday 7 am.", "The new computer is ordered, delivery in about two weeks.", "The computer has been reinstalled."],
            notesDE: ["Bestellung über Rahmenvertrag ausgelöst.", "Festplatte fast voll, temporäre Dateien gelöscht.", "Umzugsliste mit Hausmeisterei abgestimmt."],
            notesEN: ["Ordered through the framework contract.", "Disk almost full, deleted temporary files.", "Move list agreed with facilities."]
        ),
    ]
}
