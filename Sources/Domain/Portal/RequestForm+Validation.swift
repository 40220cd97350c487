extension RequestForm {
    public static let maximumPages = 20
    public static let maximumItems = 200
    public static let maximumTextLength = 10_000

    /// Everything wrong with the form, named by path (`pages[0].sections[1].items[2].showWhen.field`); empty when
    /// it may be saved. Items must name customer-visible ticket fields (requesters fill and see them); conditions
    /// may only refer to earlier items (which rules out cycles) and to values those can take.
    public func validate(against references: FormReferences) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        func report(_ field: String, _ message: String) { issues.append(FieldIssue(field: field, message: message)) }

        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || name.count > 200 { report("name", "A name needs 1 to 200 characters.") }
        if !references.queueIDs.contains(queueID) { report("queueId", "Unknown or inactive queue \(queueID).") }
        if let typeID, !references.typeIDs.contains(typeID) { report("typeId", "Unknown type \(typeID).") }
        if let priorityID, !references.priorityIDs.contains(priorityID) { report("priorityId", "Unknown priority \(priorityID).") }
        if let serviceID, !references.serviceIDs.contains(serviceID) { report("serviceId", "Unknown service \(serviceID).") }
        if pages.isEmpty || pages.count > Self.maximumPages { report("pages", "A form has 1 to \(Self.maximumPages) pages.") }
        let all = items
        if all.count > Self.maximumItems { report("pages", "A form has at most \(Self.maximumItems) items.") }

        for (pageIndex, page) in pages.enumerated() {
            if (page.title?.count ?? 0) > 200 { report("pages[\(pageIndex)].title", "At most 200 characters.") }
            for (sectionIndex, section) in page.sections.enumerated() {
                let path = "pages[\(pageIndex)].sections[\(sectionIndex)]"
                if (section.heading?.count ?? 0) > 200 { report(path + ".heading", "At most 200 characters.") }
                if (section.text?.count ?? 0) > Self.maximumTextLength { report(path + ".text", "At most \(Self.maximumTextLength) characters.") }
            }
        }

        var earlier: [String: FormItem] = [:]
        for (path, item) in all {
            checkItem(item, at: path, references: references, earlier: earlier, report: report)
            if earlier[item.field] != nil { report(path + ".field", "'\(item.field)' appears twice in the form.") }
            earlier[item.field] = item
        }

        if titlePattern.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || titlePattern.count > 500 {
            report("titlePattern", "A title pattern needs 1 to 500 characters.")
        }
        let unknown = TitlePattern.unknownPlaceholders(in: titlePattern, itemNames: all.filter { $0.item.kind != .upload }.map(\.item.field))
        if !unknown.isEmpty {
            report("titlePattern", "Unknown placeholders: \(unknown.joined(separator: ", ")); use {{field.NAME}} of a field of this form, {{form.name}} or {{requester.name}}.")
        }
        return issues
    }

    private func checkItem(
        _ item: FormItem, at path: String, references: FormReferences, earlier: [String: FormItem], report: (String, String) -> Void
    ) {
        for (key, text) in [("label", item.label), ("help", item.help), ("placeholder", item.placeholder)] where (text?.count ?? 0) > 1000 {
            report(path + "." + key, "At most 1000 characters.")
        }
        let definition = references.fields[item.field]
        switch item.kind {
        case .upload:
            if !FieldDefinition.isValidName(item.field) { report(path + ".field", "An upload's name is a lowercase letter, then lowercase letters, digits or underscores.") }
            if references.fields[item.field] != nil { report(path + ".field", "'\(item.field)' is a field's name; give the upload a name of its own.") }
            if (item.label ?? "").trimmingCharacters(in: .whitespaces).isEmpty { report(path + ".label", "An upload needs a label.") }
            if item.defaultValue != nil { report(path + ".default", "Uploads have no default.") }
        case .field, .configItem:
            guard let definition else { return report(path + ".field", "Unknown ticket field '\(item.field)'.") }
            if !definition.customerVisible { report(path + ".field", "'\(item.field)' is an internal field; requesters may only fill customer-visible fields.") }
            if item.kind == .configItem {
                if definition.type != .configItemReference { report(path + ".field", "'\(item.field)' does not refer to configuration items.") }
                if let classID = item.ciClassID {
                    if !references.ciClassIDs.contains(classID) { report(path + ".ciClassId", "Unknown configuration item class \(classID).") }
                } else {
                    report(path + ".ciClassId", "Name the class of configuration items to offer.")
                }
            } else if definition.type == .configItemReference {
                report(path + ".kind", "Fields referring to configuration items are items of kind 'configItem'.")
            }
            if item.kind == .field, item.ciClassID != nil { report(path + ".ciClassId", "Only items of kind 'configItem' name a class.") }
            if let value = item.defaultValue, case .failure(let issue) = definition.validate(value) {
                report(path + ".default", issue.message)
            }
        }
        if let condition = item.showWhen { checkCondition(condition, at: path + ".showWhen", item: item, references: references, earlier: earlier, report: report) }
    }

    private func checkCondition(
        _ condition: FormCondition, at path: String, item: FormItem, references: FormReferences, earlier: [String: FormItem],
        report: (String, String) -> Void
    ) {
        if condition.field == item.field { return report(path + ".field", "An item cannot depend on itself.") }
        guard let target = earlier[condition.field] else {
            let exists = items.contains { $0.item.field == condition.field }
            return report(path + ".field", exists
                ? "'\(condition.field)' comes later in the form; a condition may only refer to an earlier item."
                : "'\(condition.field)' is not an item of this form.")
        }
        if condition.values.isEmpty || condition.values.count > 50 { return report(path + ".values", "Name 1 to 50 values.") }
        guard target.kind == .field, let definition = references.fields[target.field] else {
            return report(path + ".field", "Conditions can only refer to field items, not to uploads or configuration items.")
        }
        for value in condition.values where !Self.isPossible(value, for: definition) {
            report(path + ".values", "'\(definition.label)' can never be '\(value)'.")
        }
    }

    /// Whether a field of `definition` can hold `value` (as conditions compare it).
    static func isPossible(_ value: String, for definition: FieldDefinition) -> Bool {
        switch definition.type {
        case .select, .multiselect: definition.options.contains(value)
        case .checkbox: value == "true" || value == "false"
        case .number: Double(value).map { number in
                number.isFinite && definition.minimum.map { number >= $0 } ?? true && definition.maximum.map { number <= $0 } ?? true
            } ?? false
        default:
            if case .success = definition.validate(.string(value)) { true } else { false }
        }
    }
}
