import Domain
import Foundation
import SQLKit

/// Dynamic field definitions and their typed values on tickets, articles, contacts and organisations.
public struct FieldRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func definitions(for object: FieldObject? = nil) async throws -> [FieldDefinition] {
        let condition: SQLQueryString = object.map { "WHERE object = \(bind: $0.rawValue)" } ?? ""
        // Prepared, with its columns named (see `PostgresSession`): every new ticket and article reads them.
        return try await db.preparing.raw("""
            SELECT id, name, label, object, type, required, regex, options, customer_visible, minimum, maximum
            FROM field_definitions \(condition) ORDER BY id
            """).all().map(Self.decode)
    }

    public func definition(named name: String) async throws -> FieldDefinition? {
        try await db.raw("SELECT * FROM field_definitions WHERE name = \(bind: name)").first().map(Self.decode)
    }

    public func insert(_ definition: FieldDefinition, at date: Date) async throws -> FieldDefinition {
        let row = try await db.raw("""
            INSERT INTO field_definitions (name, label, object, type, required, regex, options, customer_visible, minimum, maximum, created_at)
            VALUES (\(bind: definition.name), \(bind: definition.label), \(bind: definition.object.rawValue), \(bind: definition.type.rawValue),
                \(bind: definition.isRequired), \(bind: definition.regex), \(bind: jsonArray(definition.options)),
                \(bind: definition.customerVisible), \(bind: definition.minimum), \(bind: definition.maximum), \(bind: date.millis))
            RETURNING id
            """).first()
        var stored = definition
        stored.id = try row?.int64("id")
        return stored
    }

    /// Updates what may change after creation: label, required, regex, options, visibility, bounds.
    public func update(_ definition: FieldDefinition) async throws {
        try await db.raw("""
            UPDATE field_definitions SET label = \(bind: definition.label), required = \(bind: definition.isRequired),
                regex = \(bind: definition.regex), options = \(bind: jsonArray(definition.options)),
                customer_visible = \(bind: definition.customerVisible), minimum = \(bind: definition.minimum), maximum = \(bind: definition.maximum)
            WHERE id = \(bind: definition.id ?? 0)
            """).run()
    }

    /// Sets (or with nil removes) one field value of one object.
    public func setValue(_ value: FieldValue?, field: FieldDefinition, object: FieldObject, objectID: Int64) async throws {
        guard let fieldID = field.id else { return }
        guard let value else {
            try await db.raw("""
                DELETE FROM field_values WHERE object = \(bind: object.rawValue) AND object_id = \(bind: objectID) AND field_id = \(bind: fieldID)
                """).run()
            return
        }
        var number: Double?
        if case .number(let n) = value { number = n }
        try await db.raw("""
            INSERT INTO field_values (object, object_id, field_id, value, text_value, number_value)
            VALUES (\(bind: object.rawValue), \(bind: objectID), \(bind: fieldID), \(bind: value.storageString),
                \(bind: Self.filterText(value)), \(bind: number))
            ON CONFLICT (object, object_id, field_id) DO UPDATE SET value = excluded.value, text_value = excluded.text_value,
                number_value = excluded.number_value
            """).run()
    }

    /// Stored values of `objectIDs`, by object id and field id.
    public func values(object: FieldObject, objectIDs: [Int64]) async throws -> [Int64: [Int64: String]] {
        guard !objectIDs.isEmpty else { return [:] }
        var result: [Int64: [Int64: String]] = [:]
        for row in try await db.raw("""
            SELECT object_id, field_id, value FROM field_values WHERE object = \(bind: object.rawValue) AND object_id IN (\(binds: objectIDs))
            """).all() {
            result[try row.int64("object_id"), default: [:]][try row.int64("field_id")] = try row.string("value")
        }
        return result
    }

    /// The tickets that hold a value of field `fieldID`, directly (ticket fields) or on one of their articles.
    public func ticketIDs(withValuesOf fieldID: Int64, on object: FieldObject) async throws -> [Int64] {
        let sql: SQLQueryString = switch object {
        case .ticket:
            "SELECT object_id AS ticket_id FROM field_values WHERE object = 'ticket' AND field_id = \(bind: fieldID) ORDER BY object_id"
        case .article:
            """
            SELECT DISTINCT a.ticket_id FROM field_values v JOIN articles a ON a.id = v.object_id
            WHERE v.object = 'article' AND v.field_id = \(bind: fieldID) ORDER BY a.ticket_id
            """
        default:
            "SELECT 0 AS ticket_id WHERE 1 = 0"
        }
        return try await db.raw(sql).all().map { try $0.int64("ticket_id") }
    }

    /// Moves the values of one object to another (merge), keeping the target's own values.
    public func move(object: FieldObject, from source: Int64, to target: Int64) async throws {
        try await db.raw("""
            INSERT INTO field_values (object, object_id, field_id, value, text_value, number_value)
            SELECT object, \(bind: target), field_id, value, text_value, number_value FROM field_values
            WHERE object = \(bind: object.rawValue) AND object_id = \(bind: source)
            ON CONFLICT (object, object_id, field_id) DO NOTHING
            """).run()
    }

    /// The lowercased text that `field.X:value` filters compare with.
    public static func filterText(_ value: FieldValue) -> String {
        switch value {
        case .text(let text), .selection(let text), .date(let text): text.lowercased()
        case .selections(let options): options.joined(separator: "\u{1F}").lowercased()
        case .number, .datetime, .checkbox, .reference: value.storageString.trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
        }
    }

    static func decode(_ row: any SQLRow) throws -> FieldDefinition {
        FieldDefinition(
            id: try row.int64("id"), name: try row.string("name"), label: try row.string("label"),
            object: try row.enumeration("object"), type: try row.enumeration("type"), isRequired: try row.bool("required"),
            regex: try row.stringOrNil("regex"), options: try row.stringArray("options"),
            customerVisible: try row.bool("customer_visible"), minimum: try row.double("minimum"), maximum: try row.double("maximum")
        )
    }
}
