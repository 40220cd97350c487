import Domain
import Services

/// One attribute as a form control (`attr.KEY`) by its type — text, number, date, select, checkboxes, yes/no,
/// reference id — and the form's answer as the input the Services check.
struct CIAttributeInput {
    let attribute: CIAttribute
    let labels: CMDBLabels

    var name: String { "attr.\(attribute.key)" }

    /// The control's data for `agent/cmdb/item-form`: `text` is what the control shows (the stored value, or what was
    /// sent when the form comes back with errors), `error` the Services' message for it.
    func field(stored: CIValue?, sent form: FormData?, error: String?, referenceName: String?) -> [String: Any] {
        let sentValues = form?.values(name)
        let text = sentValues?.first ?? stored.map(Self.inputText) ?? ""
        let chosen = Set(sentValues ?? stored.map(Self.options) ?? [])
        var field: [String: Any] = [
            "name": name, "id": "f-attr-\(attribute.key)", "label": labels.label(attribute), "text": text, "required": attribute.isRequired,
            "kind": [kind: true],
        ]
        if attribute.type.takesOptions {
            field["options"] = attribute.options.enumerated().map { index, option in
                ["value": option, "selected": chosen.contains(option), "id": "f-attr-\(attribute.key)-\(index)"] as [String: Any]
            }
        }
        if attribute.type == .boolean {
            field["options"] = [("true", "cmdb.yes"), ("false", "cmdb.no")].map { value, key in
                ["value": value, "label": labels.pages.text(key, labels.context), "selected": text == value] as [String: Any]
            }
        }
        if let pattern = attribute.regex { field["pattern"] = pattern }
        if let referenceName { field["hint"] = referenceName }
        if let error { field["error"] = error }
        return field
    }

    /// The form's value: the chosen options for a multiselect, else the trimmed text; nothing clears the attribute.
    func input(_ form: FormData) -> FieldInput {
        if attribute.type == .multiselect {
            let chosen = form.values(name).filter { !$0.isEmpty }
            return chosen.isEmpty ? .null : .array(chosen.map(FieldInput.string))
        }
        return form.trimmed(name).map(FieldInput.string) ?? .null
    }

    /// Which template control shows the attribute.
    private var kind: String {
        switch attribute.type {
        case .number, .contactReference, .organisationReference, .userReference, .itemReference: "number"
        case .date: "date"
        case .select: "select"
        case .multiselect: "multiselect"
        case .boolean: "boolean"
        case .text, .ipAddress, .macAddress, .serialNumber: "text"
        }
    }

    /// A stored value as an input's text: `true`/`false`, the number, the day, the text.
    private static func inputText(_ value: CIValue) -> String {
        if case .list(let items) = value { return items.first ?? "" }
        return value.displayText
    }

    private static func options(_ value: CIValue) -> [String] {
        switch value {
        case .list(let items): items
        case .text(let text): [text]
        default: []
        }
    }
}
