import Domain
import Foundation
import SQLKit
import Store

/// First-start setup: default states, priorities, types, queues, services, roles, calendars and SLAs a German
/// city's IT department would recognise, and the `admin` agent.
public struct Seeder: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) {
        self.context = context
    }

    /// Seeds an empty database. Returns the generated admin password when one was generated
    /// (nil when the database was seeded before or the password came from the caller).
    public func seedIfEmpty(adminPassword: String?) async throws -> String? {
        let password = adminPassword ?? Secrets.newToken(prefix: "").prefix(20).description
        let hash = try await AuthService(context: context).hashPassword(password)
        let now = context.now()
        let seeded = try await context.database.transaction { db in
            let settings = Settings(db)
            guard try await settings.value("seeded") == nil else { return false }
            for (name, english, type, suspends) in Self.states {
                _ = try await Records<TicketState>(db).insert(TicketState(id: 0, name: name, nameEN: english, type: type, suspendsSLA: suspends))
            }
            var priorityIDs: [Int: Int64] = [:]
            for (rank, name, english) in Self.priorities {
                priorityIDs[rank] = try await Records<Priority>(db).insert(Priority(id: 0, name: name, nameEN: english, rank: rank)).id
            }
            for (name, english) in Self.types {
                _ = try await Records<TicketType>(db).insert(TicketType(id: 0, name: name, nameEN: english))
            }
            var queueIDs: [Int64] = []
            var parents: [String: Int64] = [:]
            for (name, parent) in Self.queues {
                let queue = try await Records<Queue>(db).insert(Queue(id: 0, name: name, parentID: parent.flatMap { parents[$0] }))
                parents[name] = queue.id
                queueIDs.append(queue.id)
            }
            for name in Self.services {
                _ = try await Records<Service>(db).insert(Service(id: 0, name: name))
            }
            try await seedSLAs(db: db, highestPriorityID: priorityIDs[5])
            let agentRole = try await RoleRepository(db).insert(Role(
                id: 0, name: "IT-Servicedesk", comment: "Alle Rechte in allen mitgelieferten Queues, pflegt die CMDB",
                queueRights: Dictionary(uniqueKeysWithValues: queueIDs.map { ($0, QueueRights.all) }), rights: .all
            ))
            _ = try await RoleRepository(db).insert(Role(
                id: 0, name: "CMDB-Auskunft", comment: "Sieht die CMDB (Geräte, Beziehungen, Verlauf), ändert nichts", rights: .cmdbRead
            ))
            _ = try await UserRepository(db).insert(User(
                id: 0, login: "admin", firstName: "Admin", lastName: "Ticketwerk", isAgent: true, isAdmin: true,
                roleIDs: [agentRole.id], createdAt: now
            ), passwordHash: hash)
            try await settings.set("seeded", InternetDateTime.format(now))
            return true
        }
        try await seedCMDBIfEmpty()
        return seeded && adminPassword == nil ? password : nil
    }

    /// Creates the default configuration-item classes once, also in databases seeded before the CMDB existed.
    private func seedCMDBIfEmpty() async throws {
        let now = context.now()
        let dialect = context.database.dialect
        try await context.database.transaction { db in
            let settings = Settings(db)
            guard try await settings.value("seeded.cmdb") == nil else { return }
            for seed in CMDBSeedClasses.all {
                let definition = CIClassDefinition(sections: CMDBSeedClasses.sections, attributes: seed.attributes)
                let stored = try await CIClassRepository(db).insert(
                    CIClass(id: 0, name: seed.name, nameEN: seed.nameEN, version: 1, definition: definition, createdAt: now, changedAt: now), by: nil
                )
                try await CIAttributeIndexes(db, dialect: dialect).sync(classID: stored.id, definition: definition)
            }
            try await settings.set("seeded.cmdb", InternetDateTime.format(now))
        }
    }

    /// Saxony's administration week (the default calendar) and 24×7; SLA "Standard" for every ticket and
    /// "Kritisch" for the highest priority.
    private func seedSLAs(db: any SQLDatabase, highestPriorityID: Int64?) async throws {
        let calendars = Records<CalendarRecord>(db)
        let saxony = try await calendars.insert(CalendarRecord(id: 0, calendar: .saxony, comment: "Mo–Fr 07:30–12:00 und 12:30–16:00, Feiertage in Sachsen"))
        _ = try await calendars.insert(CalendarRecord(id: 0, calendar: .allDay, comment: "Rund um die Uhr"))
        let slas = Records<SLAPolicy>(db)
        let standard = try await slas.insert(SLAPolicy(
            id: 0, name: "Standard", targets: SLATargets(firstResponseMinutes: 240, updateMinutes: 960, solutionMinutes: 2400),
            comment: "Erstreaktion 4 h, Aktualisierung 2 Tage, Lösung 5 Tage (Arbeitszeit)"
        ))
        let critical = try await slas.insert(SLAPolicy(
            id: 0, name: "Kritisch", targets: SLATargets(firstResponseMinutes: 30, updateMinutes: 120, solutionMinutes: 480),
            warnAtPercent: 75, comment: "Erstreaktion 30 min, Aktualisierung 2 h, Lösung 1 Tag (Arbeitszeit)"
        ))
        var bindings = [SLABinding(scope: .default, slaID: standard.id)]
        if let highestPriorityID { bindings.append(SLABinding(scope: .default, priorityID: highestPriorityID, slaID: critical.id)) }
        try await SLAConfigurationStore(db).save(SLAConfiguration(defaultCalendarID: saxony.id, bindings: bindings))
    }

    static let states: [(String, String, StateType, Bool)] = [
        ("neu", "new", .new, false),
        ("offen", "open", .open, false),
        ("in Bearbeitung", "in progress", .open, false),
        ("warten auf Rückmeldung", "waiting for customer", .pendingReminder, true),
        ("warten auf Dritte", "waiting for third party", .pendingReminder, false),
        ("warten auf Erinnerung", "pending reminder", .pendingReminder, false),
        ("warten auf automatisch geschlossen", "pending auto close", .pendingAutoClose, true),
        ("gelöst", "solved", .closed, false),
        ("geschlossen (erfolgreich)", "closed (successful)", .closed, false),
        ("geschlossen (nicht erfolgreich)", "closed (unsuccessful)", .closed, false),
        ("zusammengefasst", "merged", .merged, false),
        ("entfernt", "removed", .removed, false),
    ]

    static let priorities: [(Int, String, String)] = [
        (1, "1 sehr niedrig", "1 very low"), (2, "2 niedrig", "2 low"), (3, "3 normal", "3 normal"),
        (4, "4 hoch", "4 high"), (5, "5 sehr hoch", "5 very high"),
    ]

    static let types: [(String, String)] = [
        ("Störung", "Incident"), ("Serviceanfrage", "Service request"), ("Problem", "Problem"),
        ("Änderung", "Change"), ("Bürgeranliegen", "Citizen concern"),
    ]

    static let queues: [(String, String?)] = [
        ("Servicedesk", nil), ("Servicedesk::1st Level", "Servicedesk"), ("Servicedesk::2nd Level", "Servicedesk"),
        ("Arbeitsplatz", nil), ("Netzwerk", nil), ("Fachverfahren", nil), ("Bürgeranliegen", nil), ("Spam", nil),
    ]

    static let services: [String] = [
        "Arbeitsplatz-PC", "Drucken", "E-Mail und Kalender", "Telefonie", "Fachverfahren", "Netzwerk und VPN",
        "Videokonferenz", "Zugänge und Berechtigungen",
    ]
}
