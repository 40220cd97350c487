/// The rules of text templates: which placeholders exist, what a template must hold, and how a template
/// becomes text for one ticket. Placeholders are written `{{ticket.number}}`, as in queue mail texts.
public enum TextTemplateRules {
    /// Every placeholder a text template may use.
    public static let placeholders: [String] = [
        "ticket.number", "ticket.title", "ticket.queue", "customer.firstName", "customer.lastName", "customer.email",
        "agent.firstName", "agent.lastName",
    ]

    /// The longest name and text a template may have.
    public static let maxNameLength = 200
    public static let maxTextLength = 100_000

    /// The problems of a template's name and texts, by field (`name`, `textDE`, `textEN`); empty when it is fine.
    public static func issues(name: String, textDE: String?, textEN: String?) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.count > maxNameLength {
            issues.append(FieldIssue(field: "name", .length(min: 1, max: maxNameLength)))
        }
        if (textDE ?? "").allSatisfy(\.isWhitespace), (textEN ?? "").allSatisfy(\.isWhitespace) {
            issues.append(FieldIssue(field: "textDE", .required))
        }
        for (field, text) in [("textDE", textDE), ("textEN", textEN)] {
            guard let text else { continue }
            if text.count > maxTextLength {
                issues.append(FieldIssue(field: field, .tooLong(max: maxTextLength)))
            }
            let unknown = MailTemplate.unknownPlaceholders(in: text, known: placeholders)
            if !unknown.isEmpty {
                issues.append(FieldIssue(
                    field: field, .unknownPlaceholders(placeholders: unknown.joined(separator: ", ")),
                    detail: "Unknown placeholders: \(unknown.joined(separator: ", ")). Known are \(placeholders.joined(separator: ", "))."
                ))
            }
        }
        return issues
    }

    /// `text` with its placeholders filled in from `values` (keyed like `placeholders`); a missing value is left empty.
    public static func render(_ text: String, values: [String: String]) -> String {
        MailTemplate.render(text, values: values)
    }
}
