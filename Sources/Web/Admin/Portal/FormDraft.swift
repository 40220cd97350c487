import Domain
import Foundation

/// A request form as the editor at `/admin/portal/forms/…` holds it between round trips: every control is named by
/// its place in the form (`pages[0].sections[1].items[2].label`, the names the form's checks report problems
/// under), hidden counters say how many pages, sections and items were shown, and the editor's buttons
/// (`_op=add.0.1.upload`, `remove.0.1.2`, `up.0.1`, …) change the structure without saving anything.
struct FormDraft {
    var form: RequestForm
    /// The catalogue category that offers the form (nil: none).
    var categoryID: Int64?

    /// A new form: one page with one empty section.
    static func blank(queueID: Int64) -> FormDraft {
        FormDraft(form: RequestForm(name: "", queueID: queueID, titlePattern: "{{form.name}}", pages: [FormPage(sections: [Domain.FormSection()])]),
                  categoryID: nil)
    }

    /// The draft the editor posted; `fields` are the ticket field definitions, which say how defaults are read.
    init(_ data: FormData, fields: [String: FieldDefinition]) {
        func text(_ name: String) -> String? { data.trimmed(name) }
        let pageCount = Self.count(text("pageCount"), limit: RequestForm.maximumPages)
        let pages = (0..<pageCount).map { p -> FormPage in
            let page = "pages[\(p)]"
            let sectionCount = Self.count(text(page + ".sectionCount"), limit: RequestForm.maximumItems)
            return FormPage(title: text(page + ".title"), sections: (0..<sectionCount).map { s -> Domain.FormSection in
                let section = "\(page).sections[\(s)]"
                let itemCount = Self.count(text(section + ".itemCount"), limit: RequestForm.maximumItems)
                return Domain.FormSection(heading: text(section + ".heading"), text: text(section + ".text"), items: (0..<itemCount).map { i in
                    Self.item(data, at: "\(section).items[\(i)]", fields: fields)
                })
            })
        }
        form = RequestForm(
            name: text("name") ?? "", queueID: data.id("queueId") ?? 0, typeID: data.id("typeId"), priorityID: data.id("priorityId"),
            serviceID: data.id("serviceId"), titlePattern: text("titlePattern") ?? "", pages: pages
        )
        categoryID = data.id("categoryId")
    }

    init(form: RequestForm, categoryID: Int64?) {
        self.form = form
        self.categoryID = categoryID
    }

    /// A posted counter, kept within 0...limit.
    private static func count(_ text: String?, limit: Int) -> Int {
        min(max(0, text.flatMap { Int($0) } ?? 0), limit)
    }

    private static func item(_ data: FormData, at path: String, fields: [String: FieldDefinition]) -> FormItem {
        func text(_ key: String) -> String? { data.trimmed(path + "." + key) }
        let field = text("field") ?? ""
        let condition = text("showWhen.field").map { name in
            FormCondition(field: name, values: (text("showWhen.values") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        return FormItem(
            kind: text("kind").flatMap(FormItemKind.init(rawValue:)) ?? .field, field: field, label: text("label"), help: text("help"),
            placeholder: text("placeholder"), required: data.isChecked(path + ".required"),
            defaultValue: text("default").map { defaultValue($0, type: fields[field]?.type) }, showWhen: condition,
            ciClassID: data.id(path + ".ciClassId")
        )
    }

    /// A default as typed: checkboxes take yes/no, numbers a number, multiple choices a comma-separated list;
    /// anything the field cannot take stays text, and the form's checks refuse it next to the control.
    static func defaultValue(_ text: String, type: FieldType?) -> FieldInput {
        switch type {
        case .checkbox:
            if ["true", "1", "ja", "yes"].contains(text.lowercased()) { return .bool(true) }
            if ["false", "0", "nein", "no"].contains(text.lowercased()) { return .bool(false) }
            return .string(text)
        case .number, .configItemReference:
            return Double(text.replacingOccurrences(of: ",", with: ".")).map(FieldInput.number) ?? .string(text)
        case .multiselect:
            return .array(text.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
        default:
            return .string(text)
        }
    }

    /// Applies one of the editor's structure buttons: `add` (a page; `add.P` a section; `add.P.S.KIND` an item),
    /// `remove`, `up` and `down` with the indexes of a page, section or item. Unknown or stale buttons change nothing.
    mutating func apply(_ operation: String) {
        let parts = operation.split(separator: ".").map(String.init)
        guard let verb = parts.first else { return }
        let indexes = parts.dropFirst().compactMap { Int($0) }
        switch (verb, indexes.count) {
        case ("add", 0):
            form.pages.append(FormPage(sections: [Domain.FormSection()]))
        case ("add", 1) where form.pages.indices.contains(indexes[0]):
            form.pages[indexes[0]].sections.append(Domain.FormSection())
        case ("add", 2) where form.pages.indices.contains(indexes[0]) && form.pages[indexes[0]].sections.indices.contains(indexes[1]):
            let kind = parts.last.flatMap(FormItemKind.init(rawValue:)) ?? .field
            form.pages[indexes[0]].sections[indexes[1]].items.append(FormItem(kind: kind, field: ""))
        case (_, 1) where Self.moves.contains(verb):
            Self.move(&form.pages, verb, at: indexes[0])
        case (_, 2) where Self.moves.contains(verb) && form.pages.indices.contains(indexes[0]):
            Self.move(&form.pages[indexes[0]].sections, verb, at: indexes[1])
        case (_, 3) where Self.moves.contains(verb) && form.pages.indices.contains(indexes[0])
            && form.pages[indexes[0]].sections.indices.contains(indexes[1]):
            Self.move(&form.pages[indexes[0]].sections[indexes[1]].items, verb, at: indexes[2])
        default:
            break
        }
    }

    private static let moves: Set<String> = ["remove", "up", "down"]

    /// Removes the element at `index`, or swaps it with the one before (`up`) or after (`down`).
    private static func move<Element>(_ list: inout [Element], _ verb: String, at index: Int) {
        guard list.indices.contains(index) else { return }
        switch verb {
        case "remove": list.remove(at: index)
        case "up" where index > 0: list.swapAt(index, index - 1)
        case "down" where index + 1 < list.count: list.swapAt(index, index + 1)
        default: break
        }
    }
}
