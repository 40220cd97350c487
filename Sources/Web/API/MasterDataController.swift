import Domain
import Foundation
import Hummingbird
import Services
import Store

/// Queues, states, priorities, types, services, calendars and SLAs: `GET` lists for every signed-in caller,
/// `POST` (create) and `PATCH` (change given keys) for administrators; the SLA assignment as one document.
struct MasterDataController {
    let services: WebServices

    func register(on api: RouterGroup<AppRequestContext>) {
        resource("queues", blank: Queue(id: 0, name: ""), list: { $0.queues }, on: api)
        resource("states", blank: TicketState(id: 0, name: "", type: .open), list: { $0.states }, on: api)
        resource("priorities", blank: Priority(id: 0, name: "", rank: 3), list: { $0.priorities }, on: api)
        resource("types", blank: TicketType(id: 0, name: ""), list: { $0.types }, on: api)
        resource("services", blank: Service(id: 0, name: ""), list: { $0.services }, on: api)
        resource("calendars", blank: CalendarRecord(id: 0, calendar: BusinessCalendar(name: "", timeZoneID: "Europe/Berlin", weeklyHours: [:])),
                 list: { $0.calendars }, on: api)
        resource("slas", blank: SLAPolicy(id: 0, name: "", targets: .none), list: { $0.slas }, on: api)
        api.get("sla-configuration") { _, context -> Response in
            try APIBody.response(try await services.masterData.slaConfiguration(for: try context.requirePrincipal()))
        }
        api.put("sla-configuration") { request, context -> Response in
            let configuration = try await APIBody.decode(SLAConfiguration.self, from: request, using: APIBody.domainDecoder)
            return try APIBody.response(try await services.masterData.saveSLAConfiguration(configuration, by: try context.requirePrincipal()))
        }
    }

    private func resource<Record: StoredRecord & Named & Codable>(
        _ path: String, blank: Record, list: @escaping @Sendable (MasterData) -> [Record], on api: RouterGroup<AppRequestContext>
    ) {
        api.get(RouterPath(stringLiteral: path)) { _, context -> Response in
            _ = try context.requirePrincipal()
            return try APIBody.response(ItemList(items: list(try await services.masterData.snapshot())))
        }
        api.post(RouterPath(stringLiteral: path)) { request, context -> Response in
            let principal = try context.requirePrincipal()
            let record = try await Self.merge(request, into: blank)
            return try APIBody.response(try await services.masterData.save(record, by: principal), status: .created)
        }
        api.get(RouterPath(stringLiteral: path + "/:id")) { _, context -> Response in
            _ = try context.requirePrincipal()
            return try APIBody.response(try await services.masterData.find(Record.self, try context.id()))
        }
        api.patch(RouterPath(stringLiteral: path + "/:id")) { request, context -> Response in
            let principal = try context.requirePrincipal()
            let expectedVersion = try TicketController.ifMatch(request)
            let existing = try await services.masterData.find(Record.self, try context.id())
            let record = try await Self.merge(request, into: existing.record)
            return try APIBody.response(try await services.masterData.save(record, expectedVersion: expectedVersion, by: principal))
        }
    }

    /// Overlays the keys of the request's JSON object (except `id`) on `base` and decodes the result.
    static func merge<Record: Codable>(_ request: Request, into base: Record) async throws -> Record {
        let patch = try await APIBody.decode(JSONObject.self, from: request)
        guard var object = try JSONSerialization.jsonObject(with: APIBody.encoder.encode(base)) as? [String: Any] else {
            throw DomainError.invalid(field: "body", "Expected a JSON object.")
        }
        for (key, value) in patch.values where key != "id" {
            object[key] = value
        }
        do {
            return try APIBody.domainDecoder.decode(Record.self, from: JSONSerialization.data(withJSONObject: object))
        } catch let error as DecodingError {
            throw APIBody.problem(error)
        } catch {
            throw DomainError.invalid(field: "body", "Some values have the wrong type or are unknown.")
        }
    }
}

/// Any JSON object, kept as Foundation values for overlaying.
struct JSONObject: Decodable, @unchecked Sendable {
    let values: [String: Any]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(JSONAny.self)
        guard let object = raw.value as? [String: Any] else {
            throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: [], debugDescription: "Expected a JSON object."))
        }
        values = object
    }
}

/// Decodes arbitrary JSON into Foundation values.
private struct JSONAny: Decodable {
    let value: Any

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = NSNull()
        } else if let bool = try? container.decode(Bool.self) {
            value = bool
        } else if let int = try? container.decode(Int64.self) {
            value = int
        } else if let double = try? container.decode(Double.self) {
            value = double
        } else if let string = try? container.decode(String.self) {
            value = string
        } else if let array = try? container.decode([JSONAny].self) {
            value = array.map(\.value)
        } else {
            value = try container.decode([String: JSONAny].self).mapValues(\.value)
        }
    }
}
