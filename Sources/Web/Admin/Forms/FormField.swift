/// One control of an admin form: its name (the Services' field name, so that a reported problem lands next to
/// it), label, current value and the problem the last submission had with it.
struct FormField {
    /// How the control is shown.
    enum Kind: String {
        case text, number, email, password, textarea, checkbox, select
        /// A group of checkboxes sharing `name`, one per option (shown as a fieldset with the label as legend).
        case choices
    }

    var name: String
    var label: String
    var kind: Kind = .text
    var value = ""
    var isChecked = false
    var options: [FormOption] = []
    var hint: String?
    var isRequired = false
    var isReadOnly = false
    /// In a grid the column header shows the label; the label stays for screen readers only.
    var isLabelHidden = false
    /// Offers these values while typing (a `datalist`).
    var suggestions: [String] = []
    var issue: String?

    init(_ name: String, _ label: String, _ kind: Kind = .text, value: String = "", hint: String? = nil, isRequired: Bool = false) {
        self.name = name
        self.label = label
        self.kind = kind
        self.value = value
        self.hint = hint
        self.isRequired = isRequired
    }

    /// A checkbox.
    static func checkbox(_ name: String, _ label: String, isChecked: Bool, hint: String? = nil) -> FormField {
        var field = FormField(name, label, .checkbox, value: "1", hint: hint)
        field.isChecked = isChecked
        return field
    }

    /// A select list (or with `.choices`, a group of checkboxes) offering `options`.
    static func choice(_ name: String, _ label: String, _ options: [FormOption], kind: Kind = .select, hint: String? = nil) -> FormField {
        var field = FormField(name, label, kind, hint: hint)
        field.options = options
        return field
    }

    /// The element id: `f-` and the name with everything but letters, digits and dashes turned into dashes; a
    /// checkbox of a group that shares its name (the rights of one queue) adds its value.
    var id: String {
        let base = kind == .checkbox && value != "1" ? name + "-" + value : name
        return "f-" + String(base.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }

    /// What `admin/partials/field` renders. Keys carry a prefix of their own, since Mustache looks a missing key
    /// up in the enclosing section and form.
    var view: [String: Any] {
        let flag = "is" + kind.rawValue.prefix(1).uppercased() + String(kind.rawValue.dropFirst())
        var view: [String: Any] = [
            "fName": name, "fId": id, "fLabel": label, "fValue": value, flag: true,
            "fChecked": isChecked, "fRequired": isRequired, "fReadonly": isReadOnly, "fLabelHidden": isLabelHidden,
            "fOptions": options.enumerated().map { index, option in
                ["oValue": option.value, "oLabel": option.label, "oSelected": option.isSelected, "oId": "\(id)-\(index)"] as [String: Any]
            },
            "fHasSuggestions": !suggestions.isEmpty, "fSuggestions": suggestions.map { ["sValue": $0] },
        ]
        if let hint { view["fHint"] = hint }
        if let issue { view["fIssue"] = issue }
        let described = [hint.map { _ in id + "-hint" }, issue.map { _ in id + "-issue" }].compactMap { $0 }
        if !described.isEmpty { view["fDescribedBy"] = described.joined(separator: " ") }
        return view
    }
}

/// One choice of a select list or checkbox group.
struct FormOption {
    var value: String
    var label: String
    var isSelected: Bool

    init(_ value: String, _ label: String, selected: Bool = false) {
        self.value = value
        self.label = label
        isSelected = selected
    }

    /// Options for records with ids, the one whose id is `selected` marked; with `none`, a first option for "nothing".
    static func records<Record: Identifiable>(
        _ records: [Record], selected: Int64?, none: String? = nil, label: (Record) -> String
    ) -> [FormOption] where Record.ID == Int64 {
        (none.map { [FormOption("", $0, selected: selected == nil)] } ?? [])
            + records.map { FormOption(String($0.id), label($0), selected: $0.id == selected) }
    }

    /// Options for the records of a tree in tree order, indented by depth, with a first option for "no parent".
    static func tree<Record: Identifiable>(
        _ records: [Record], selected: Int64?, none: String, parent: (Record) -> Int64?, name: (Record) -> String
    ) -> [FormOption] where Record.ID == Int64 {
        [FormOption("", none, selected: selected == nil)] + TreeOrder.flatten(records, parent: parent, name: name).map { record, depth in
            FormOption(String(record.id), String(repeating: "– ", count: depth) + name(record), selected: record.id == selected)
        }
    }
}
