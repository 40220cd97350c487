import Foundation

/// One saved version of an administrator-built request form: where its tickets go, how they are titled, and the
/// pages → sections → items requesters fill in. Stored and exchanged as JSON in the API's spelling.
public struct RequestForm: Sendable, Codable, Equatable {
    public var name: String
    public var queueID: Int64
    public var typeID: Int64?
    public var priorityID: Int64?
    public var serviceID: Int64?
    /// The ticket title, with placeholders such as `{{field.druckermodell}}` (see `TitlePattern`).
    public var titlePattern: String
    public var pages: [FormPage]

    public init(
        name: String, queueID: Int64, typeID: Int64? = nil, priorityID: Int64? = nil, serviceID: Int64? = nil,
        titlePattern: String, pages: [FormPage]
    ) {
        self.name = name
        self.queueID = queueID
        self.typeID = typeID
        self.priorityID = priorityID
        self.serviceID = serviceID
        self.titlePattern = titlePattern
        self.pages = pages
    }

    private enum CodingKeys: String, CodingKey {
        case name, titlePattern, pages
        case queueID = "queueId", typeID = "typeId", priorityID = "priorityId", serviceID = "serviceId"
    }

    /// Every item in display order, with the path that names it in problems (`pages[0].sections[1].items[2]`).
    public var items: [(path: String, item: FormItem)] {
        pages.enumerated().flatMap { pageIndex, page in
            page.sections.enumerated().flatMap { sectionIndex, section in
                section.items.enumerated().map { itemIndex, item in
                    ("pages[\(pageIndex)].sections[\(sectionIndex)].items[\(itemIndex)]", item)
                }
            }
        }
    }
}

/// A page of a request form: requesters see one page at a time.
public struct FormPage: Sendable, Codable, Equatable {
    public var title: String?
    public var sections: [FormSection]

    public init(title: String? = nil, sections: [FormSection]) {
        self.title = title
        self.sections = sections
    }
}

/// A section of a page: a heading, an explanatory text in `SimpleMarkup`, and its items.
public struct FormSection: Sendable, Codable, Equatable {
    public var heading: String?
    public var text: String?
    public var items: [FormItem]

    public init(heading: String? = nil, text: String? = nil, items: [FormItem] = []) {
        self.heading = heading
        self.text = text
        self.items = items
    }
}

/// What a form item asks for.
public enum FormItemKind: String, Sendable, Codable, CaseIterable {
    /// A value of a ticket's dynamic field.
    case field
    /// Files to attach to the request's first article.
    case upload
    /// One of the requester's configuration items of a class (a `configItemReference` field).
    case configItem
}

/// One question of a form. `field` names the dynamic field (for `upload`: the item's own name).
public struct FormItem: Sendable, Codable, Equatable {
    public var kind: FormItemKind
    public var field: String
    /// The label for uploads; fields default to their definition's label.
    public var label: String?
    public var help: String?
    public var placeholder: String?
    /// Required when shown (a hidden item is never required).
    public var required: Bool
    public var defaultValue: FieldInput?
    /// Shown only when this condition holds.
    public var showWhen: FormCondition?
    /// The class of the configuration items offered (`configItem` only).
    public var ciClassID: Int64?

    public init(
        kind: FormItemKind = .field, field: String, label: String? = nil, help: String? = nil, placeholder: String? = nil,
        required: Bool = false, defaultValue: FieldInput? = nil, showWhen: FormCondition? = nil, ciClassID: Int64? = nil
    ) {
        self.kind = kind
        self.field = field
        self.label = label
        self.help = help
        self.placeholder = placeholder
        self.required = required
        self.defaultValue = defaultValue
        self.showWhen = showWhen
        self.ciClassID = ciClassID
    }

    private enum CodingKeys: String, CodingKey {
        case kind, field, label, help, placeholder, required, showWhen
        case defaultValue = "default", ciClassID = "ciClassId"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decodeIfPresent(FormItemKind.self, forKey: .kind) ?? .field
        field = try container.decode(String.self, forKey: .field)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        help = try container.decodeIfPresent(String.self, forKey: .help)
        placeholder = try container.decodeIfPresent(String.self, forKey: .placeholder)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        defaultValue = try container.decodeIfPresent(FieldInput.self, forKey: .defaultValue)
        showWhen = try container.decodeIfPresent(FormCondition.self, forKey: .showWhen)
        ciClassID = try container.decodeIfPresent(Int64.self, forKey: .ciClassID)
    }
}

/// "Show when field X is Y" (one value) or "is one of Y, Z" (several): the item is shown when the earlier item
/// `field` is shown and its answer is (or, for several choices, contains) one of `values`.
public struct FormCondition: Sendable, Codable, Equatable {
    public var field: String
    public var values: [String]

    public init(field: String, values: [String]) {
        self.field = field
        self.values = values
    }

    /// Whether `answer` satisfies the condition.
    public func holds(for answer: FieldInput?) -> Bool {
        guard let answer, !answer.isEmpty else { return false }
        return answer.conditionWords.contains { values.contains($0) }
    }
}
