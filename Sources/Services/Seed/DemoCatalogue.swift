import Domain
import Foundation
import Store

/// A service catalogue a German city's IT would recognise — Hardware → Drucker → Toner bestellen, Software →
/// Installation, Zugänge → Verzeichnisberechtigung, Videokonferenz → Berechtigung, Bürgeranliegen → Straßenschaden
/// melden and Allgemeines Anliegen — with its fields and forms. Seeded once by `ticketwerk serve --demo`; running it
/// again changes nothing.
public struct DemoCatalogue: Sendable {
    static let settingKey = "seeded.portalDemo"

    let context: ServiceContext
    let masterData: MasterDataCache

    public init(context: ServiceContext, masterData: MasterDataCache) {
        self.context = context
        self.masterData = masterData
    }

    /// Seeds the demo catalogue unless it was seeded before; returns whether it seeded.
    @discardableResult
    public func seedIfAbsent() async throws -> Bool {
        guard try await context.database.read({ db in try await Settings(db).value(Self.settingKey) }) == nil else { return false }
        let fields = FieldService(context: context)
        let existing = Set(try await fields.definitions(for: .ticket).map(\.name))
        for definition in Self.fields where !existing.contains(definition.name) {
            _ = try await fields.define(definition, by: .system)
        }
        let master = try await masterData.current(context.database)
        func queue(_ name: String) -> Int64 { master.queues.first { $0.name == name }?.id ?? master.queues[0].id }
        let request = master.types.first { $0.name == "Serviceanfrage" }?.id
        let concern = master.types.first { $0.name == "Bürgeranliegen" }?.id
        let computerClass = try await context.database.read { db in try await CIClassRepository(db).find(name: "Computer")?.id }
        let forms = RequestFormService(context: context, masterData: masterData)
        let catalogue = CatalogueService(context: context)

        func form(_ form: RequestForm) async throws -> Int64 { try await forms.create(form, by: .system).record.id }
        func category(
            _ parent: Int64?, _ de: String, _ en: String, _ descriptionDE: String, _ descriptionEN: String, icon: String, keywords: [String],
            order: Int, visibility: CatalogueVisibility = .customers, form: Int64? = nil
        ) async throws -> Int64 {
            let json: [String: Any?] = [
                "parentId": parent, "titleDE": de, "titleEN": en, "descriptionDE": descriptionDE, "descriptionEN": descriptionEN,
                "icon": icon, "keywords": keywords, "sortOrder": order, "visibility": visibility.rawValue, "formId": form,
            ]
            let input = try JSONDecoder().decode(CategoryInput.self, from: JSONSerialization.data(withJSONObject: json.compactMapValues { $0 }))
            return try await catalogue.create(input, by: .system).id
        }

        let toner = try await form(RequestForm(
            name: "Toner bestellen", queueID: queue("Arbeitsplatz"), typeID: request, serviceID: master.services.first { $0.name == "Drucken" }?.id,
            titlePattern: "Toner bestellen: {{field.druckermodell}}",
            pages: [
                FormPage(title: "Drucker", sections: [FormSection(
                    heading: "Welcher Drucker?",
                    text: "Das Modell steht auf der Vorderseite des Druckers, z. B. **HP LaserJet M404**.\n\n- Bitte pro Drucker eine Bestellung\n- Farbtoner nur für Farbdrucker",
                    items: [
                        FormItem(field: "druckermodell", help: "Wie auf dem Gerät angegeben", placeholder: "HP LaserJet M404", required: true),
                        FormItem(field: "tonerfarbe", required: true, defaultValue: .string("Schwarz")),
                        FormItem(field: "anzahl", required: true, defaultValue: .number(1)),
                    ]
                )]),
                FormPage(title: "Lieferung", sections: [FormSection(
                    heading: "Lieferung", text: "Toner wird in der Regel innerhalb von zwei Arbeitstagen geliefert.",
                    items: [
                        FormItem(field: "eilig"),
                        FormItem(field: "begruendung", help: "Warum wird der Toner sofort gebraucht?", required: true,
                                 showWhen: FormCondition(field: "eilig", values: ["true"])),
                        FormItem(kind: .upload, field: "foto", label: "Foto des Typenschilds"),
                    ]
                )]),
            ]
        ))
        let installation = try await form(RequestForm(
            name: "Software installieren", queueID: queue("Arbeitsplatz"), typeID: request,
            titlePattern: "Installation: {{field.software}}",
            pages: [FormPage(sections: [FormSection(
                heading: "Software", text: "Es kann nur **freigegebene** Software installiert werden. Die Liste steht im [Intranet](https://intranet.stadt.example/software).",
                items: [FormItem(field: "software", required: true), FormItem(field: "begruendung", required: true)]
            )])]
        ))
        let directory = try await form(RequestForm(
            name: "Verzeichnisberechtigung", queueID: queue("Servicedesk"), typeID: request,
            serviceID: master.services.first { $0.name == "Zugänge und Berechtigungen" }?.id,
            titlePattern: "Verzeichnisberechtigung: {{field.verzeichnis}}",
            pages: [FormPage(sections: [FormSection(
                heading: "Berechtigung", text: "Die Freigabe erteilt die Leitung des Verzeichnisses.",
                items: [FormItem(field: "verzeichnis", placeholder: "\\\\fileserver\\amt\\projekte", required: true),
                        FormItem(field: "zugriffsart", required: true), FormItem(field: "begruendung", required: true)]
            )])]
        ))
        var conferenceItems = [FormItem(field: "begruendung", required: true)]
        if let computerClass { conferenceItems.insert(FormItem(kind: .configItem, field: "geraet", help: "Auf welchem Ihrer Geräte?", ciClassID: computerClass), at: 0) }
        let conference = try await form(RequestForm(
            name: "Videokonferenz-Berechtigung", queueID: queue("Servicedesk"), typeID: request,
            serviceID: master.services.first { $0.name == "Videokonferenz" }?.id,
            titlePattern: "Videokonferenz-Berechtigung für {{requester.name}}",
            pages: [FormPage(sections: [FormSection(heading: "Videokonferenz", items: conferenceItems)])]
        ))
        let damage = try await form(RequestForm(
            name: "Straßenschaden melden", queueID: queue("Bürgeranliegen"), typeID: concern,
            titlePattern: "Straßenschaden: {{field.strasse}}",
            pages: [FormPage(sections: [FormSection(
                heading: "Wo ist der Schaden?", text: "Bei **Gefahr für Leib und Leben** rufen Sie bitte sofort die 110 an.",
                items: [FormItem(field: "strasse", placeholder: "Hauptstraße 12", required: true), FormItem(field: "schadensart", required: true),
                        FormItem(field: "beschreibung"), FormItem(kind: .upload, field: "fotos", label: "Fotos")]
            )])]
        ))
        let general = try await form(RequestForm(
            name: "Allgemeines Anliegen", queueID: queue("Bürgeranliegen"), typeID: concern, titlePattern: "{{field.betreff}}",
            pages: [FormPage(sections: [FormSection(items: [FormItem(field: "betreff", required: true), FormItem(field: "beschreibung", required: true)])])]
        ))

        let hardware = try await category(nil, "Hardware", "Hardware", "Geräte am Arbeitsplatz", "Devices at your workplace", icon: "monitor",
                                          keywords: ["Gerät", "PC"], order: 10)
        let printers = try await category(hardware, "Drucker", "Printers", "Drucker und Verbrauchsmaterial", "Printers and supplies", icon: "printer",
                                          keywords: ["drucken"], order: 10)
        _ = try await category(printers, "Toner bestellen", "Order toner", "Toner für Ihren Arbeitsplatzdrucker", "Toner for your desk printer",
                               icon: "droplet", keywords: ["Toner", "Kartusche", "Patrone"], order: 10, form: toner)
        let software = try await category(nil, "Software", "Software", "Programme und Fachverfahren", "Programs and applications", icon: "package",
                                          keywords: ["Programm"], order: 20)
        _ = try await category(software, "Installation", "Installation", "Freigegebene Software installieren lassen", "Have approved software installed",
                               icon: "download", keywords: ["installieren", "Programm"], order: 10, form: installation)
        let access = try await category(nil, "Zugänge", "Access", "Konten und Berechtigungen", "Accounts and permissions", icon: "key",
                                        keywords: ["Konto", "Passwort"], order: 30)
        _ = try await category(access, "Verzeichnisberechtigung", "Folder permission", "Zugriff auf ein Netzlaufwerk", "Access to a network folder",
                               icon: "folder", keywords: ["Laufwerk", "Ordner", "Freigabe"], order: 10, form: directory)
        let video = try await category(nil, "Videokonferenz", "Video conferencing", "Besprechungen per Video", "Video meetings", icon: "video",
                                       keywords: ["Webex", "Teams"], order: 40)
        _ = try await category(video, "Berechtigung", "Permission", "Videokonferenzen selbst anlegen dürfen", "Be allowed to host video conferences",
                               icon: "video", keywords: ["Konferenz"], order: 10, form: conference)
        let citizens = try await category(nil, "Bürgeranliegen", "Citizen concerns", "Anliegen von Bürgerinnen und Bürgern", "Concerns of citizens",
                                          icon: "users", keywords: ["Bürger"], order: 50, visibility: .everyone)
        _ = try await category(citizens, "Straßenschaden melden", "Report road damage", "Schlagloch, Gehweg, Beleuchtung", "Pothole, pavement, lighting",
                               icon: "alert-triangle", keywords: ["Schlagloch", "Straße", "Gehweg"], order: 10, visibility: .everyone, form: damage)
        _ = try await category(citizens, "Allgemeines Anliegen", "General concern", "Alles andere", "Everything else",
                               icon: "message-circle", keywords: ["Frage", "Hinweis"], order: 20, visibility: .everyone, form: general)
        try await context.database.transaction { db in try await Settings(db).set(Self.settingKey, InternetDateTime.format(context.now())) }
        return true
    }

    /// The ticket fields the demo forms ask for; all are shown to requesters.
    static let fields: [FieldDefinition] = [
        FieldDefinition(name: "druckermodell", label: "Druckermodell", object: .ticket, type: .text, customerVisible: true),
        FieldDefinition(name: "tonerfarbe", label: "Tonerfarbe", object: .ticket, type: .select,
                        options: ["Schwarz", "Cyan", "Magenta", "Gelb"], customerVisible: true),
        FieldDefinition(name: "anzahl", label: "Anzahl", object: .ticket, type: .number, customerVisible: true, minimum: 1, maximum: 20),
        FieldDefinition(name: "eilig", label: "Eilig", object: .ticket, type: .checkbox, customerVisible: true),
        FieldDefinition(name: "begruendung", label: "Begründung", object: .ticket, type: .textarea, customerVisible: true),
        FieldDefinition(name: "software", label: "Software", object: .ticket, type: .text, customerVisible: true),
        FieldDefinition(name: "verzeichnis", label: "Verzeichnis", object: .ticket, type: .text, customerVisible: true),
        FieldDefinition(name: "zugriffsart", label: "Zugriffsart", object: .ticket, type: .select, options: ["Lesen", "Lesen und Schreiben"],
                        customerVisible: true),
        FieldDefinition(name: "geraet", label: "Gerät", object: .ticket, type: .configItemReference, customerVisible: true),
        FieldDefinition(name: "strasse", label: "Straße und Hausnummer", object: .ticket, type: .text, customerVisible: true),
        FieldDefinition(name: "schadensart", label: "Art des Schadens", object: .ticket, type: .select,
                        options: ["Schlagloch", "Gehweg", "Beleuchtung", "Sonstiges"], customerVisible: true),
        FieldDefinition(name: "beschreibung", label: "Beschreibung", object: .ticket, type: .textarea, customerVisible: true),
        FieldDefinition(name: "betreff", label: "Betreff", object: .ticket, type: .text, customerVisible: true),
    ]
}
