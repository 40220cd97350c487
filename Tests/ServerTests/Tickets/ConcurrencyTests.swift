import Domain
import Foundation
import HTTPTypes
import Logging
import Services
import Store
import Testing

@Suite("Concurrent writers")
struct ConcurrencyTests {
    @Test("parallel creates get unique, well-formed numbers", arguments: TestBackend.available)
    func uniqueNumbers(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let numbers = try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await client.call(.post, "/api/v1/tickets", token: system.adminToken,
                                              json: ["title": "Parallel \(index)", "queue": "Servicedesk"]).object.string("number")
                    }
                }
                return try await group.reduce(into: [String]()) { if let number = $1 { $0.append(number) } }
            }
            #expect(numbers.count == 40)
            #expect(Set(numbers).count == 40)
        }
    }

    /// SQLite commits concurrent transactions together; each must still succeed or fail on its own.
    @Test("concurrent transactions of which some fail: exactly the others' writes are kept", arguments: TestBackend.available)
    func isolatedFailures(backend: TestBackend) async throws {
        try await backend.withDatabase { location in
            let database = try await Database.open(location, logger: Logger(label: "test"))
            try await Migrator(database: database).migrate()
            struct Refused: Error {}
            let succeeded = await withTaskGroup(of: Int?.self) { group in
                for index in 0..<60 {
                    group.addTask {
                        do {
                            try await database.transaction { db in
                                _ = try await Counters(db).next("isolation.\(index)")
                                if index.isMultiple(of: 3) { throw Refused() }
                            }
                            return index
                        } catch {
                            return nil
                        }
                    }
                }
                return await group.reduce(into: Set<Int>()) { if let index = $1 { $0.insert(index) } }
            }
            let stored = try await database.read { db in
                try await db.raw("SELECT name FROM counters WHERE name LIKE 'isolation.%'").all().map { try $0.decode(column: "name", as: String.self) }
            }
            #expect(succeeded == Set((0..<60).filter { !$0.isMultiple(of: 3) }))
            #expect(Set(stored) == Set(succeeded.map { "isolation.\($0)" }))
            await database.close()
        }
    }

    /// SQLite holds a group's full-text writes back until its commit; a caller that fails must take its
    /// search documents with it and leave the others' alone.
    @Test("concurrent transactions that index tickets, some failing: search finds exactly the committed ones",
          arguments: TestBackend.available)
    func isolatedSearchDocuments(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let master = try await system.services.masterData.snapshot()
            let queue = try #require(master.queues.first { $0.name == "Servicedesk" })
            let state = try #require(master.defaultState), priority = try #require(master.defaultPriority)
            let database = system.database
            struct Refused: Error {}
            let succeeded = await withTaskGroup(of: Int?.self) { group in
                for index in 0..<30 {
                    group.addTask {
                        do {
                            try await database.transaction { db in
                                let now = Date()
                                let ticket = try await TicketRepository(db, dialect: database.dialect).insert(Ticket(
                                    id: 0, number: "G\(index)", title: "Gruppe \(index)", queueID: queue.id, stateID: state.id,
                                    priorityID: priority.id, typeID: nil, serviceID: nil, ownerID: nil, responsibleID: nil,
                                    contactID: nil, organisationID: nil, pendingUntil: nil, createdAt: now, changedAt: now, createdBy: 0
                                ), slaClocks: nil)
                                let search = SearchIndex(db, dialect: database.dialect)
                                try await search.index(ticketID: ticket.id, head: ticket.title, body: "Gruppenmarker",
                                                       customerHead: ticket.title, customerBody: "", isNew: true)
                                try await search.append(ticketID: ticket.id, body: "Nachtrag\(index)", customerVisible: false)
                                if index.isMultiple(of: 3) { throw Refused() }
                            }
                            return index
                        } catch {
                            return nil
                        }
                    }
                }
                return await group.reduce(into: Set<Int>()) { if let index = $1 { $0.insert(index) } }
            }
            #expect(succeeded == Set((0..<30).filter { !$0.isMultiple(of: 3) }))
            let found = try await client.call(.get, "/api/v1/tickets?q=Gruppenmarker&limit=100", token: system.adminToken)
            #expect(Set(found.items.compactMap { $0["title"] as? String }) == Set(succeeded.map { "Gruppe \($0)" }))
            let appended = try await client.call(.get, "/api/v1/tickets?q=Nachtrag4", token: system.adminToken)
            #expect(appended.items.compactMap { $0["title"] as? String } == ["Gruppe 4"])
        }
    }

    @Test("two If-Match writers: one wins, the other gets 412 and changes nothing", arguments: TestBackend.available)
    func optimisticLocking(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let id = try #require(try await client.call(.post, "/api/v1/tickets", token: token, json: ["title": "Wettlauf", "queue": "Netzwerk"]).object.int("id"))
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for title in ["Erster", "Zweiter"] {
                    group.addTask {
                        try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: ["title": title], headers: [.ifMatch: "\"1\""]).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.ok, .preconditionFailed])
            let history = try await client.call(.get, "/api/v1/tickets/\(id)/history", token: token)
            #expect(history.items.filter { $0.string("field") == "title" }.count == 1)
        }
    }

    /// Two server nodes (separate connection pools, as two `serve` processes have) on one PostgreSQL database.
    @Test("two nodes on one PostgreSQL database: unique numbers, no lost updates")
    func twoNodes() async throws {
        guard TestBackend.available.contains(.postgres) else { return }
        try await TestSystem.run(.postgres) { system, client in
            guard case .postgres(let url) = system.database.location else { Issue.record("expected PostgreSQL"); return }
            let secondDatabase = try await Database.open(.postgres(url: url), logger: Logger(label: "node-2"))
            let second = TicketService(context: ServiceContext(database: secondDatabase, logger: Logger(label: "node-2")), masterData: MasterDataCache())
            let first = system.services.tickets
            do {
                let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                    for index in 0..<60 {
                        let node = index.isMultiple(of: 2) ? first : second
                        group.addTask { try await node.create(NewTicket(title: "Knoten \(index)", queue: "Servicedesk"), by: .system).number }
                    }
                    return try await group.reduce(into: [String]()) { $0.append($1) }
                }
                #expect(Set(numbers).count == 60)

                let ticket = try await first.create(NewTicket(title: "Gemeinsam", queue: "Servicedesk"), by: .system)
                var priority = TicketChanges()
                priority.priority = "5 sehr hoch"
                var title = TicketChanges()
                title.title = "Gemeinsam bearbeitet"
                async let a = first.update(ticket.id, priority, expectedVersion: nil, by: .system)
                async let b = second.update(ticket.id, title, expectedVersion: nil, by: .system)
                _ = try await (a, b)
                let final = try await first.ticket(ticket.id, for: .system)
                #expect(final.priority == "5 sehr hoch")
                #expect(final.title == "Gemeinsam bearbeitet")
                #expect(final.version == 3)
            } catch {
                await secondDatabase.close()
                throw error
            }
            await secondDatabase.close()
        }
    }
}
