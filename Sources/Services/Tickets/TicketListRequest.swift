import Domain
import Foundation
import Store

/// A ticket list or search as a caller asks for it: a query-language string plus explicit filters.
public struct TicketListRequest: Sendable {
    /// Query language: words, "phrases", prefix*, -negation and `key:value` filters.
    public var query: String?
    public var queueIDs: [Int64] = []
    public var stateIDs: [Int64] = []
    public var stateTypes: [StateType] = []
    public var priorityIDs: [Int64] = []
    public var ownerIDs: [Int64] = []
    /// Only tickets linked to this configuration item.
    public var configItemID: Int64?
    /// Only tickets in one of these SLA states now.
    public var slaStatuses: [TicketSLAStatus] = []
    /// Dynamic field filters by field name.
    public var fields: [String: String] = [:]
    public var sort: TicketListQuery.Sort?
    public var descending = false
    /// The opaque cursor handed out with the previous page.
    public var cursor: String?
    public var limit = 50

    public init(query: String? = nil) {
        self.query = query
    }
}

/// A page of tickets and the cursor of the next page (nil on the last page).
public struct TicketPage: Sendable, Encodable {
    public var items: [TicketView]
    public var next: String?
}

/// Encodes list positions as opaque URL-safe strings.
enum CursorCoding {
    static func encode(_ cursor: TicketCursor) -> String {
        let raw: String = switch cursor {
        case .key(let value, let id): "k\(value):\(id)"
        case .text(let value, let id): "t\(id):" + value
        case .offset(let offset): "o\(offset)"
        }
        return Data(raw.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) throws(DomainError) -> TicketCursor {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard text.count <= 2000, let data = Data(base64Encoded: base64), let raw = String(data: data, encoding: .utf8),
              !raw.unicodeScalars.contains("\u{0}"), let tag = raw.first else {
            throw .invalid(FieldIssue(field: "cursor", .invalidFormat, detail: "The cursor is not one this server handed out."))
        }
        let body = raw.dropFirst()
        switch tag {
        case "k":
            let parts = body.split(separator: ":")
            if parts.count == 2, let value = Int64(parts[0]), let id = Int64(parts[1]) { return .key(value, id: id) }
        case "t":
            if let colon = body.firstIndex(of: ":"), let id = Int64(body[..<colon]) { return .text(String(body[body.index(after: colon)...]), id: id) }
        case "o":
            if let offset = Int(body), offset >= 0 { return .offset(offset) }
        default:
            break
        }
        throw .invalid(FieldIssue(field: "cursor", .invalidFormat, detail: "The cursor is not one this server handed out."))
    }
}
