import Domain
import Foundation
import SQLKit

extension Queue: StoredRecord {
    public static let table = "queues"
    public static func decode(_ row: any SQLRow) throws -> Queue {
        Queue(
            id: try row.int64("id"), name: try row.string("name"), parentID: try row.int64OrNil("parent_id"),
            systemAddress: try row.stringOrNil("system_address"),
            followUpPolicy: try row.enumeration("follow_up_policy"), calendarID: try row.int64OrNil("calendar_id"),
            comment: try row.stringOrNil("comment"), isActive: try row.bool("is_active")
        )
    }
    public var columns: [(String, any Encodable & Sendable)] {
        [("name", name), ("name_key", name.lowercased()), ("parent_id", parentID), ("system_address", systemAddress),
         ("follow_up_policy", followUpPolicy.rawValue), ("calendar_id", calendarID), ("comment", comment), ("is_active", isActive)]
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

extension CalendarRecord: StoredRecord {
    public static let table = "calendars"
    public static func decode(_ row: any SQLRow) throws -> CalendarRecord {
        CalendarRecord(
            id: try row.int64("id"),
            calendar: try JSONDecoder().decode(BusinessCalendar.self, from: Data(try row.string("definition").utf8)),
            comment: try row.stringOrNil("comment"), isActive: try row.bool("is_active")
        )
    }
    public var columns: [(String, any Encodable & Sendable)] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let definition = (try? encoder.encode(calendar)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return [("name", calendar.name), ("name_key", calendar.name.lowercased()), ("definition", definition),
                ("comment", comment), ("is_active", isActive)]
    }
}

extension SLAPolicy: StoredRecord {
    public static let table = "slas"
    public static func decode(_ row: any SQLRow) throws -> SLAPolicy {
        SLAPolicy(
            id: try row.int64("id"), name: try row.string("name"), calendarID: try row.int64OrNil("calendar_id"),
            targets: SLATargets(
                firstResponseMinutes: try row.int64OrNil("first_response_minutes").map(Int.init),
                updateMinutes: try row.int64OrNil("update_minutes").map(Int.init),
                solutionMinutes: try row.int64OrNil("solution_minutes").map(Int.init)
            ),
            warnAtPercent: Int(try row.int64("warn_at_percent")), phoneTickets: try row.enumeration("phone_tickets"),
            comment: try row.stringOrNil("comment"), isActive: try row.bool("is_active")
        )
    }
    public var columns: [(String, any Encodable & Sendable)] {
        [("name", name), ("name_key", name.lowercased()), ("calendar_id", calendarID),
         ("first_response_minutes", targets.firstResponseMinutes.map(Int64.init)),
         ("update_minutes", targets.updateMinutes.map(Int64.init)),
         ("solution_minutes", targets.solutionMinutes.map(Int64.init)),
         ("warn_at_percent", Int64(warnAtPercent)), ("phone_tickets", phoneTickets.rawValue),
         ("comment", comment), ("is_active", isActive)]
    }
}
