import Domain
import SQLKit

extension TicketScope {
    /// The `WHERE` condition limiting ticket alias `t` to this scope.
    func condition(alias: String = "t") -> SQLQueryString {
        switch self {
        case .everything:
            return "1 = 1"
        case .queues(let ids):
            if ids.isEmpty { return "1 = 0" }
            return "\(unsafeRaw: alias).queue_id IN (\(binds: ids))"
        case .customer(let contactID, let organisationIDs):
            var parts: [SQLQueryString] = []
            if let contactID { parts.append("\(unsafeRaw: alias).contact_id = \(bind: contactID)") }
            if !organisationIDs.isEmpty { parts.append("\(unsafeRaw: alias).organisation_id IN (\(binds: organisationIDs))") }
            if parts.isEmpty { return "1 = 0" }
            return "(\(parts.joined(separator: " OR ")))"
        }
    }
}
