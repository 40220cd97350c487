/// A submission checked against a form: which items were shown, the valid answers of the shown ones, and what is
/// wrong. Answers to hidden items are dropped, never stored; a hidden item is never required.
public struct FormEvaluation: Sendable {
    /// A shown, answered field or configuration-item question.
    public struct Answer: Sendable {
        public var item: FormItem
        public var definition: FieldDefinition
        public var value: FieldValue
        /// The input as given (or the item's default), to hand on to the ticket's field validation.
        public var input: FieldInput
    }

    public var answers: [Answer]
    /// The names of the upload items that are shown (files sent for hidden ones are dropped).
    public var shownUploads: Set<String>
    public var issues: [FieldIssue]
}

extension RequestForm {
    /// Checks `answers` (by item name) and the number of files sent per upload item against this form and the
    /// ticket field definitions `fields`. Issues are named `answers.NAME` and `uploads.NAME`.
    public func evaluate(answers: [String: FieldInput], uploads: [String: Int], fields: [String: FieldDefinition]) -> FormEvaluation {
        let all = items.map(\.item)
        var issues: [FieldIssue] = []
        let names = Set(all.map(\.field))
        for name in answers.keys.sorted() where !names.contains(name) || all.contains(where: { $0.field == name && $0.kind == .upload }) {
            issues.append(FieldIssue(field: "answers.\(name)", .unknownReference(reference: name), detail: "'\(name)' is not a question of this form."))
        }
        for name in uploads.keys.sorted() where !all.contains(where: { $0.field == name && $0.kind == .upload }) {
            issues.append(FieldIssue(field: "uploads.\(name)", .unknownReference(reference: name), detail: "'\(name)' is not an upload of this form."))
        }
        var shown: [String: FieldInput?] = [:]
        var result: [FormEvaluation.Answer] = []
        var shownUploads: Set<String> = []
        for item in all {
            if let condition = item.showWhen {
                guard let targetAnswer = shown[condition.field], condition.holds(for: targetAnswer) else { continue }
            }
            let label = item.label ?? fields[item.field]?.label ?? item.field
            if item.kind == .upload {
                shown[item.field] = .some(nil)
                shownUploads.insert(item.field)
                if item.required, (uploads[item.field] ?? 0) == 0 {
                    issues.append(FieldIssue(field: "uploads.\(item.field)", .required))
                }
                continue
            }
            let input = answers[item.field] ?? item.defaultValue
            shown[item.field] = .some(input)
            guard let definition = fields[item.field] else { continue }
            guard let input, !input.isEmpty else {
                if item.required { issues.append(FieldIssue(field: "answers.\(item.field)", .required)) }
                continue
            }
            switch definition.validate(input) {
            case .success(let value?):
                result.append(FormEvaluation.Answer(item: item, definition: definition, value: value, input: input))
            case .success(nil):
                if item.required { issues.append(FieldIssue(field: "answers.\(item.field)", .required)) }
            case .failure(let issue):
                issues.append(issue.moved(to: "answers.\(item.field)"))
            }
        }
        return FormEvaluation(answers: result, shownUploads: shownUploads, issues: issues)
    }

    /// The answers as readable text for the request's first article: each page's sections with their headings and
    /// `Label: answer` lines, uploads by file name. `display` names each answer (configuration items by name).
    public func summary(of evaluation: FormEvaluation, display: [String: String], files: [String: [String]]) -> String {
        var lines: [String] = [name]
        for page in pages {
            for section in page.sections {
                let rows: [String] = section.items.compactMap { item in
                    if item.kind == .upload {
                        guard evaluation.shownUploads.contains(item.field), let names = files[item.field], !names.isEmpty else { return nil }
                        return (item.label ?? item.field) + ": " + names.joined(separator: ", ")
                    }
                    guard let answer = evaluation.answers.first(where: { $0.item.field == item.field }) else { return nil }
                    return (item.label ?? answer.definition.label) + ": " + (display[item.field] ?? "")
                }
                guard !rows.isEmpty else { continue }
                lines.append("")
                if let heading = section.heading ?? page.title { lines.append(heading) }
                lines += rows
            }
        }
        return lines.joined(separator: "\n")
    }
}
