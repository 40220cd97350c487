import Domain
import Foundation
import SQLKit
import Store

/// A field input that passed its definition's validation.
public struct ValidatedField: Sendable {
    public var definition: FieldDefinition
    /// The new value; nil clears the field.
    public var value: FieldValue?
}

/// Dynamic fields: definitions (admin) and validated values on every write path.
public struct FieldService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) {
        self.context = context
    }

    /// All definitions, optionally for one kind of object.
    public func definitions(for object: FieldObject?) async throws -> [FieldDefinition] {
        try await context.database.read { db in try await FieldRepository(db).definitions(for: object) }
    }

    /// The definitions `principal` may know of: all for agents, the customer-visible ones for customers.
    public func definitions(for object: FieldObject?, visibleTo principal: Principal) async throws -> [FieldDefinition] {
        let all = try await definitions(for: object)
        return AccessPolicy.seesInternals(principal) ? all : all.filter(\.customerVisible)
    }

    /// The definition named `name` with its version (the `ETag`, the admin form's hidden `version`), if `principal` may know of it.
    public func definition(named name: String, visibleTo principal: Principal) async throws -> Versioned<FieldDefinition> {
        let found = try await context.database.read { db -> Versioned<FieldDefinition>? in
            guard let definition = try await FieldRepository(db).definition(named: name), let id = definition.id,
                  AccessPolicy.seesInternals(principal) || definition.customerVisible
            else { return nil }
            return try await Versioned.current(definition, in: Self.versions(db), id: id)
        }
        guard let found else { throw DomainError.notFound("No field '\(name)'.") }
        return found
    }

    private static func versions(_ db: any SQLDatabase) -> RowVersions {
        RowVersions(db, table: "field_definitions")
    }

    /// Defines a new field (administrators only).
    public func define(_ definition: FieldDefinition, by principal: Principal) async throws -> FieldDefinition {
        try AccessPolicy.requireAdmin(principal)
        let issues = definition.validateDefinition()
        guard issues.isEmpty else { throw DomainError.invalid("The field definition is invalid.", issues: issues) }
        let now = context.now()
        return try await context.database.transaction { db in
            let repository = FieldRepository(db)
            if try await repository.definition(named: definition.name) != nil {
                throw DomainError.conflict("A field named '\(definition.name)' exists already.")
            }
            let stored = try await repository.insert(definition, at: now)
            try await EventRepository(db).append(
                type: EventType.masterDataChanged, ticketID: nil, actorID: principal.userID,
                payload: EventPayload.json(["kind": "field", "id": String(stored.id ?? 0), "name": definition.name, "action": "created"]), at: now
            )
            return stored
        }
    }

    /// Changes a field's label, flags, options, pattern or bounds; name, object and type stay (administrators only).
    /// When the field becomes customer-visible or stops being so, the search documents of every ticket holding
    /// a value of it are rebuilt in the same transaction, so customers find exactly what they may see.
    /// With `expectedVersion`, a definition changed meanwhile is refused as stale.
    public func redefine(
        name: String, as changed: FieldDefinition, expectedVersion: Int64? = nil, by principal: Principal
    ) async throws -> Versioned<FieldDefinition> {
        try AccessPolicy.requireAdmin(principal)
        let now = context.now()
        return try await context.database.transaction { db in
            let repository = FieldRepository(db)
            guard let existing = try await repository.definition(named: name), let fieldID = existing.id else {
                throw DomainError.notFound("No field '\(name)'.")
            }
            var updated = changed
            updated.id = existing.id
            updated.name = existing.name
            updated.object = existing.object
            updated.type = existing.type
            let issues = updated.validateDefinition()
            guard issues.isEmpty else { throw DomainError.invalid("The field definition is invalid.", issues: issues) }
            let version = try await Versioned<FieldDefinition>.advance(Self.versions(db), fieldID, from: expectedVersion, kind: "field")
            try await repository.update(updated)
            if updated.customerVisible != existing.customerVisible {
                try await rebuildSearchDocuments(ofTicketsWithValuesOf: fieldID, on: existing.object, db: db)
            }
            try await EventRepository(db).append(
                type: EventType.masterDataChanged, ticketID: nil, actorID: principal.userID,
                payload: EventPayload.json(["kind": "field", "id": String(fieldID), "name": name, "action": "updated"]), at: now
            )
            return Versioned(updated, version: version)
        }
    }

    private func rebuildSearchDocuments(ofTicketsWithValuesOf fieldID: Int64, on object: FieldObject, db: any SQLDatabase) async throws {
        let dialect = context.database.dialect
        let tickets = TicketRepository(db, dialect: dialect)
        let documents = TicketSearchDocuments(db: db, dialect: dialect)
        for id in try await FieldRepository(db).ticketIDs(withValuesOf: fieldID, on: object) {
            if let ticket = try await tickets.find(id, in: .everything) { try await documents.rebuild(ticket) }
        }
    }

    /// Validates inputs by field name against the definitions for `object`. For a new object every required
    /// field must be given; for an existing one only the given fields are checked. With `customerView` only
    /// customer-visible fields exist. Contact and user references must name existing records.
    func validate(
        _ inputs: [String: FieldInput], for object: FieldObject, db: any SQLDatabase, isNew: Bool = true, customerView: Bool = false
    ) async throws -> [ValidatedField] {
        let definitions = try await FieldRepository(db).definitions(for: object).filter { !customerView || $0.customerVisible }
        var issues: [FieldIssue] = []
        var result: [ValidatedField] = []
        for name in inputs.keys.sorted() where !definitions.contains(where: { $0.name == name }) {
            issues.append(FieldIssue(field: "fields.\(name)", .unknownReference(reference: name)))
        }
        for definition in definitions {
            guard let input = inputs[definition.name] else {
                if isNew, definition.isRequired {
                    issues.append(FieldIssue(field: "fields.\(definition.name)", .required))
                }
                continue
            }
            switch definition.validate(input) {
            case .success(let value):
                if let missing = try await missingReference(value, of: definition, db: db) {
                    issues.append(FieldIssue(field: "fields.\(definition.name)", .unknownReference(reference: String(missing.id)), detail: missing.message))
                } else {
                    result.append(ValidatedField(definition: definition, value: value))
                }
            case .failure(let issue):
                issues.append(issue.moved(to: "fields.\(definition.name)"))
            }
        }
        guard issues.isEmpty else { throw DomainError.invalid("Some field values are invalid.", issues: issues) }
        return result
    }

    /// Why a contact or user reference is unusable (nil when it names an existing record). Config items
    /// cannot be checked until the CMDB exists.
    private func missingReference(
        _ value: FieldValue?, of definition: FieldDefinition, db: any SQLDatabase
    ) async throws -> (id: Int64, message: String)? {
        guard case .reference(let id)? = value else { return nil }
        switch definition.type {
        case .contactReference:
            return try await ContactRepository(db).find(id) == nil ? (id, "No contact with id \(id).") : nil
        case .userReference:
            return try await UserRepository(db).find(id) == nil ? (id, "No user with id \(id).") : nil
        default:
            return nil
        }
    }

    /// Turns `field.NAME` conditions into list filters; a field the principal may not see is unknown.
    func filters(
        _ conditions: [(name: String, value: String, negated: Bool)], for object: FieldObject, principal: Principal
    ) async throws -> [FieldFilter] {
        guard !conditions.isEmpty else { return [] }
        let definitions = try await definitions(for: object)
        return try conditions.map { condition in
            guard let definition = definitions.first(where: { $0.name == condition.name }), let id = definition.id,
                  AccessPolicy.seesInternals(principal) || definition.customerVisible
            else { throw DomainError.invalid(FieldIssue(field: "field.\(condition.name)", .unknownReference(reference: condition.name))) }
            return FieldFilter(fieldID: id, value: condition.value, isNegated: condition.negated)
        }
    }

    func store(_ fields: [ValidatedField], object: FieldObject, objectID: Int64, db: any SQLDatabase) async throws {
        let repository = FieldRepository(db)
        for field in fields {
            try await repository.setValue(field.value, field: field.definition, object: object, objectID: objectID)
        }
    }

    /// Values of one object by field name; customers get only customer-visible fields.
    func values(object: FieldObject, objectID: Int64, customerView: Bool, db: any SQLDatabase) async throws -> [String: FieldValue] {
        try await values(object: object, objectIDs: [objectID], customerView: customerView, db: db)[objectID] ?? [:]
    }

    /// Values of several objects, by object id and field name.
    func values(object: FieldObject, objectIDs: [Int64], customerView: Bool, db: any SQLDatabase) async throws -> [Int64: [String: FieldValue]] {
        try await named(try await FieldRepository(db).values(object: object, objectIDs: objectIDs), object: object, customerView: customerView, db: db)
    }

    /// Stored values (by object id and field id) by field name; without the fields customers may not see in a
    /// customer's view. Reads the field definitions only when there are values.
    func named(
        _ stored: [Int64: [Int64: String]], object: FieldObject, customerView: Bool, db: any SQLDatabase
    ) async throws -> [Int64: [String: FieldValue]] {
        guard !stored.isEmpty else { return [:] }
        let definitions = try await FieldRepository(db).definitions(for: object).filter { !customerView || $0.customerVisible }
        var result: [Int64: [String: FieldValue]] = [:]
        for (objectID, byField) in stored {
            for definition in definitions {
                guard let id = definition.id, let text = byField[id], let value = FieldValue(storageString: text, type: definition.type) else { continue }
                result[objectID, default: [:]][definition.name] = value
            }
        }
        return result
    }
}
