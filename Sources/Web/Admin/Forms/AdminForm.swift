import Domain

/// One form of an admin page: where it posts, its sections, and the problems of the last submission, each placed
/// next to the control it concerns (or above the form when no control matches).
struct AdminForm {
    var action: String
    var sections: [FormSection]
    var submitLabel: String
    var heading: String?
    /// Problems that belong to no single control.
    var issues: [String] = []
    /// The version of the record the form edits, sent back as the hidden `version` so that a save from a stale copy
    /// is refused; nil for forms of records without versions (and new ones).
    var version: Int64?
    /// Shown as a separate, confirmed form that posts to this path (deleting the record).
    var deleteAction: String?
    var deleteLabel: String?
    var confirmation: String?

    init(action: String, submitLabel: String, heading: String? = nil, sections: [FormSection]) {
        self.action = action
        self.submitLabel = submitLabel
        self.heading = heading
        self.sections = sections
    }

    /// Places each issue on the first free control named by the issue's field, or on the first one inside it
    /// (`bindings[1]` lands on `bindings[1].scopeId`); failing that, the field is shortened
    /// (`weeklyHours.monday[1]` lands on `weeklyHours.monday`, `holidays[2].name` on `holidays`). Issues no control
    /// takes are shown above the form.
    mutating func place(_ found: [FieldIssue]) {
        for issue in found {
            var candidate = issue.field
            while true {
                if !candidate.isEmpty, let found = locate({ $0 == candidate }) ?? locate({ $0.hasPrefix(candidate + ".") }) {
                    let (section, index, cell) = found
                    if let cell {
                        sections[section].grid?.rows[index].cells[cell].issue = issue.message
                    } else {
                        sections[section].fields[index].issue = issue.message
                    }
                    break
                }
                guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else {
                    issues.append(issue.message)
                    break
                }
                candidate = String(candidate[..<cut])
            }
        }
    }

    private func locate(_ matches: (String) -> Bool) -> (Int, Int, Int?)? {
        for (s, section) in sections.enumerated() {
            if let index = section.fields.firstIndex(where: { matches($0.name) && $0.issue == nil }) { return (s, index, nil) }
            for (r, row) in (section.grid?.rows ?? []).enumerated() {
                if let cell = row.cells.firstIndex(where: { matches($0.name) && $0.issue == nil }) { return (s, r, cell) }
            }
        }
        return nil
    }

    var view: [String: Any] {
        var view: [String: Any] = [
            "formAction": action, "formSubmit": submitLabel, "formSections": sections.map(\.view),
            "formIssues": issues.map { ["iMessage": $0] }, "formHasIssues": !issues.isEmpty,
            "formHasFieldIssues": sections.contains { $0.allFields.contains { $0.issue != nil } },
        ]
        if let heading { view["formHeading"] = heading }
        if let version { view["formVersion"] = String(version) }
        if let deleteAction {
            view["formDelete"] = ["dAction": deleteAction, "dLabel": deleteLabel ?? "", "dConfirm": confirmation ?? ""]
        }
        return view
    }
}
