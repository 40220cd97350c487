import Domain
import Foundation

/// Dynamic ticket fields as form controls (`field.NAME`), one input kind per field type, and the form's
/// values read back as field inputs for the Services, which validate them. Each control comes with a hidden
/// `field.NAME.present`, so that an empty multiple choice or an unticked box still counts as submitted.
struct FieldControls {
    let time: TimeText

    /// One control per definition, showing the submitted value (`draft`) or else the stored one.
    func controls(_ definitions: [FieldDefinition], values: [String: FieldValue], draft: FormData?) -> [[String: Any]] {
        definitions.map { definition in
            let name = "field." + definition.name
            let submitted = draft.map { $0.values(name) }
            let current = submitted ?? values[definition.name].map(formValues) ?? []
            var control: [String: Any] = [
                "name": name, "id": "field-" + definition.name, "label": definition.label, "required": definition.isRequired,
                "value": current.first ?? "", "kind": [kind(of: definition.type): true],
            ]
            if definition.type == .select || definition.type == .multiselect {
                control["options"] = definition.options.map { ["value": $0, "selected": current.contains($0)] }
            }
            if definition.type == .checkbox { control["checked"] = current.first == "true" }
            return control
        }
    }

    /// The fields whose submitted value differs from `values` (all submitted ones when `values` is nil), as inputs.
    func inputs(from form: FormData, _ definitions: [FieldDefinition], changedFrom values: [String: FieldValue]?) -> [String: FieldInput] {
        var inputs: [String: FieldInput] = [:]
        for definition in definitions {
            let name = "field." + definition.name
            var submitted = form.values(name).filter { !$0.isEmpty }
            if definition.type == .checkbox { submitted = [form.isChecked(name) ? "true" : "false"] }
            guard form[name + ".present"] != nil else { continue }
            if let values, submitted == (values[definition.name].map(formValues) ?? (definition.type == .checkbox ? ["false"] : [])) { continue }
            inputs[definition.name] = input(submitted, type: definition.type)
        }
        return inputs
    }

    private func input(_ submitted: [String], type: FieldType) -> FieldInput {
        guard let first = submitted.first else { return .null }
        switch type {
        case .multiselect: return .array(submitted.map(FieldInput.string))
        case .checkbox: return .bool(first == "true")
        case .number, .contactReference, .userReference, .configItemReference:
            return Double(first.replacingOccurrences(of: ",", with: ".")).map(FieldInput.number) ?? .string(first)
        case .datetime: return .string(time.date(fromInput: first).map(InternetDateTime.format) ?? first)
        case .text, .textarea, .date, .select: return .string(first)
        }
    }

    /// A stored value as the form shows it.
    private func formValues(_ value: FieldValue) -> [String] {
        switch value {
        case .text(let text), .selection(let text), .date(let text): [text]
        case .number(let number): [number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)]
        case .datetime(let date): [time.inputValue(date)]
        case .selections(let options): options
        case .checkbox(let isChecked): [isChecked ? "true" : "false"]
        case .reference(let id): [String(id)]
        }
    }

    private func kind(of type: FieldType) -> String {
        switch type {
        case .textarea: "textarea"
        case .select: "select"
        case .multiselect: "multiselect"
        case .checkbox: "checkbox"
        case .number, .contactReference, .userReference, .configItemReference: "number"
        case .date: "date"
        case .datetime: "datetime"
        case .text: "text"
        }
    }
}
