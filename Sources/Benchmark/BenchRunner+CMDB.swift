import Domain
import Foundation
import NIOCore
import Services
import Store

/// The CMDB figures: `cmdb_import_seconds` (the first 50,000 items of class Computer imported from CSV in one
/// request), `cmdb_attribute_query_p95` (exact, prefix and range conditions on attributes, 50 rows),
/// `cmdb_search_p95` (one search word over all items), `cmdb_item_view_p99` (an item and its 50 relations) and
/// `cmdb_class_counts_p95` (the class browser's item counts).
/// `BenchConfiguration.items` items are imported in chunks of 50,000 before the queries run.
extension BenchRunner {
    static let cmdbChunk = 50_000

    func measureCMDB(client: LoadClient, tickets: Int, record: @Sendable (BenchFigure) -> Void) async throws {
        let total = configuration.items
        var random = SeededRandom(seed: configuration.seed ^ 0xC3DB)
        var imported = 0
        if configuration.reuse {
            imported = try await context.database.read { db in
                try await db.raw("SELECT COUNT(*) AS items FROM cmdb_items").first()?.decode(column: "items", as: Int.self)
            } ?? 0
            if imported >= total {
                log("CMDB: reusing the \(imported) items in the database; no import measured.")
                random = Self.random(afterImporting: total, seed: configuration.seed)
            } else if imported > 0 {
                throw BenchError.notSeeded("The CMDB holds \(imported) items, fewer than --items \(total); reuse needs at least as many.")
            }
        }
        if imported < total { log("CMDB: importing \(total) items in chunks of \(Self.cmdbChunk) …") }
        let clock = ContinuousClock()
        while imported < total {
            let count = min(Self.cmdbChunk, total - imported)
            let csv = Self.computers(from: imported, count: count, random: &random)
            let body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["class": "Computer", "content": csv]))
            let started = clock.now
            try await client.send(.POST, "/api/v1/cmdb/import", json: body, expect: .created)
            let seconds = Self.seconds(clock.now - started)
            if imported == 0 {
                record(BenchFigure(
                    name: "cmdb_import_seconds", value: seconds, unit: "s", tickets: tickets, backend: backend,
                    target: count == Self.cmdbChunk ? 10 : nil, better: .lower, samples: count,
                    note: "POST /api/v1/cmdb/import of \(count) Computer rows (\(csv.utf8.count / 1024) KB CSV, 8 columns, "
                        + "upsert by serial number) into an empty CMDB; \(Int(Double(count) / max(seconds, 0.001))) items/s"
                ))
            }
            imported += count
            log("  \(imported)/\(total) items")
        }
        // As autovacuum would shortly after such a load (the ticket seeder ends with VACUUM ANALYZE likewise).
        try await context.database.transaction { db in
            try await ConfigItemBulkWriter(db, dialect: context.database.dialect).refreshStatistics()
        }
        let paths = Self.queryPaths(items: total, count: Self.warmup(for: requests(default: 1_000)) + requests(default: 1_000), random: &random)
        let target: Double? = total >= 500_000 ? 30 : nil
        let scale = total >= 500_000 ? "" : "; the target is for 500,000 items"
        let attributes = try await timeQueries(paths.attributes, client: client)
        record(BenchFigure(
            name: "cmdb_attribute_query_p95", value: attributes.percentile(0.95), unit: "ms", tickets: tickets, backend: backend,
            target: target, better: .lower, p50: attributes.percentile(0.5), samples: attributes.count,
            note: "GET /api/v1/cmdb/items?class=Computer&attr.…&limit=50 with exact serial numbers, inventory-number prefixes and "
                + "three-day warranty ranges in turn, over \(total) items" + scale
        ))
        let search = try await timeQueries(paths.search, client: client)
        record(BenchFigure(
            name: "cmdb_search_p95", value: search.percentile(0.95), unit: "ms", tickets: tickets, backend: backend,
            target: target, better: .lower, p50: search.percentile(0.5), samples: search.count,
            note: "GET /api/v1/cmdb/items?q=WORD&limit=50 (relevance), a model name (many hits) or an item name (one hit) in turn, over "
                + "\(total) items" + scale
        ))
        try await measureItemView(client: client, tickets: tickets, items: total, record: record)
        try await measureClassCounts(tickets: tickets, items: total, record: record)
    }

    /// The generator as it stands after the CSV of `total` items, so that a run reusing them asks the same queries.
    private static func random(afterImporting total: Int, seed: UInt64) -> SeededRandom {
        var random = SeededRandom(seed: seed ^ 0xC3DB)
        var generated = 0
        while generated < total {
            let count = min(cmdbChunk, total - generated)
            _ = computers(from: generated, count: count, random: &random)
            generated += count
        }
        return random
    }

    /// The item counts per class the CMDB start page shows: one grouped count over the `(class_id, id)` index, through
    /// the Services call the page makes.
    private func measureClassCounts(tickets: Int, items: Int, record: @Sendable (BenchFigure) -> Void) async throws {
        let service = ConfigItemService(context: context)
        let count = max(20, requests(default: 1_000) / 20)
        let warmup = Self.warmup(for: count)
        var samples = LatencySamples()
        let clock = ContinuousClock()
        for round in 0..<(warmup + count) {
            let started = clock.now
            let counts = try await service.countsByClass(for: .system)
            if round >= warmup { samples.add(clock.now - started) }
            guard counts.values.reduce(0, +) >= items else { throw BenchError.unexpectedResponse("Counted fewer items than imported.") }
        }
        record(BenchFigure(
            name: "cmdb_class_counts_p95", value: samples.percentile(0.95), unit: "ms", tickets: tickets, backend: backend,
            target: nil, better: .lower, p50: samples.percentile(0.5), samples: samples.count,
            note: "ConfigItemService.countsByClass, the one grouped COUNT the CMDB start page makes, over \(items) items"
        ))
    }

    /// The request paths of the attribute-query and search figures, warm-up first.
    private static func queryPaths(items: Int, count: Int, random: inout SeededRandom) -> (attributes: [String], search: [String]) {
        var attributes: [String] = []
        var search: [String] = []
        for round in 0..<count {
            let n = random.index(max(items, 1))
            let condition = switch round % 3 {
            case 0: "attr.serial_number=\(serial(n))"
            case 1: "attr.inventory_number=INV-\(String(n / 10))*"
            default: "attr.warranty_end=2027-0\(1 + n % 9)-01..2027-0\(1 + n % 9)-03"
            }
            attributes.append("/api/v1/cmdb/items?class=Computer&\(condition)&limit=50")
            let word = round % 2 == 0 ? random.pick(models) : "\"PC-\(String(format: "%07d", n))\""
            search.append("/api/v1/cmdb/items?q=\(word.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? word)&limit=50")
        }
        return (attributes, search)
    }

    /// The latencies of GET requests to `paths`, one after the other, without the warm-up ones.
    private func timeQueries(_ paths: [String], client: LoadClient) async throws -> LatencySamples {
        let warmup = Self.warmup(for: requests(default: 1_000))
        var samples = LatencySamples()
        let clock = ContinuousClock()
        for (round, path) in paths.enumerated() {
            let started = clock.now
            try await client.send(.GET, path)
            if round >= warmup { samples.add(clock.now - started) }
        }
        return samples
    }

    private func measureItemView(client: LoadClient, tickets: Int, items: Int, record: @Sendable (BenchFigure) -> Void) async throws {
        let ids = try await context.database.read { db in
            try await db.raw("SELECT id FROM cmdb_items ORDER BY id LIMIT 51").all().map { try $0.decode(column: "id", as: Int64.self) }
        }
        guard let centre = ids.first else { throw BenchError.unexpectedResponse("No items to relate.") }
        for target in ids.dropFirst() {
            let body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["type": "connectedTo", "targetId": target]))
            try await client.send(.POST, "/api/v1/cmdb/items/\(centre)/relations", json: body, expect: .created)
        }
        let count = requests(default: 2_000)
        let warmup = Self.warmup(for: count)
        var samples = LatencySamples()
        let clock = ContinuousClock()
        for round in 0..<(warmup + count) {
            let started = clock.now
            try await client.send(.GET, "/api/v1/cmdb/items/\(centre)")
            try await client.send(.GET, "/api/v1/cmdb/items/\(centre)/relations")
            if round >= warmup { samples.add(clock.now - started) }
        }
        record(BenchFigure(
            name: "cmdb_item_view_p99", value: samples.percentile(0.99), unit: "ms", tickets: tickets, backend: backend,
            target: 10, better: .lower, p50: samples.percentile(0.5), samples: samples.count,
            note: "GET /api/v1/cmdb/items/{id} then GET /api/v1/cmdb/items/{id}/relations (\(ids.count - 1) relations), over \(items) items"
        ))
    }

    static let manufacturers = ["Fujitsu", "Dell", "HP", "Lenovo", "Acer"]
    static let models = ["Esprimo", "OptiPlex", "EliteDesk", "ThinkCentre", "Veriton", "Celsius", "Precision", "ProDesk"]

    /// The serial number of synthetic computer `n`.
    static func serial(_ n: Int) -> String { "SN" + String(n * 7919 + 100_003, radix: 16, uppercase: true) }

    /// CSV of `count` synthetic computers numbered from `first`.
    static func computers(from first: Int, count: Int, random: inout SeededRandom) -> String {
        var lines = ["Name;Seriennummer;Inventarnummer;Hersteller;Modell;Arbeitsspeicher (GB);Garantieende;IP-Adresse"]
        lines.reserveCapacity(count + 1)
        for n in first..<(first + count) {
            let manufacturer = random.pick(manufacturers)
            lines.append([
                "PC-\(String(format: "%07d", n))", serial(n), "INV-\(n)", manufacturer, "\(manufacturer) \(random.pick(models)) \(random.int(1...9))",
                String([8, 16, 32][random.index(3)]), "2027-0\(1 + random.index(9))-\(String(format: "%02d", random.int(1...28)))",
                "10.\(n / 65_536 % 256).\(n / 256 % 256).\(n % 256)",
            ].joined(separator: ";"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
