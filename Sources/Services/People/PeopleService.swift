import Domain
import Foundation
import Store

/// A contact as callers submit it.
public struct ContactInput: Sendable, Decodable {
    public var firstName: String?
    public var lastName: String
    public var emails: [String]?
    public var phones: [String]?
    public var organisationId: Int64?
    public var isActive: Bool?
    /// Dynamic field values by field name.
    public var fields: [String: FieldInput]?
}

/// An organisation as callers submit it.
public struct OrganisationInput: Sendable, Decodable {
    public var name: String
    public var parentId: Int64?
    public var mailDomains: [String]?
    public var isActive: Bool?
    /// Dynamic field values by field name.
    public var fields: [String: FieldInput]?
}

/// Contacts and organisations (agents read, agents with any create right or administrators write).
public struct PeopleService: Sendable {
    let context: ServiceContext
    let fields: FieldService

    public init(context: ServiceContext) {
        self.context = context
        fields = FieldService(context: context)
    }

    /// Contacts by id after `cursor`, optionally by name or address prefix, organisation and field values.
    public func contacts(
        after cursor: Int64?, limit: Int, prefix: String?, organisationID: Int64?, fields fieldConditions: [String: String] = [:],
        by principal: Principal
    ) async throws -> Page<Fielded<Contact>> {
        try AccessPolicy.requireAgent(principal)
        guard (1...1000).contains(limit) else { throw DomainError.invalid(FieldIssue(field: "limit", .outOfRange(min: "1", max: "1000"))) }
        let filters = try await fields.filters(fieldConditions.map { ($0.key, $0.value, false) }, for: .contact, principal: principal)
        let contacts = try await context.database.read { db in
            try await ContactRepository(db).list(after: cursor, limit: limit + 1, prefix: prefix, organisationID: organisationID, fields: filters)
        }
        return Page(fetched: try await withFields(contacts, object: .contact, principal: principal), limit: limit) { $0.value.id }
    }

    public func contact(_ id: Int64, by principal: Principal) async throws -> Fielded<Contact> {
        guard AccessPolicy.seesInternals(principal) || principal.contactID == id,
              let contact = try await context.database.read({ db in try await ContactRepository(db).find(id) })
        else { throw DomainError.notFound("No contact \(id).") }
        return try await withFields([contact], object: .contact, principal: principal)[0]
    }

    /// Objects with the field values the principal may see.
    private func withFields<Value: Identifiable & Encodable & Sendable>(
        _ objects: [Value], object: FieldObject, principal: Principal
    ) async throws -> [Fielded<Value>] where Value.ID == Int64 {
        let ids = objects.map(\.id)
        let values = try await context.database.read { db in
            try await fields.values(object: object, objectIDs: ids, customerView: !AccessPolicy.seesInternals(principal), db: db)
        }
        return objects.map { Fielded($0, fields: values[$0.id] ?? [:]) }
    }

    /// Creates (`id` nil) or replaces a contact; given field values are set, others stay.
    public func saveContact(_ id: Int64?, _ input: ContactInput, by principal: Principal) async throws -> Fielded<Contact> {
        try AccessPolicy.requirePeopleEditor(principal)
        let lastName = input.lastName.trimmingCharacters(in: .whitespaces)
        guard (1...200).contains(lastName.count) else { throw DomainError.invalid(FieldIssue(field: "lastName", .length(min: 1, max: 200))) }
        let emails = try (input.emails ?? []).map { address throws(DomainError) in try AddressRules.normalise(address, field: "emails") }
        guard Set(emails).count == emails.count else { throw DomainError.invalid(FieldIssue(field: "emails", .duplicate)) }
        let phones = try (input.phones ?? []).map { phone throws(DomainError) in
            guard let line = try ArticleDraft.line(phone, field: "phones", max: 50) else { throw .invalid(FieldIssue(field: "phones", .required)) }
            return line
        }
        let now = context.now()
        return try await context.database.transaction { db in
            let repository = ContactRepository(db)
            if let owner = try await repository.owner(ofAnyOf: emails, excluding: id) {
                throw DomainError.conflict("An address belongs to contact \(owner) already.")
            }
            if let organisationID = input.organisationId, try await OrganisationRepository(db).find(organisationID) == nil {
                throw DomainError.invalid(FieldIssue(field: "organisationId", .unknownReference(reference: String(organisationID))))
            }
            var contact = Contact(
                id: id ?? 0, firstName: input.firstName?.trimmingCharacters(in: .whitespaces) ?? "", lastName: lastName, emails: emails,
                phones: phones, organisationID: input.organisationId, isActive: input.isActive ?? true, createdAt: now
            )
            if let id {
                guard let existing = try await repository.find(id) else { throw DomainError.notFound("No contact \(id).") }
                contact.createdAt = existing.createdAt
            }
            let fieldValues = try await fields.validate(input.fields ?? [:], for: .contact, db: db, isNew: id == nil)
            if id == nil {
                contact = try await repository.insert(contact)
            } else {
                try await repository.update(contact)
            }
            try await fields.store(fieldValues, object: .contact, objectID: contact.id, db: db)
            return Fielded(contact, fields: try await fields.values(object: .contact, objectID: contact.id, customerView: false, db: db))
        }
    }

    /// Organisations by id after `cursor`, optionally by field values.
    public func organisations(
        after cursor: Int64?, limit: Int, fields fieldConditions: [String: String] = [:], by principal: Principal
    ) async throws -> Page<Fielded<Organisation>> {
        try AccessPolicy.requireAgent(principal)
        guard (1...1000).contains(limit) else { throw DomainError.invalid(FieldIssue(field: "limit", .outOfRange(min: "1", max: "1000"))) }
        let filters = try await fields.filters(fieldConditions.map { ($0.key, $0.value, false) }, for: .organisation, principal: principal)
        let organisations = try await context.database.read { db in
            try await OrganisationRepository(db).list(after: cursor, limit: limit + 1, fields: filters)
        }
        return Page(fetched: try await withFields(organisations, object: .organisation, principal: principal), limit: limit) { $0.value.id }
    }

    public func organisation(_ id: Int64, by principal: Principal) async throws -> Fielded<Organisation> {
        guard AccessPolicy.seesInternals(principal) || principal.organisationIDs.contains(id),
              let organisation = try await context.database.read({ db in try await OrganisationRepository(db).find(id) })
        else { throw DomainError.notFound("No organisation \(id).") }
        return try await withFields([organisation], object: .organisation, principal: principal)[0]
    }

    /// Creates (`id` nil) or replaces an organisation; a parent may not create a cycle; given field values
    /// are set, others stay.
    public func saveOrganisation(_ id: Int64?, _ input: OrganisationInput, by principal: Principal) async throws -> Fielded<Organisation> {
        try AccessPolicy.requirePeopleEditor(principal)
        let name = input.name.trimmingCharacters(in: .whitespaces)
        guard (1...200).contains(name.count) else { throw DomainError.invalid(FieldIssue(field: "name", .length(min: 1, max: 200))) }
        let domains = try (input.mailDomains ?? []).map { domain throws(DomainError) in
            let value = domain.trimmingCharacters(in: .whitespaces).lowercased()
            let bare = value.hasPrefix("*.") ? String(value.dropFirst(2)) : value
            guard bare.contains("."), bare.count <= 253, bare.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else {
                throw .invalid(FieldIssue(field: "mailDomains", .invalidFormat, detail: "'\(domain.prefix(100))' is not a domain such as stadt.example or *.stadt.example."))
            }
            return value
        }
        let now = context.now()
        return try await context.database.transaction { db in
            let repository = OrganisationRepository(db)
            if let existing = try await repository.find(name: name), existing.id != id {
                throw DomainError.conflict("An organisation named '\(name)' exists already.")
            }
            if let parent = input.parentId {
                guard try await repository.find(parent) != nil else { throw DomainError.invalid(FieldIssue(field: "parentId", .unknownReference(reference: String(parent)))) }
                if let id, try await repository.ancestry(of: parent).contains(id) {
                    throw DomainError.invalid(FieldIssue(field: "parentId", .selfReference))
                }
            }
            var organisation = Organisation(
                id: id ?? 0, name: name, parentID: input.parentId, mailDomains: domains, isActive: input.isActive ?? true, createdAt: now
            )
            if let id {
                guard let existing = try await repository.find(id) else { throw DomainError.notFound("No organisation \(id).") }
                organisation.createdAt = existing.createdAt
            }
            let fieldValues = try await fields.validate(input.fields ?? [:], for: .organisation, db: db, isNew: id == nil)
            if id == nil {
                organisation = try await repository.insert(organisation)
            } else {
                try await repository.update(organisation)
            }
            try await fields.store(fieldValues, object: .organisation, objectID: organisation.id, db: db)
            return Fielded(organisation, fields: try await fields.values(object: .organisation, objectID: organisation.id, customerView: false, db: db))
        }
    }
}
