import Domain
import Foundation
import SQLKit
import Store

/// Configuration-item classes: agents read them, administrators define and change them. Every change of a
/// definition is a new version; items keep theirs until `upgrade` moves them with a migration rule.
public struct CMDBClassService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) {
        self.context = context
    }

    public func classes(for principal: Principal) async throws -> [CIClassView] {
        try AccessPolicy.requireCMDBReader(principal)
        return try await context.database.read { db in try await CIClassRepository(db).all() }.map(CIClassView.init)
    }

    public func ciClass(_ id: Int64, for principal: Principal) async throws -> CIClassView {
        try AccessPolicy.requireCMDBReader(principal)
        return CIClassView(try await context.database.read { db in try await Self.require(id, db: db) })
    }

    /// Every version of the class's definition, oldest first.
    public func versions(of id: Int64, for principal: Principal) async throws -> [CIClassVersion] {
        try AccessPolicy.requireCMDBReader(principal)
        return try await context.database.read { db in
            _ = try await Self.require(id, db: db)
            return try await CIClassRepository(db).versions(of: id)
        }
    }

    /// Defines a new class (version 1) with its attribute indexes.
    public func create(_ input: CIClassInput, by principal: Principal) async throws -> CIClassView {
        let (name, nameEN) = try Self.check(input, by: principal)
        let now = context.now()
        let dialect = context.database.dialect
        return CIClassView(try await context.database.transaction { db in
            let repository = CIClassRepository(db)
            try await Self.requireFreeNames(name, nameEN, except: nil, repository: repository)
            let stored = try await repository.insert(
                CIClass(id: 0, name: name, nameEN: nameEN, version: 1, definition: input.definition, createdAt: now, changedAt: now),
                by: principal.actorID
            )
            try await CIAttributeIndexes(db, dialect: dialect).sync(classID: stored.id, definition: stored.definition)
            try await Self.appendEvent(EventType.cmdbClassChanged, stored, by: principal, at: now, db: db)
            return stored
        })
    }

    /// Renames a class and, when its definition differs, stores the definition as a new version. Items keep the
    /// version they were written with.
    public func redefine(_ id: Int64, _ input: CIClassInput, by principal: Principal) async throws -> CIClassView {
        let (name, nameEN) = try Self.check(input, by: principal)
        let now = context.now()
        let dialect = context.database.dialect
        return CIClassView(try await context.database.transaction { db in
            let repository = CIClassRepository(db)
            var ciClass = try await Self.require(id, db: db)
            try await Self.requireFreeNames(name, nameEN, except: id, repository: repository)
            let isNewVersion = ciClass.definition != input.definition
            guard isNewVersion || ciClass.name != name || ciClass.nameEN != nameEN else { return ciClass }
            ciClass.name = name
            ciClass.nameEN = nameEN
            ciClass.changedAt = now
            if isNewVersion {
                ciClass.definition = input.definition
                ciClass.version += 1
                try await CIAttributeIndexes(db, dialect: dialect).sync(classID: id, definition: ciClass.definition)
            }
            try await repository.update(ciClass, by: principal.actorID, newVersion: isNewVersion)
            try await Self.appendEvent(EventType.cmdbClassChanged, ciClass, by: principal, at: now, db: db)
            return ciClass
        })
    }

    /// Moves every item of the class written with an older version to the current one: attributes renamed and
    /// defaulted by `rule`, then checked like any write. All items move, or (on any invalid item) none.
    public func upgrade(_ id: Int64, rule: CIClassUpgrade, by principal: Principal) async throws -> CIUpgradeResult {
        try AccessPolicy.requireAdmin(principal)
        let now = context.now()
        let dialect = context.database.dialect
        return try await context.database.transaction { db in
            let ciClass = try await Self.require(id, db: db)
            let ruleIssues = rule.validate(against: ciClass.definition)
            guard ruleIssues.isEmpty else { throw DomainError.invalid("The upgrade rule does not fit the class.", issues: ruleIssues) }
            let classes = try await CIClassRepository(db).all()
            let items = ConfigItemRepository(db, dialect: dialect)
            let checker = AttributeChecker(db: db, dialect: dialect)
            var issues: [FieldIssue] = []
            var upgraded = 0
            for var item in try await items.outdated(classID: id, version: ciClass.version) {
                let inputs = rule.apply(to: item.attributes, definition: ciClass.definition)
                switch try await checker.check(inputs, base: [:], definition: ciClass.definition, classID: id, itemID: item.id, classes: classes) {
                case .failure(let error):
                    if case .invalid(_, let itemIssues) = error {
                        issues += itemIssues.map { FieldIssue(field: "\(item.number).\($0.field)", message: $0.message) }
                    }
                case .success(let attributes):
                    let old = item
                    item.attributes = attributes
                    item.classVersion = ciClass.version
                    item.changedAt = now
                    try await ConfigItemWriter(db: db, dialect: dialect, now: now).update(item, from: old, className: ciClass.name, by: principal)
                    upgraded += 1
                }
            }
            guard issues.isEmpty else {
                throw DomainError.invalid("Some items do not fit the new definition; none was upgraded.", issues: issues)
            }
            return CIUpgradeResult(upgraded: upgraded, version: ciClass.version)
        }
    }

    static func require(_ id: Int64, db: any SQLDatabase) async throws -> CIClass {
        guard let ciClass = try await CIClassRepository(db).find(id) else { throw DomainError.notFound("No configuration item class \(id).") }
        return ciClass
    }

    /// Throws a conflict when another class than `id` has either name (in either language).
    private static func requireFreeNames(_ name: String, _ nameEN: String?, except id: Int64?, repository: CIClassRepository) async throws {
        for candidate in [name, nameEN].compactMap({ $0 }) {
            if let other = try await repository.find(name: candidate), other.id != id {
                throw DomainError.conflict("A class named '\(candidate)' exists already.")
            }
        }
    }

    /// Checks that `principal` may define classes and that `input` is a valid definition; returns its trimmed names.
    private static func check(_ input: CIClassInput, by principal: Principal) throws(DomainError) -> (String, String?) {
        try AccessPolicy.requireAdmin(principal)
        let issues = input.definition.validate()
        guard issues.isEmpty else { throw .invalid("The class definition is invalid.", issues: issues) }
        return try names(input)
    }

    private static func names(_ input: CIClassInput) throws(DomainError) -> (String, String?) {
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { throw .invalid(field: "name", "A class name needs 1 to 200 characters.") }
        let nameEN = input.nameEN?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let nameEN, nameEN.isEmpty || nameEN.count > 200 {
            throw .invalid(field: "nameEN", "An English class name needs 1 to 200 characters.")
        }
        return (name, nameEN)
    }

    private static func appendEvent(_ type: String, _ ciClass: CIClass, by principal: Principal, at now: Date, db: any SQLDatabase) async throws {
        try await EventRepository(db).append(
            type: type, ticketID: nil, actorID: principal.actorID,
            payload: EventPayload.json(["classId": String(ciClass.id), "version": String(ciClass.version)]), at: now
        )
    }
}

extension Principal {
    /// The user to record as the actor: nil for the system.
    var actorID: Int64? { isSystem ? nil : userID }
}
