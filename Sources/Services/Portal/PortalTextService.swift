import Domain
import Foundation
import Store

/// The portal's mail texts and settings, for administrators; every change is recorded as an event.
public struct PortalTextService: Sendable {
    let context: ServiceContext
    let masterData: MasterDataCache

    public init(context: ServiceContext, masterData: MasterDataCache) {
        self.context = context
        self.masterData = masterData
    }

    /// Every text in both languages: the administrator's own, else the default (marked `isDefault`).
    public func texts(by principal: Principal) async throws -> [PortalTextView] {
        try AccessPolicy.requireAdmin(principal)
        let stored = try await context.database.read { db in try await PortalTextRepository(db).texts() }
        return PortalText.defaults.map { fallback in
            stored.first { $0.kind == fallback.kind && $0.language == fallback.language }.map { PortalTextView(text: $0, isDefault: false) }
                ?? PortalTextView(text: fallback, isDefault: true)
        }
    }

    /// Replaces the administrator's texts; kinds and languages left out return to their defaults.
    public func replace(_ input: PortalTextsInput, by principal: Principal) async throws -> [PortalTextView] {
        try AccessPolicy.requireAdmin(principal)
        var issues: [FieldIssue] = []
        var seen: Set<String> = []
        for (index, text) in input.items.enumerated() {
            let path = "items[\(index)]"
            if !PortalText.languages.contains(text.language) { issues.append(FieldIssue(field: path + ".language", .invalidChoice)) }
            if !seen.insert(text.kind.rawValue + "/" + text.language).inserted {
                issues.append(FieldIssue(field: path, .duplicate, detail: "A text for \(text.kind.rawValue) in \(text.language) appears twice."))
            }
            for (key, value, limit) in [("subject", text.subject, 998), ("body", text.body, 100_000)] {
                if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || value.count > limit {
                    issues.append(FieldIssue(field: "\(path).\(key)", .length(min: 1, max: limit)))
                }
                let unknown = MailTemplate.unknownPlaceholders(in: value, known: PortalText.placeholders)
                if !unknown.isEmpty {
                    issues.append(FieldIssue(field: "\(path).\(key)", .unknownReference(reference: unknown.joined(separator: ", ")), detail: "Unknown placeholders: \(unknown.joined(separator: ", "))."))
                }
            }
            if text.subject.contains(where: \.isNewline) { issues.append(FieldIssue(field: path + ".subject", .singleLine)) }
        }
        guard issues.isEmpty else { throw DomainError.invalid("The texts are not valid.", issues: issues) }
        let now = context.now()
        try await context.database.transaction { db in
            try await PortalTextRepository(db).replace(with: input.items)
            try await PortalEvents.record("portal.texts", id: nil, action: "updated", by: principal, at: now, db: db)
        }
        return try await texts(by: principal)
    }

    /// The settings, with the states in force where none is set.
    public func settings(by principal: Principal) async throws -> PortalSettings {
        try AccessPolicy.requireAdmin(principal)
        let master = try await masterData.current(context.database)
        return try await context.database.read { db in try await PortalTextRepository(db).settings() }.resolved(states: master.states)
    }

    public func save(_ settings: PortalSettings, by principal: Principal) async throws -> PortalSettings {
        try AccessPolicy.requireAdmin(principal)
        let master = try await masterData.current(context.database)
        var issues = settings.validate(states: master.states)
        if let sender = settings.senderAddress {
            do { _ = try AddressRules.normalise(sender, field: "senderAddress") } catch DomainError.invalid(_, let found) { issues += found }
        }
        guard issues.isEmpty else { throw DomainError.invalid("The settings are not valid.", issues: issues) }
        let now = context.now()
        try await context.database.transaction { db in
            try await PortalTextRepository(db).save(settings)
            try await PortalEvents.record("portal.settings", id: nil, action: "updated", by: principal, at: now, db: db)
        }
        return settings.resolved(states: master.states)
    }
}

/// A portal text with whether it is the built-in default.
public struct PortalTextView: Sendable, Encodable {
    public var text: PortalText
    public var isDefault: Bool

    private enum Key: String, CodingKey { case isDefault }

    public func encode(to encoder: any Encoder) throws {
        try text.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(isDefault, forKey: .isDefault)
    }
}
