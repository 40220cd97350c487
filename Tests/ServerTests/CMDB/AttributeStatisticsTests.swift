import Foundation
import HTTPTypes
import SQLKit
import Testing

/// PostgreSQL ignores the statistics of partial indexes; every CMDB attribute index has a statistics object on
/// its expression beside it, so that the planner sees how few items a prefix or range matches.
@Suite("CMDB attribute statistics on PostgreSQL")
struct AttributeStatisticsTests {
    @Test("every attribute index has its statistics object, and it goes with the attribute")
    func statisticsFollowIndexes() async throws {
        guard TestBackend.available.contains(.postgres) else { return }
        try await TestSystem.run(.postgres) { system, client in
            func names(_ sql: SQLQueryString) async throws -> Set<String> {
                try await system.database.read { db in Set(try await db.raw(sql).all().map { try $0.decode(column: "name", as: String.self) }) }
            }
            func statistics() async throws -> Set<String> { try await names("SELECT stxname AS name FROM pg_statistic_ext WHERE stxname LIKE 'cmdb_s%'") }
            let indexes = try await names("SELECT name FROM cmdb_attribute_indexes")
            #expect(!indexes.isEmpty)
            #expect(try await statistics() == Set(indexes.map { "cmdb_s" + $0.dropFirst("cmdb_a".count) }))

            let admin = system.adminToken
            let attribute = { (key: String) -> [String: Any] in ["key": key, "label": key.capitalized, "type": "text"] }
            let created = try await client.call(.post, "/api/v1/cmdb/classes", token: admin, json: [
                "name": "Beamer", "attributes": [attribute("raum"), attribute("lampe")],
            ])
            let id = try #require(created.object.int("id"))
            #expect(try await statistics().isSuperset(of: ["cmdb_s\(id)_raum", "cmdb_s\(id)_lampe"]))
            #expect(try await client.call(.put, "/api/v1/cmdb/classes/\(id)", token: admin, json: [
                "name": "Beamer", "attributes": [attribute("raum")],
            ]).status == .ok)
            let after = try await statistics()
            #expect(after.contains("cmdb_s\(id)_raum"))
            #expect(!after.contains("cmdb_s\(id)_lampe"))
        }
    }
}
