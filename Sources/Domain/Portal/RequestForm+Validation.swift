extension RequestForm {
    public static let maximumPages = 20
    public static let maximumItems = 200
    public static let maximumTextLength = 10_000

    /// Everything wrong with the form, named by path (`pages[0].sections[1].items[2].showWhen.field`); empty when
    /// it may be saved. Items must name customer-visible ticket fields (requesters fill and see them); conditions
    /// may only refer to earlier items (which rules out cycles) and to values those can take.
    public func validate(against references: FormReferences) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        func report(_ field: String, _ code: FieldIssue.Code, _ detail: String?) {
            issues.append(FieldIssue(field: field, code, detail: detail ?? code.englishText))
        }

        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || name.count > 200 { report("name", .length(min: 1, max: 200), nil) }
        if !references.queueIDs.contains(queueID) { report("queueId", .unknownReference(reference: String(queueID)), "Unknown or inactive queue \(queueID).") }
        if let typeID, !references.typeIDs.contains(typeID) { report("typeId", .unknownReference(reference: String(typeID)), "Unknown type \(typeID).") }
        if let priorityID, !references.priorityIDs.contains(priorityID) {
            report("priorityId", .unknownReference(reference: String(priorityID)), "Unknown priority \(priorityID).")
        }
        if let serviceID, !references.serviceIDs.contains(serviceID) {
            report("serviceId", .unknownReference(reference: String(serviceID)), "Unknown service \(serviceID).")
        }
        if pages.isEmpty || pages.count > Self.maximumPages { report("pages", .count(min: 1, max: Self.maximumPages), "A form has 1 to \(Self.maximumPages) pages.") }
        let all = items
        if all.count > Self.maximumItems { report("pages", .tooMany(max: Self.maximumItems), "A form has at most \(Self.maximumItems) items.") }

        for (pageIndex, page) in pages.enumerated() {
            if (page.title?.count ?? 0) > 200 { report("pages[\(pageIndex)].title", .tooLong(max: 200), nil) }
            for (sectionIndex, section) in page.sections.enumerated() {
                let path = "pages[\(pageIndex)].sections[\(sectionIndex)]"
                if (section.heading?.count ?? 0) > 200 { report(path + ".heading", .tooLong(max: 200), nil) }
                if (section.text?.count ?? 0) > Self.maximumTextLength { report(path + ".text", .tooLong(max: Self.maximumTextLength), nil) }
            }
        }

        var earlier: [String: FormItem] = [:]
        for (path, item) in all {
            checkItem(item, at: path, references: references, earlier: earlier, report: report)
            if earlier[item.field] != nil { report(path + ".field", .duplicate, "'\(item.field)' appears twice in the form.") }
            earlier[item.field] = item
        }

        if titlePattern.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || titlePattern.count > 500 {
            report("titlePattern", .length(min: 1, max: 500), nil)
        }
        let unknown = TitlePattern.unknownPlaceholders(in: titlePattern, itemNames: all.filter { $0.item.kind != .upload }.map(\.item.field))
        if !unknown.isEmpty {
            report("titlePattern", .unknownPlaceholders(placeholders: unknown.joined(separator: ", ")),
                   "Unknown placeholders: \(unknown.joined(separator: ", ")); use {{field.NAME}} of a field of this form, {{form.name}} or {{requester.name}}.")
        }
        return issues
    }

    private func checkItem(
        _ item: FormItem, at path: String, references: FormReferences, earlier: [String: FormItem], report: (String, FieldIssue.Code, String?) -> Void
    ) {
        for (key, text) in [("label", item.label), ("help", item.help), ("placeholder", item.placeholder)] where (text?.count ?? 0) > 1000 {
            report(path + "." + key, .tooLong(max: 1000), nil)
        }
        let definition = references.fields[item.field]
        switch item.kind {
        case .upload:
            if !FieldDefinition.isValidName(item.field) {
                report(path + ".field", .machineName(max: 63), "An upload's name is a lowercase letter, then lowercase letters, digits or underscores.")
            }
            if references.fields[item.field] != nil { report(path + ".field", .taken, "'\(item.field)' is a field's name; give the upload a name of its own.") }
            if (item.label ?? "").trimmingCharacters(in: .whitespaces).isEmpty { report(path + ".label", .required, "An upload needs a label.") }
            if item.defaultValue != nil { report(path + ".default", .notAllowed, "Uploads have no default.") }
        case .field, .configItem:
            guard let definition else { return report(path + ".field", .unknownReference(reference: item.field), "Unknown ticket field '\(item.field)'.") }
            if !definition.customerVisible {
                report(path + ".field", .notAllowed, "'\(item.field)' is an internal field; requesters may only fill customer-visible fields.")
            }
            if item.kind == .configItem {
                if definition.type != .configItemReference { report(path + ".field", .invalidChoice, "'\(item.field)' does not refer to configuration items.") }
                if let classID = item.ciClassID {
                    if !references.ciClassIDs.contains(classID) {
                        report(path + ".ciClassId", .unknownReference(reference: String(classID)), "Unknown configuration item class \(classID).")
                    }
                } else {
                    report(path + ".ciClassId", .required, "Name the class of configuration items to offer.")
                }
            } else if definition.type == .configItemReference {
                report(path + ".kind", .invalidChoice, "Fields referring to configuration items are items of kind 'configItem'.")
            }
            if item.kind == .field, item.ciClassID != nil { report(path + ".ciClassId", .notAllowed, "Only items of kind 'configItem' name a class.") }
            if let value = item.defaultValue, case .failure(let issue) = definition.validate(value) {
                report(path + ".default", issue.code ?? .invalidFormat, issue.message)
            }
        }
        if let condition = item.showWhen { checkCondition(condition, at: path + ".showWhen", item: item, references: references, earlier: earlier, report: report) }
    }

    private func checkCondition(
        _ condition: FormCondition, at path: String, item: FormItem, references: FormReferences, earlier: [String: FormItem],
        report: (String, FieldIssue.Code, String?) -> Void
    ) {
        if condition.field == item.field { return report(path + ".field", .selfReference, "An item cannot depend on itself.") }
        guard let target = earlier[condition.field] else {
            let exists = items.contains { $0.item.field == condition.field }
            return exists
                ? report(path + ".field", .forwardReference, "'\(condition.field)' comes later in the form; a condition may only refer to an earlier item.")
                : report(path + ".field", .unknownReference(reference: condition.field), "'\(condition.field)' is not an item of this form.")
        }
        if condition.values.isEmpty || condition.values.count > 50 { return report(path + ".values", .count(min: 1, max: 50), "Name 1 to 50 values.") }
        guard target.kind == .field, let definition = references.fields[target.field] else {
            return report(path + ".field", .invalidChoice, "Conditions can only refer to field items, not to uploads or configuration items.")
        }
        for value in condition.values where !Self.isPossible(value, for: definition) {
            report(path + ".values", .invalidChoice, "'\(definition.label)' can never be '\(value)'.")
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
