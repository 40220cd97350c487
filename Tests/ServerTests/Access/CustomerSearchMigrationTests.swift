import Foundation
import SQLKit
import Store
import Testing

/// The customer search document of tickets that existed before migration 4 is filled from their
/// customer-visible articles, attachments and fields only.
@Suite("Customer search document: migration of existing tickets")
struct CustomerSearchMigrationTests {
    @Test("backfilled documents find public words and hide internal ones", arguments: TestBackend.available)
    func backfill(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await AccessWorld.build(system, client)
            // Back to the schema before migration 4, with the tickets in place.
            try await system.database.transaction { db in
                switch backend {
                case .sqlite: try await db.raw("DROP TABLE ticket_customer_fts").run()
                case .postgres: try await db.raw("ALTER TABLE ticket_search DROP COLUMN customer_document").run()
                }
                try await db.raw("DELETE FROM schema_migrations WHERE id = 4").run()
            }
            #expect(try await Migrator(database: system.database).migrate() == 1)

            func search(_ actor: Actor, _ words: String) async throws -> Set<Int64> {
                let response = try await client.call(.get, "/api/v1/tickets?q=\(encode(words))", token: world.token(actor))
                #expect(response.status == .ok, "\(response.summary)")
                return Set(response.items.compactMap { $0.int("id") })
            }
            let expectations: [(String, Set<Int64>)] = [
                ("papier", [world.a1]), ("anschreiben", [world.a1]), (AccessWorld.publicFieldWord, [world.a1]), ("drucker bürgeramt", [world.a1]),
                (AccessWorld.internalNoteWord, []), ("passwoerter", []), (AccessWorld.internalFieldWord, []),
            ]
            for (words, expected) in expectations {
                #expect(try await search(.customerOwn, words) == expected, "customer searching \(words)")
            }
            #expect(try await search(.customerOrg, AccessWorld.ticketBWord) == [world.b])
            #expect(try await search(.readA, AccessWorld.internalNoteWord) == [world.a1], "agents still search everything")

            // New articles keep both documents current after the migration.
            _ = try await client.call(.post, "/api/v1/tickets/\(world.a1)/articles", token: system.adminToken,
                                      json: ["body": "Rückruf wegen Tonerkartusche", "channel": "phone", "customerVisible": true])
            _ = try await client.call(.post, "/api/v1/tickets/\(world.a1)/articles", token: system.adminToken,
                                      json: ["body": "Intern: Lieferant Pelikanwerk anrufen", "channel": "note"])
            #expect(try await search(.customerOwn, "tonerkartusche") == [world.a1])
            #expect(try await search(.customerOwn, "pelikanwerk").isEmpty)
            #expect(try await search(.allA, "pelikanwerk") == [world.a1])
        }
    }
}
