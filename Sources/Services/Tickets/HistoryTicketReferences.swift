import Domain

/// The other tickets a ticket's history names: link entries carry `"TYPE ticket ID"`, merge entries the
/// other ticket's number. Used to hide the ones a reader may not see, with one lookup for all of them.
struct HistoryTicketReferences {
    private(set) var ids: Set<Int64> = []
    private(set) var numbers: Set<String> = []

    init(_ entries: [HistoryEntry]) {
        for entry in entries {
            switch entry.field {
            case "link":
                for value in [entry.oldValue, entry.newValue] {
                    if let id = Self.linkedTicket(value) { ids.insert(id) }
                }
            case "merged", "mergedInto":
                if let number = entry.newValue { numbers.insert(number) }
            default:
                continue
            }
        }
    }

    /// `entries` with every reference outside `visibleIDs` / `visibleNumbers` replaced by "–".
    func redacting(_ entries: [HistoryEntry], visibleIDs: Set<Int64>, visibleNumbers: Set<String>) -> [HistoryEntry] {
        entries.map { entry in
            var entry = entry
            switch entry.field {
            case "link":
                for keyPath in [\HistoryEntry.oldValue, \HistoryEntry.newValue] {
                    guard let value = entry[keyPath: keyPath], let id = Self.linkedTicket(value), !visibleIDs.contains(id) else { continue }
                    entry[keyPath: keyPath] = "\(value.prefix { $0 != " " }) ticket –"
                }
            case "merged", "mergedInto":
                if let number = entry.newValue, !visibleNumbers.contains(number) { entry.newValue = "–" }
            default:
                break
            }
            return entry
        }
    }

    /// The ticket id of a link value `"TYPE ticket ID"`; nil for links to other things.
    private static func linkedTicket(_ value: String?) -> Int64? {
        let parts = value?.split(separator: " ") ?? []
        guard parts.count == 3, parts[1] == "ticket" else { return nil }
        return Int64(parts[2])
    }
}
