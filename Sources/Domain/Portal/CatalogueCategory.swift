import Foundation

/// One entry of the self-service catalogue: a node of the category tree, in German and English, optionally
/// offering a request form.
public struct CatalogueCategory: Sendable, Codable, Equatable, Identifiable {
    public static let maximumTitleLength = 200
    public static let maximumDescriptionLength = 2000
    public static let maximumKeywords = 50

    public var id: Int64
    public var parentID: Int64?
    public var titleDE: String
    public var titleEN: String
    public var descriptionDE: String?
    public var descriptionEN: String?
    /// The name of an icon of the portal's icon set, such as `printer`.
    public var icon: String?
    public var keywords: [String]
    /// Position among its siblings, ascending.
    public var sortOrder: Int
    public var isActive: Bool
    public var visibility: CatalogueVisibility
    /// The organisations that see the category when `visibility` is `organisations`.
    public var organisationIDs: [Int64]
    /// The request form requesters fill in for this category.
    public var formID: Int64?
    public var version: Int64
    public var createdAt: Date
    public var changedAt: Date

    public init(
        id: Int64 = 0, parentID: Int64? = nil, titleDE: String, titleEN: String, descriptionDE: String? = nil,
        descriptionEN: String? = nil, icon: String? = nil, keywords: [String] = [], sortOrder: Int = 0, isActive: Bool = true,
        visibility: CatalogueVisibility = .customers, organisationIDs: [Int64] = [], formID: Int64? = nil, version: Int64 = 1,
        createdAt: Date, changedAt: Date
    ) {
        self.id = id
        self.parentID = parentID
        self.titleDE = titleDE
        self.titleEN = titleEN
        self.descriptionDE = descriptionDE
        self.descriptionEN = descriptionEN
        self.icon = icon
        self.keywords = keywords
        self.sortOrder = sortOrder
        self.isActive = isActive
        self.visibility = visibility
        self.organisationIDs = organisationIDs
        self.formID = formID
        self.version = version
        self.createdAt = createdAt
        self.changedAt = changedAt
    }

    /// The title in `language` (`de` or `en`).
    public func title(in language: String) -> String { language == "en" ? titleEN : titleDE }

    /// The description in `language`.
    public func description(in language: String) -> String? { language == "en" ? descriptionEN : descriptionDE }

    /// Everything wrong with the category on its own; empty when it may be saved.
    public func validate() -> [FieldIssue] {
        var issues: [FieldIssue] = []
        for (field, title) in [("titleDE", titleDE), ("titleEN", titleEN)] {
            if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || title.count > Self.maximumTitleLength {
                issues.append(FieldIssue(field: field, .length(min: 1, max: Self.maximumTitleLength)))
            }
        }
        for (field, text) in [("descriptionDE", descriptionDE), ("descriptionEN", descriptionEN)] where (text?.count ?? 0) > Self.maximumDescriptionLength {
            issues.append(FieldIssue(field: field, .tooLong(max: Self.maximumDescriptionLength)))
        }
        if let icon, icon.isEmpty || icon.count > 50 || !icon.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            issues.append(FieldIssue(field: "icon", .invalidFormat, detail: "An icon name has 1 to 50 letters, digits or hyphens."))
        }
        if keywords.count > Self.maximumKeywords || keywords.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.count > 100 }) {
            issues.append(FieldIssue(
                field: "keywords", keywords.count > Self.maximumKeywords ? .tooMany(max: Self.maximumKeywords) : .length(min: 1, max: 100),
                detail: "At most \(Self.maximumKeywords) keywords of 1 to 100 characters."
            ))
        }
        if visibility == .organisations, organisationIDs.isEmpty {
            issues.append(FieldIssue(field: "organisationIds", .required))
        }
        if visibility != .organisations, !organisationIDs.isEmpty {
            issues.append(FieldIssue(field: "organisationIds", .notAllowed, detail: "Organisations are listed only with visibility 'organisations'."))
        }
        return issues
    }

    /// Whether the category matches every word of `query`, ignoring case and accents, in a title, a description or a keyword.
    public func matches(_ query: String) -> Bool {
        let haystack = ([titleDE, titleEN, descriptionDE ?? "", descriptionEN ?? ""] + keywords).map(TextFolding.fold).joined(separator: " ")
        let words = TextFolding.fold(query).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return !words.isEmpty && words.allSatisfy { haystack.contains($0) }
    }
}
