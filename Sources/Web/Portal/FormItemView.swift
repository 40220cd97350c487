import Domain
import Foundation
import Services

/// One item of a request form as the template shows it: the input by field type with its value (the answer so far
/// or the default), choices, help, placeholder, required mark, the message when it was refused, and the condition
/// `portal.js` checks to show or hide it live. Every key is present, so nested items never read a parent's value.
struct FormItemView {
    let item: RenderedForm.Item
    let answers: FormAnswers
    let error: String?
    let shown: Bool
    let configItems: [ConfigItemChoice]
    /// Whether published solutions are suggested while the requester types into this item (the form's first text).
    let hints: Bool
    /// Shows instants in `datetime-local` inputs in the installation's time zone.
    let time: TimeText

    var dictionary: [String: Any] {
        let words = answers.value(of: item).map(FormAnswers.words) ?? []
        let type = item.kind == .configItem ? "configItem" : item.kind == .upload ? "upload" : (item.type?.rawValue ?? "text")
        var options = (item.options ?? []).map { ["value": $0, "label": $0, "selected": words.contains($0)] as [String: Any] }
        if item.kind == .configItem {
            options = configItems.map { ["value": String($0.id), "label": "\($0.name) (\($0.number))", "selected": words.contains(String($0.id))] }
        }
        var view: [String: Any] = [
            "name": "a." + item.field, "id": "f-" + item.field, "label": item.label, "help": item.help ?? "", "hasHelp": item.help != nil,
            "placeholder": item.placeholder ?? "", "required": item.required, "error": error ?? "", "hasError": error != nil,
            "value": type == "datetime" ? words.first.flatMap { try? Date($0, strategy: .iso8601) }.map(time.inputValue) ?? words.first ?? "" : words.first ?? "", "checked": words.first == "true", "options": options, "hidden": !shown,
            "files": (answers.uploads[item.field] ?? []).map(\.filename), "hasFiles": !(answers.uploads[item.field] ?? []).isEmpty,
            "conditionField": item.showWhen.map { "a." + $0.field } ?? "", "conditionValues": item.showWhen?.values.joined(separator: "|") ?? "",
            "hasCondition": item.showWhen != nil, "hints": hints,
            "isSingleLine": ["text", "number", "date", "datetime", "contactReference", "userReference", "configItemReference"].contains(type),
            "inputType": ["number": "number", "date": "date", "datetime": "datetime-local"][type] ?? "text",
        ]
        view["is_" + type] = true
        for flag in ["textarea", "select", "multiselect", "checkbox", "upload", "configItem"] where view["is_" + flag] == nil { view["is_" + flag] = false }
        return view
    }
}
