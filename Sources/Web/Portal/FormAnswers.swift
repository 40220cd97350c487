import Domain
import Foundation
import Services

/// The answers of a multi-page request form as the browser carries them between pages: every answer is an input
/// named `a.NAME` (repeated for several choices), a checkbox on the shown page also sends `k.NAME` so that an
/// unticked box counts as "no", and files already chosen travel as hidden `u.NAME` values (`type;base64;name`).
struct FormAnswers {
    var answers: [String: FieldInput] = [:]
    var uploads: [String: [NewAttachment]] = [:]

    /// Reads the answers of `form` from a posted page; `time` turns `datetime-local` values into instants.
    init(_ data: FormData, form: RenderedForm, time: TimeText) {
        for item in form.pages.flatMap(\.sections).flatMap(\.items) {
            if item.kind == .upload {
                let carried = data.values("u." + item.field).compactMap(Self.carriedFile)
                let fresh = data.files.filter { $0.field == "a." + item.field }.map {
                    NewAttachment(filename: $0.filename, contentType: $0.contentType, contentBase64: $0.data.base64EncodedString())
                }
                if !(carried + fresh).isEmpty { uploads[item.field] = carried + fresh }
                continue
            }
            let values = data.values("a." + item.field).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            if item.type == .checkbox {
                if let value = values.first { answers[item.field] = .bool(value == "true") } else if data["k." + item.field] != nil { answers[item.field] = .bool(false) }
                continue
            }
            guard let first = values.first else { continue }
            switch item.type {
            case .multiselect: answers[item.field] = .array(values.map(FieldInput.string))
            case .number: answers[item.field] = Double(first.replacingOccurrences(of: ",", with: ".")).map(FieldInput.number) ?? .string(first)
            case .configItemReference, .contactReference, .userReference: answers[item.field] = Double(first).map(FieldInput.number) ?? .string(first)
            case .datetime: answers[item.field] = .string(time.date(fromInput: first).map { $0.formatted(.iso8601) } ?? first)
            default: answers[item.field] = .string(first)
            }
        }
    }

    /// The answer to `item`, or its default when the requester has not answered yet.
    func value(of item: RenderedForm.Item) -> FieldInput? {
        answers[item.field] ?? item.default
    }

    /// The items shown with these answers, in form order: an item with a condition only when the item it names is
    /// shown and its answer satisfies the condition (the rule `RequestForm.evaluate` applies on submit).
    func shownFields(of form: RenderedForm) -> Set<String> {
        var shown: [String: FieldInput?] = [:]
        for item in form.pages.flatMap(\.sections).flatMap(\.items) {
            if let condition = item.showWhen {
                guard let answer = shown[condition.field], condition.holds(for: answer) else { continue }
            }
            shown[item.field] = item.kind == .upload ? .some(nil) : .some(value(of: item))
        }
        return Set(shown.keys)
    }

    /// The hidden inputs that carry every answer not asked on the page shown.
    func carried(except shownPage: Set<String>) -> [[String: String]] {
        var hidden: [[String: String]] = []
        for (name, input) in answers.sorted(by: { $0.key < $1.key }) where !shownPage.contains(name) {
            hidden += Self.words(input).map { ["name": "a." + name, "value": $0] }
        }
        for (name, files) in uploads.sorted(by: { $0.key < $1.key }) {
            hidden += files.map { ["name": "u." + name, "value": Self.carriedValue($0)] }
        }
        return hidden
    }

    /// The answer as the strings an input holds.
    static func words(_ input: FieldInput) -> [String] {
        switch input {
        case .null: []
        case .string(let text): [text]
        case .number(let number): [number.rounded() == number ? String(Int64(number)) : String(number)]
        case .bool(let flag): [flag ? "true" : "false"]
        case .array(let items): items.flatMap(words)
        }
    }

    private static func carriedValue(_ file: NewAttachment) -> String {
        let type = (file.contentType ?? "application/octet-stream").split(separator: ";").first.map(String.init) ?? "application/octet-stream"
        return type + ";" + file.contentBase64 + ";" + file.filename
    }

    private static func carriedFile(_ value: String) -> NewAttachment? {
        let parts = value.split(separator: ";", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, !parts[2].isEmpty else { return nil }
        return NewAttachment(filename: parts[2], contentType: parts[0], contentBase64: parts[1])
    }
}
