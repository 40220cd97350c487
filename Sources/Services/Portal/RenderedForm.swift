import Domain

/// A form version as requesters see it: section texts as sanitised HTML, each item with its label, field type and
/// choices taken from the field definitions.
public struct RenderedForm: Sendable, Encodable {
    public struct Page: Sendable, Encodable {
        public var title: String?
        public var sections: [Section]
    }

    public struct Section: Sendable, Encodable {
        public var heading: String?
        public var html: String?
        public var items: [Item]
    }

    public struct Item: Sendable, Encodable {
        public var kind: FormItemKind
        public var field: String
        public var label: String
        public var help: String?
        public var placeholder: String?
        public var required: Bool
        public var `default`: FieldInput?
        public var showWhen: FormCondition?
        /// The field's type; absent for uploads.
        public var type: FieldType?
        public var options: [String]?
        public var ciClassId: Int64?
    }

    public var formId: Int64
    public var version: Int64
    public var name: String
    public var pages: [Page]

    init(_ record: RequestFormRecord, fields: [FieldDefinition]) {
        formId = record.id
        version = record.version
        name = record.form.name
        pages = record.form.pages.map { page in
            Page(title: page.title, sections: page.sections.map { section in
                Section(heading: section.heading, html: section.text.map(SimpleMarkup.html), items: section.items.map { item in
                    let definition = item.kind == .upload ? nil : fields.first { $0.name == item.field }
                    return Item(
                        kind: item.kind, field: item.field, label: item.label ?? definition?.label ?? item.field, help: item.help,
                        placeholder: item.placeholder, required: item.required, default: item.defaultValue, showWhen: item.showWhen,
                        type: definition?.type, options: definition.flatMap { $0.options.isEmpty ? nil : $0.options }, ciClassId: item.ciClassID
                    )
                })
            })
        }
    }
}

/// A catalogue category with the form requesters fill in for it.
public struct CatalogueEntry: Sendable, Encodable {
    public var category: CatalogueCategory
    public var form: RenderedForm?

    private enum Key: String, CodingKey { case form }

    public func encode(to encoder: any Encoder) throws {
        try category.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(form, forKey: .form)
    }
}
