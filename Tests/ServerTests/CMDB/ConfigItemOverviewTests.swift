import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Services
import Testing

@Suite("CMDB overview: items per class, item names for references, version differences")
struct ConfigItemOverviewTests {
    @Test("items are counted per class; references resolve to number and name; customers get neither", arguments: TestBackend.available)
    func countsAndReferences(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            var ids: [Int64] = []
            for (className, name) in [("Computer", "PC-1"), ("Computer", "PC-2"), ("Drucker", "DR-1")] {
                let created = try await client.call(.post, "/api/v1/cmdb/items", token: token, json: ["class": className, "name": name])
                ids.append(try #require(created.object.int("id")))
            }
            let items = system.services.configItems
            let classes = try await system.services.cmdbClasses.classes(for: .system)
            let computer = try #require(classes.first { $0.name == "Computer" }), printer = try #require(classes.first { $0.name == "Drucker" })
            let counts = try await items.countsByClass(for: .system)
            #expect(counts[computer.id] == 2)
            #expect(counts[printer.id] == 1)
            #expect(counts.values.reduce(0, +) == 3)

            let names = try await items.references([ids[0], ids[2], 999_999], for: .system)
            #expect(names.keys.sorted() == [ids[0], ids[2]])
            #expect(names[ids[2]]?.name == "DR-1")
            #expect(names[ids[0]]?.number.hasPrefix("CI") == true)

            let customer = Principal(userID: 77, login: "kunde", isAgent: false, isAdmin: false)
            await #expect(throws: DomainError.self) { try await items.countsByClass(for: customer) }
            await #expect(throws: DomainError.self) { try await items.references([ids[0]], for: customer) }
        }
    }

    @Test("two versions differ in exactly the fields and attributes that changed", arguments: TestBackend.available)
    func versionChanges(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let created = try await client.call(.post, "/api/v1/cmdb/items", token: token,
                                                json: ["class": "Computer", "name": "PC-9", "attributes": ["ram_gb": 8, "serial_number": "ab-1"]])
            let id = try #require(created.object.int("id"))
            let changed = try await client.call(.patch, "/api/v1/cmdb/items/\(id)", token: token,
                                                json: ["deploymentState": "Im Einsatz", "attributes": ["ram_gb": 16, "serial_number": nil]])
            #expect(changed.status == .ok)
            let versions = try await system.services.configItems.versions(of: id, for: .system)
            #expect(versions.count == 2)
            let changes = versions[1].changes(from: versions[0])
            #expect(changes == [
                CIVersionChange(field: "deploymentState", old: "planned", new: "production"),
                CIVersionChange(field: "attr.ram_gb", old: "8", new: "16"),
                CIVersionChange(field: "attr.serial_number", old: "AB-1", new: nil),
            ])
            #expect(versions[1].changes(from: versions[1]).isEmpty)
        }
    }
}
