import Domain
import SQLKit

extension Queue: StoredRecord {
    public static let table = "queues"
    public static func decode(_ row: any SQLRow) throws -> Queue {
        Queue(
            id: try row.int64("id"), name: try row.string("name"), parentID: try row.int64OrNil("parent_id"),
            systemAddress: try row.stringOrNil("system_address"),
            followUpPolicy: try row.enumeration("follow_up_policy"), comment: try row.stringOrNil("comment"),
            isActive: try row.bool("is_active")
        )
    }
    public var columns: [(String, any Encodable & Sendable)] {
        [("name", name), ("name_key", name.lowercased()), ("parent_id", parentID), ("system_address", systemAddress),
         ("follow_up_policy", followUpPolicy.rawValue), ("comment", comment), ("is_active", isActive)]
    }
}

extension TicketState: StoredRecord {
    public static let table = "states"
    public static func decode(_ row: any SQLRow) throws -> TicketState {
        TicketState(
            id: try row.int64("id"), name: try row.string("name"), nameEN: try row.stringOrNil("name_en"),
            type: try row.enumeration("type"), suspendsSLA: try row.bool("suspends_sla"), isActive: try row.bool("is_active")
        )
    }
    public var columns: [(String, any Encodable & Sendable)] {
        [("name", name), ("name_key", name.lowercased()), ("name_en", nameEN), ("type", type.rawValue),
         ("suspends_sla", suspendsSLA), ("is_active", isActive)]
    }
}

extension Priority: StoredRecord {
    public static let table = "priorities"
    public static func decode(_ row: any SQLRow) throws -> Priority {
        Priority(
            id: try row.int64("id"), name: try row.string("name"), nameEN: try row.stringOrNil("name_en"),
            rank: Int(try row.int64("rank")), isActive: try row.bool("is_active")
        )
    }
    public var columns: [(String, any Encodable & Sendable)] {
        [("name", name), ("name_key", name.lowercased()), ("name_en", nameEN), ("rank", Int64(rank)), ("is_active", isActive)]
    }
}

extension TicketType: StoredRecord {
    public static let table = "ticket_types"
    public static func decode(_ row: any SQLRow) throws -> TicketType {
        TicketType(id: try row.int64("id"), name: try row.string("name"), nameEN: try row.stringOrNil("name_en"), isActive: try row.bool("is_active"))
    }
    public var columns: [(String, any Encodable & Sendable)] {
        [("name", name), ("name_key", name.lowercased()), ("name_en", nameEN), ("is_active", isActive)]
    }
}

extension Service: StoredRecord {
    public static let table = "services"
    public static func decode(_ row: any SQLRow) throws -> Service {
        Service(
            id: try row.int64("id"), name: try row.string("name"), parentID: try row.int64OrNil("parent_id"),
            comment: try row.stringOrNil("comment"), isActive: try row.bool("is_active")
        )
    }
    public var columns: [(String, any Encodable & Sendable)] {
        [("name", name), ("name_key", name.lowercased()), ("parent_id", parentID), ("comment", comment), ("is_active", isActive)]
    }
}
