import Foundation
import HTTPTypes
import Testing

@Suite("CMDB imports")
struct ConfigItemImportTests {
    private let header = "Name;Seriennummer;inventory number;Standort-ID;Verwendungsstatus;RAM_GB\n"

    @Test("labels in any language name the columns; a second run changes nothing", arguments: TestBackend.available)
    func upsertAndIdempotence(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let file = header + "PC-1;sn1;INV-1;;Lager;8\nPC-2;SN2;INV-2;;Im Einsatz;16\n"
            let first = try await client.call(.post, "/api/v1/cmdb/import", token: token, json: ["class": "Computer", "content": file])
            #expect(first.status == .created)
            #expect(first.object.int("created") == 2 && first.object.string("upsertBy") == "serial_number")
            let again = try await client.call(.post, "/api/v1/cmdb/import", token: token, json: ["class": "Computer", "content": file])
            #expect(again.object.int("unchanged") == 2 && again.object.int("created") == 0)
            #expect(try await system.count("cmdb_item_versions") == 2)
            let changed = header + "PC-1;SN1;INV-1;;Rückgabe;8\n"
            #expect(try await client.call(.post, "/api/v1/cmdb/import", token: token, json: ["class": "Computer", "content": changed]).object.int("updated") == 1)
            let returned = try await client.call(.get, "/api/v1/cmdb/items?class=Computer&deploymentState=returned", token: token).items
            #expect(returned.compactMap { $0.string("name") } == ["PC-1"])

            let json = #"[{"name": "PC-3", "serial_number": "SN3", "ram_gb": 4}]"#
            #expect(try await client.call(.post, "/api/v1/cmdb/import", token: token, json: ["class": "computer", "format": "json", "content": json]).object.int("created") == 1)
            let mapped = "Gerät,Seriennr\nPC-4,SN4\n"
            let withMapping = try await client.call(.post, "/api/v1/cmdb/import", token: token, json: [
                "class": "Computer", "content": mapped, "mapping": ["Gerät": "name", "Seriennr": "serial_number"],
            ])
            #expect(withMapping.object.int("created") == 1)
        }
    }

    @Test("Windows-1252 files from spreadsheets import with their umlauts", arguments: TestBackend.available)
    func windows1252(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let text = "Name;Seriennummer;Hersteller\nDrucker Bürgerbüro;DR1;Müller & Söhne\n"
            let bytes = try #require(text.data(using: .windowsCP1252))
            #expect(String(data: bytes, encoding: .utf8) == nil)
            let imported = try await client.call(.post, "/api/v1/cmdb/import", token: system.adminToken, json: [
                "class": "Drucker", "contentBase64": bytes.base64EncodedString(),
            ])
            #expect(imported.object.int("created") == 1)
            let item = try await client.call(.get, "/api/v1/cmdb/items?q=b%C3%BCrgerb%C3%BCro", token: system.adminToken).items.first
            #expect(item?.string("name") == "Drucker Bürgerbüro")
            #expect((item?["attributes"] as? [String: Any])?["manufacturer"] as? String == "Müller & Söhne")
        }
    }

    @Test("bad rows are reported per row; a real run with any bad row imports nothing", arguments: TestBackend.available)
    func badRows(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            _ = try await client.call(.post, "/api/v1/cmdb/items", token: token, json: ["class": "Computer", "name": "Alt", "attributes": ["inventory_number": "INV-9"]])
            let file = header + "PC-1;SN1;INV-1;;Lager;8\nPC-2;SN1;INV-2;;Lager;16\nPC-3;SN3;INV-9;;Lager;viel\nPC-4;SN4;INV-4;987654;Kaputt;4\n"
            let dry = try await client.call(.post, "/api/v1/cmdb/import", token: token, json: [
                "class": "Computer", "content": file, "dryRun": true, "upsertBy": "inventory_number",
            ])
            #expect(dry.status == .ok && dry.object.int("created") == 1)
            let errors = (dry["errors"] as? [[String: Any]] ?? []).map { "\($0.int("row") ?? 0) \($0.string("field") ?? "")" }
            #expect(Set(errors) == ["3 attributes.serial_number", "4 attributes.ram_gb", "5 deploymentState", "5 locationId"])
            let codes = (dry["errors"] as? [[String: Any]] ?? []).map { "\($0.int("row") ?? 0) \($0.string("code") ?? "")" }
            #expect(Set(codes).isSuperset(of: ["3 taken", "4 invalidNumber"]), "row errors carry the problem's code")
            let before = try await system.count("cmdb_items")
            let real = try await client.call(.post, "/api/v1/cmdb/import", token: token, json: [
                "class": "Computer", "content": file, "upsertBy": "inventory_number",
            ])
            #expect(real.status == .unprocessableContent)
            #expect(((real["errors"] as? [[String: Any]])?.first?.string("field"))?.hasPrefix("rows[3].") == true)
            #expect(try await system.count("cmdb_items") == before)
            #expect(try await system.count("cmdb_history") == 1)
        }
    }

    @Test("unknown columns, broken quoting and 10 MB lines get a clear error and import nothing", arguments: TestBackend.available)
    func badFiles(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let unknown = try await client.call(.post, "/api/v1/cmdb/import", token: token, json: ["class": "Computer", "content": "Name;Farbe\nx;rot\n"])
            #expect((unknown["errors"] as? [[String: Any]])?.first?.string("field") == "columns.Farbe")
            let quote = try await client.call(.post, "/api/v1/cmdb/import", token: token, json: ["class": "Computer", "content": "Name\n\"offen\n"])
            #expect(quote.status == .unprocessableContent)
            let huge = "Name;Hersteller\nPC;" + String(repeating: "x", count: 10 * 1024 * 1024 + 10) + "\n"
            let tooLong = try await client.call(.post, "/api/v1/cmdb/import", token: token, json: ["class": "Computer", "content": huge])
            #expect(tooLong.status == .unprocessableContent)
            #expect((tooLong["detail"] as? String)?.contains("line 2 is longer than 10 MB") == true)
            #expect(try await client.call(.post, "/api/v1/cmdb/import", token: token, json: ["class": "Raumschiff", "content": "Name\nx\n"]).status == .unprocessableContent)
            #expect(try await client.call(.post, "/api/v1/cmdb/import", token: token, json: ["class": "Computer"]).status == .unprocessableContent)
            #expect(try await system.count("cmdb_items") == 0)
        }
    }
}
