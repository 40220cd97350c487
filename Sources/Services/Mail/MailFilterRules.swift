import Domain

/// Validation of a postmaster filter against the current master data and field definitions, with the API's field
/// names: every pattern must compile, every action must name something that exists.
enum MailFilterRules {
    static func check(_ filter: MailFilter, master: MasterData, fields: [FieldDefinition]) throws(DomainError) {
        var issues: [FieldIssue] = []
        func check(_ field: String, _ ok: Bool, _ code: FieldIssue.Code, _ detail: String? = nil) {
            if !ok { issues.append(FieldIssue(field: field, code, detail: detail ?? code.englishText)) }
        }
        check("name", (1...200).contains(filter.name.count), .length(min: 1, max: 200))
        check("position", (0...1_000_000).contains(filter.position), .outOfRange(min: "0", max: "1000000"))
        check("conditions", (1...20).contains(filter.conditions.count), .count(min: 1, max: 20), "A filter needs 1 to 20 conditions.")
        for (index, condition) in filter.conditions.enumerated() {
            let field = "conditions[\(index)]"
            if let header = condition.header {
                check(field + ".header", (1...100).contains(header.count) && header.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != ":" },
                      .invalidFormat, "A header name needs 1 to 100 printable ASCII characters without colon.")
            }
            if (1...500).contains(condition.pattern.count) {
                check(field + ".pattern", MailFilterMatcher.compile(condition.pattern) != nil, .invalidPattern,
                      "pattern must be a valid regular expression of 1 to 500 characters.")
            } else {
                check(field + ".pattern", false, .length(min: 1, max: 500))
            }
        }
        let actions = filter.actions
        let setsSomething = actions.queueID != nil || actions.priorityID != nil || actions.typeID != nil
            || !(actions.fields ?? [:]).isEmpty || actions.ignore == true
        check("actions", setsSomething, .atLeastOne, "A filter must set a queue, priority, type or field, or ignore the mail.")
        if let id = actions.queueID { check("actions.queueId", master.queue(id) != nil, .unknownReference(reference: String(id)), "Unknown queue \(id).") }
        if let id = actions.priorityID {
            check("actions.priorityId", master.priorities.contains { $0.id == id }, .unknownReference(reference: String(id)), "Unknown priority \(id).")
        }
        if let id = actions.typeID { check("actions.typeId", master.types.contains { $0.id == id }, .unknownReference(reference: String(id)), "Unknown type \(id).") }
        for (name, value) in (actions.fields ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let definition = fields.first(where: { $0.name == name }) else {
                issues.append(FieldIssue(field: "actions.fields.\(name)", .unknownReference(reference: name)))
                continue
            }
            if case .failure(let issue) = definition.validate(.string(value)) {
                issues.append(issue.moved(to: "actions.fields.\(name)"))
            }
        }
        guard issues.isEmpty else { throw .invalid("The filter has invalid settings.", issues: issues) }
    }
}
