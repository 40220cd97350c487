import Domain
import Foundation
import SQLKit

/// Configuration items: the current row with its attribute JSON, plus one version row per real change.
public struct ConfigItemRepository: Sendable {
    let db: any SQLDatabase
    let dialect: Dialect

    public init(_ db: any SQLDatabase, dialect: Dialect) {
        self.db = db
        self.dialect = dialect
    }

    /// The columns of item alias `i`, with the attributes as text on both engines.
    var columns: SQLQueryString {
        let attributes: SQLQueryString = dialect == .postgres ? "i.attributes::text AS attributes" : "i.attributes"
        return """
            i.id, i.number, i.name, i.class_id, i.class_version, i.deployment_state, i.incident_state, i.owner_contact_id,
            i.owner_organisation_id, i.location_id, \(attributes), i.version, i.created_at, i.changed_at
            """
    }

    /// The attribute JSON as a value for the attributes column.
    private func json(_ attributes: CIAttributes) -> SQLQueryString {
        dialect == .postgres ? "CAST(\(bind: attributes.json) AS jsonb)" : "\(bind: attributes.json)"
    }

    /// Inserts the item as version 1 (with its version row); returns it with its id.
    public func insert(_ item: ConfigItem, by actorID: Int64?) async throws -> ConfigItem {
        let row = try await db.raw("""
            INSERT INTO cmdb_items (number, name, class_id, class_version, deployment_state, incident_state, owner_contact_id,
                owner_organisation_id, location_id, attributes, version, created_at, changed_at, created_by)
            VALUES (\(bind: item.number), \(bind: item.name), \(bind: item.classID), \(bind: item.classVersion),
                \(bind: item.deploymentState.rawValue), \(bind: item.incidentState.rawValue), \(bind: item.ownerContactID),
                \(bind: item.ownerOrganisationID), \(bind: item.locationID), \(json(item.attributes)), 1,
                \(bind: item.createdAt.millis), \(bind: item.changedAt.millis), \(bind: actorID))
            RETURNING id
            """).first()
        var stored = item
        stored.id = try row?.int64("id") ?? 0
        stored.version = 1
        try await insertVersion(of: stored, by: actorID)
        return stored
    }

    public func find(_ id: Int64) async throws -> ConfigItem? {
        try await db.raw("SELECT \(columns) FROM cmdb_items i WHERE i.id = \(bind: id)").first().map(Self.decode)
    }

    /// An item with the name and current definition version of its class.
    public struct ClassifiedItem: Sendable {
        public var item: ConfigItem
        public var className: String
        /// The class's current definition version (the item may have been written with an older one).
        public var classVersion: Int64
    }

    /// The item with its class's name and current version, in one query (the item view's).
    public func findClassified(_ id: Int64) async throws -> ClassifiedItem? {
        try await db.preparing.raw("""
            SELECT \(columns), c.name AS class_name, c.version AS current_class_version
            FROM cmdb_items i JOIN cmdb_classes c ON c.id = i.class_id WHERE i.id = \(bind: id)
            """).first().map { row in
            ClassifiedItem(item: try Self.decode(row), className: try row.string("class_name"), classVersion: try row.int64("current_class_version"))
        }
    }

    /// The item, locked against concurrent writers until the transaction ends (PostgreSQL).
    public func findForUpdate(_ id: Int64) async throws -> ConfigItem? {
        let lock: SQLQueryString = dialect == .postgres ? " FOR UPDATE" : ""
        return try await db.raw("SELECT \(columns) FROM cmdb_items i WHERE i.id = \(bind: id)\(lock)").first().map(Self.decode)
    }

    public func find(number: String) async throws -> ConfigItem? {
        try await db.raw("SELECT \(columns) FROM cmdb_items i WHERE i.number = \(bind: number)").first().map(Self.decode)
    }

    /// The items with these ids, in id order.
    public func items(_ ids: [Int64]) async throws -> [ConfigItem] {
        guard !ids.isEmpty else { return [] }
        return try await db.raw("SELECT \(columns) FROM cmdb_items i WHERE i.id IN (\(binds: ids)) ORDER BY i.id").all().map(Self.decode)
    }

    /// The items of class `classID` owned by the contact or (when given) the organisation, by name; at most 500.
    public func owned(byContact contactID: Int64, organisation organisationID: Int64?, classID: Int64) async throws -> [ConfigItem] {
        try await db.raw("""
            SELECT \(columns) FROM cmdb_items i WHERE i.class_id = \(bind: classID)
                AND (i.owner_contact_id = \(bind: contactID) OR i.owner_organisation_id = \(bind: organisationID ?? -1))
            ORDER BY i.name, i.id LIMIT 500
            """).all().map(Self.decode)
    }

    /// The items of a class written with an older definition version.
    public func outdated(classID: Int64, version: Int64) async throws -> [ConfigItem] {
        try await db.raw("""
            SELECT \(columns) FROM cmdb_items i WHERE i.class_id = \(bind: classID) AND i.class_version <> \(bind: version) ORDER BY i.id
            """).all().map(Self.decode)
    }

    /// The id of another item of the class whose attribute `attribute` holds `value`.
    public func holder(of value: CIValue, attribute: CIAttribute, classID: Int64, excluding itemID: Int64?) async throws -> Int64? {
        let expression = SQLQueryString(CIAttributeExpression(key: attribute.key, type: attribute.type, dialect: dialect).sql())
        return try await db.raw("""
            SELECT i.id FROM cmdb_items i WHERE i.class_id = \(literal: Int(classID)) AND \(expression) = \(CIValueBinding(value: value, dialect: dialect).sql)
            AND i.id <> \(bind: itemID ?? 0) LIMIT 1
            """).first()?.int64("id")
    }

    /// The items of the class whose attribute `attribute` holds one of `values`, by the value's `displayText`.
    public func holders(of values: [CIValue], attribute: CIAttribute, classID: Int64) async throws -> [String: Int64] {
        let expression = SQLQueryString(CIAttributeExpression(key: attribute.key, type: attribute.type, dialect: dialect).sql())
        var holders: [String: Int64] = [:]
        for chunk in values.chunked(ConfigItemBulkWriter.rowsPerStatement) {
            let bound = chunk.map { CIValueBinding(value: $0, dialect: dialect).sql }
            let rows = try await db.raw("""
                SELECT \(columns) FROM cmdb_items i WHERE i.class_id = \(literal: Int(classID)) AND \(expression) IN (\(bound.joined(separator: ", ")))
                """).all()
            for item in try rows.map(Self.decode) {
                if let value = item.attributes[attribute.key] { holders[value.displayText] = item.id }
            }
        }
        return holders
    }

    /// Writes `item` as version `item.version + 1` if its stored version is still `item.version`, with a version row.
    /// Returns the new version, or nil when someone else changed the item first.
    public func update(_ item: ConfigItem, by actorID: Int64?) async throws -> Int64? {
        let rows = try await db.raw("""
            UPDATE cmdb_items SET name = \(bind: item.name), class_version = \(bind: item.classVersion),
                deployment_state = \(bind: item.deploymentState.rawValue), incident_state = \(bind: item.incidentState.rawValue),
                owner_contact_id = \(bind: item.ownerContactID), owner_organisation_id = \(bind: item.ownerOrganisationID),
                location_id = \(bind: item.locationID), attributes = \(json(item.attributes)), changed_at = \(bind: item.changedAt.millis),
                version = version + 1
            WHERE id = \(bind: item.id) AND version = \(bind: item.version)
            RETURNING version
            """).all()
        guard let version = try rows.first?.int64("version") else { return nil }
        var stored = item
        stored.version = version
        try await insertVersion(of: stored, by: actorID)
        return version
    }

    private func insertVersion(of item: ConfigItem, by actorID: Int64?) async throws {
        try await db.raw("""
            INSERT INTO cmdb_item_versions (item_id, version, class_version, name, deployment_state, incident_state, attributes,
                created_at, created_by)
            VALUES (\(bind: item.id), \(bind: item.version), \(bind: item.classVersion), \(bind: item.name),
                \(bind: item.deploymentState.rawValue), \(bind: item.incidentState.rawValue), \(bind: item.attributes.json),
                \(bind: item.changedAt.millis), \(bind: actorID))
            """).run()
    }

    public func versions(of itemID: Int64) async throws -> [ConfigItemVersion] {
        try await db.raw("SELECT * FROM cmdb_item_versions WHERE item_id = \(bind: itemID) ORDER BY version").all().map { row in
            ConfigItemVersion(
                version: try row.int64("version"), classVersion: try row.int64("class_version"), name: try row.string("name"),
                deploymentState: try row.enumeration("deployment_state"), incidentState: try row.enumeration("incident_state"),
                attributes: try Self.attributes(row), createdAt: try row.date("created_at"), createdBy: try row.int64OrNil("created_by")
            )
        }
    }

    /// The chain of locations above `itemID`, nearest first (at most 20, which also stops a loop).
    public func locationPath(of locationID: Int64?) async throws -> [ConfigItem] {
        var path: [ConfigItem] = []
        var next = locationID
        while let id = next, path.count < 20, !path.contains(where: { $0.id == id }), let location = try await find(id) {
            path.append(location)
            next = location.locationID
        }
        return path
    }

    static func attributes(_ row: any SQLRow) throws -> CIAttributes {
        let text = try row.string("attributes")
        guard let attributes = CIAttributes(json: text) else { throw StoreError.corrupt("item attributes \(text.prefix(80))") }
        return attributes
    }

    static func decode(_ row: any SQLRow) throws -> ConfigItem {
        ConfigItem(
            id: try row.int64("id"), number: try row.string("number"), name: try row.string("name"), classID: try row.int64("class_id"),
            classVersion: try row.int64("class_version"), deploymentState: try row.enumeration("deployment_state"),
            incidentState: try row.enumeration("incident_state"), ownerContactID: try row.int64OrNil("owner_contact_id"),
            ownerOrganisationID: try row.int64OrNil("owner_organisation_id"), locationID: try row.int64OrNil("location_id"),
            attributes: try attributes(row), version: try row.int64("version"), createdAt: try row.date("created_at"),
            changedAt: try row.date("changed_at")
        )
    }
}

/// A value bound for comparison with `CIAttributeExpression`: numbers as numbers, booleans as 1/0 on SQLite and as
/// text on PostgreSQL (where `->>` yields `true`/`false`), everything else as text.
struct CIValueBinding {
    let value: CIValue
    let dialect: Dialect

    var sql: SQLQueryString {
        switch value {
        case .number(let number): dialect == .postgres ? "CAST(\(bind: number) AS numeric)" : "\(bind: number)"
        case .bool(let flag): dialect == .postgres ? "\(bind: flag ? "true" : "false")" : "\(bind: flag ? 1 : 0)"
        case .text(let text): "\(bind: text)"
        case .list(let items): "\(bind: items.joined(separator: "; "))"
        }
    }
}
