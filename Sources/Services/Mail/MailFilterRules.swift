import Domain

/// Validation of a postmaster filter against the current master data and field definitions, with the API's field
/// names: every pattern must compile, every action must name something that exists.
enum MailFilterRules {
    static func check(_ filter: MailFilter, master: MasterData, fields: [FieldDefinition]) throws(DomainError) {
        var issues: [FieldIssue] = []
        func check(_ field: String, _ ok: Bool, _ message: String) {
            if !ok { issues.append(FieldIssue(field: field, message: message)) }
        }
        check("name", (1...200).contains(filter.name.count), "A name needs 1 to 200 characters.")
        check("position", (0...1_000_000).contains(filter.position), "position must be between 0 and 1000000.")
        check("conditions", (1...20).contains(filter.conditions.count), "A filter needs 1 to 20 conditions.")
        for (index, condition) in filter.conditions.enumerated() {
            let field = "conditions[\(index)]"
            if let header = condition.header {
                check(field + ".header", (1...100).contains(header.count) && header.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != ":" },
                      "A header name needs 1 to 100 printable ASCII characters without colon.")
            }
            check(field + ".pattern", (1...500).contains(condition.pattern.count) && MailFilterMatcher.compile(condition.pattern) != nil,
                  "pattern must be a valid regular expression of 1 to 500 characters.")
        }
        let actions = filter.actions
        let setsSomething = actions.queueID != nil || actions.priorityID != nil || actions.typeID != nil
            || !(actions.fields ?? [:]).isEmpty || actions.ignore == true
        check("actions", setsSomething, "A filter must set a queue, priority, type or field, or ignore the mail.")
        if let id = actions.queueID { check("actions.queueId", master.queue(id) != nil, "Unknown queue \(id).") }
        if let id = actions.priorityID { check("actions.priorityId", master.priorities.contains { $0.id == id }, "Unknown priority \(id).") }
        if let id = actions.typeID { check("actions.typeId", master.types.contains { $0.id == id }, "Unknown type \(id).") }
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
