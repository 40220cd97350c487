import Domain
import Foundation

/// A new catalogue category as an administrator submits it.
public struct CategoryInput: Sendable, Decodable {
    public var parentId: Int64?
    public var titleDE: String
    public var titleEN: String
    public var descriptionDE: String?
    public var descriptionEN: String?
    public var icon: String?
    public var keywords: [String]?
    public var sortOrder: Int?
    public var isActive: Bool?
    public var visibility: CatalogueVisibility?
    public var organisationIds: [Int64]?
    public var formId: Int64?
}

extension CategoryInput {
    /// A new category with the values of `draft` (a category as an admin page read it).
    public init(_ draft: CatalogueCategory) {
        self.init(
            parentId: draft.parentID, titleDE: draft.titleDE, titleEN: draft.titleEN, descriptionDE: draft.descriptionDE,
            descriptionEN: draft.descriptionEN, icon: draft.icon, keywords: draft.keywords, sortOrder: draft.sortOrder,
            isActive: draft.isActive, visibility: draft.visibility, organisationIds: draft.organisationIDs, formId: draft.formID
        )
    }
}

/// Changes to a category; absent keys stay, `null` clears optional ones.
public struct CategoryChanges: Sendable, Decodable {
    public var parentId: Change<Int64>?
    public var titleDE: String?
    public var titleEN: String?
    public var descriptionDE: Change<String>?
    public var descriptionEN: Change<String>?
    public var icon: Change<String>?
    public var keywords: [String]?
    public var sortOrder: Int?
    public var isActive: Bool?
    public var visibility: CatalogueVisibility?
    public var organisationIds: [Int64]?
    public var formId: Change<Int64>?

    private enum CodingKeys: String, CodingKey {
        case parentId, titleDE, titleEN, descriptionDE, descriptionEN, icon, keywords, sortOrder, isActive, visibility, organisationIds, formId
    }

    /// Changes that give a category every value of `draft` (a category as an admin page read it).
    public init(replacingWith draft: CatalogueCategory) {
        parentId = draft.parentID.map(Change.set) ?? .clear
        titleDE = draft.titleDE
        titleEN = draft.titleEN
        descriptionDE = draft.descriptionDE.map(Change.set) ?? .clear
        descriptionEN = draft.descriptionEN.map(Change.set) ?? .clear
        icon = draft.icon.map(Change.set) ?? .clear
        keywords = draft.keywords
        sortOrder = draft.sortOrder
        isActive = draft.isActive
        visibility = draft.visibility
        organisationIds = draft.organisationIDs
        formId = draft.formID.map(Change.set) ?? .clear
    }

    /// Changes that only offer form `formID` in the category (nil: no form).
    public init(formId formID: Int64?) {
        formId = formID.map(Change.set) ?? .clear
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        parentId = try c.decodeChange(Int64.self, forKey: .parentId)
        titleDE = try c.decodeIfPresent(String.self, forKey: .titleDE)
        titleEN = try c.decodeIfPresent(String.self, forKey: .titleEN)
        descriptionDE = try c.decodeChange(String.self, forKey: .descriptionDE)
        descriptionEN = try c.decodeChange(String.self, forKey: .descriptionEN)
        icon = try c.decodeChange(String.self, forKey: .icon)
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords)
        sortOrder = try c.decodeIfPresent(Int.self, forKey: .sortOrder)
        isActive = try c.decodeIfPresent(Bool.self, forKey: .isActive)
        visibility = try c.decodeIfPresent(CatalogueVisibility.self, forKey: .visibility)
        organisationIds = try c.decodeIfPresent([Int64].self, forKey: .organisationIds)
        formId = try c.decodeChange(Int64.self, forKey: .formId)
    }
}

/// A requester's answers to a form: values by item name, and files by upload item name.
public struct FormSubmission: Sendable, Decodable {
    public var answers: [String: FieldInput]?
    public var uploads: [String: [NewAttachment]]?

    public init(answers: [String: FieldInput]? = nil, uploads: [String: [NewAttachment]]? = nil) {
        self.answers = answers
        self.uploads = uploads
    }
}

/// A citizen's concern: the answers, their mail address, the language for mail, and the honeypot field `website`
/// that people never see and robots fill in.
public struct CitizenSubmission: Sendable, Decodable {
    public var email: String
    public var language: String?
    public var answers: [String: FieldInput]?
    public var uploads: [String: [NewAttachment]]?
    public var website: String?

    public init(email: String, language: String? = nil, answers: [String: FieldInput]? = nil) {
        self.email = email
        self.language = language
        self.answers = answers
    }
}

/// A draft form and answers to try it with.
public struct FormPreviewRequest: Sendable, Decodable {
    public var form: RequestForm
    public var answers: [String: FieldInput]?
    public var uploads: [String: [NewAttachment]]?
}

/// A requester's reason for reopening, or a citizen's reply.
public struct RequesterMessage: Sendable, Decodable {
    public var body: String?
    public var attachments: [NewAttachment]?

    public init(body: String?, attachments: [NewAttachment]?) {
        self.body = body
        self.attachments = attachments
    }
}

/// The portal's mail texts as an administrator replaces them.
public struct PortalTextsInput: Sendable, Decodable {
    public var items: [PortalText]

    public init(items: [PortalText]) {
        self.items = items
    }
}
