import Domain
import Foundation
import SQLKit
import Store

/// Portal administration is master data: every change appends an `admin.changed` event naming what changed.
enum PortalEvents {
    static func record(_ kind: String, id: Int64?, action: String, by principal: Principal, at now: Date, db: any SQLDatabase) async throws {
        var payload = ["kind": kind, "action": action]
        if let id { payload["id"] = String(id) }
        try await EventRepository(db).append(type: EventType.masterDataChanged, ticketID: nil, actorID: principal.actorID,
                                             payload: EventPayload.json(payload), at: now)
    }
}
