/// Puts records that form a tree (queues, services) in display order: each parent followed by its children,
/// siblings by name, with each record's depth. A record whose parent is missing counts as a root.
enum TreeOrder {
    static func flatten<Record: Identifiable>(
        _ records: [Record], parent: (Record) -> Int64?, name: (Record) -> String
    ) -> [(record: Record, depth: Int)] where Record.ID == Int64 {
        let ids = Set(records.map(\.id))
        var children: [Int64?: [Record]] = [:]
        for record in records {
            let parentID = parent(record).flatMap { ids.contains($0) && $0 != record.id ? $0 : nil }
            children[parentID, default: []].append(record)
        }
        var ordered: [(record: Record, depth: Int)] = []
        var visited: Set<Int64> = []
        func walk(_ parentID: Int64?, depth: Int) {
            for record in (children[parentID] ?? []).sorted(by: { name($0).lowercased() < name($1).lowercased() })
            where visited.insert(record.id).inserted {
                ordered.append((record, depth))
                walk(record.id, depth: depth + 1)
            }
        }
        walk(nil, depth: 0)
        return ordered
    }
}
