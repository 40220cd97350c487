/// A request form's ticket title pattern, such as `Toner bestellen: {{field.druckermodell}}`.
///
/// Placeholders: `{{field.NAME}}` (the answer to the form's item NAME; field names are matched without regard to
/// case), `{{form.name}}` and `{{requester.name}}`. The syntax and its scanning are `MailTemplate`'s.
public enum TitlePattern {
    /// The placeholders of `pattern` that are not allowed for a form with the item names `itemNames`.
    public static func unknownPlaceholders(in pattern: String, itemNames: [String]) -> [String] {
        let known = ["form.name", "requester.name"] + itemNames.map { "field." + $0.lowercased() }
        return MailTemplate.unknownPlaceholders(in: lowercasingPlaceholders(pattern), known: known)
    }

    /// The title for `answers` (display texts by lowercased item name): placeholders filled, white space folded,
    /// cut to 500 characters; `fallback` when that leaves nothing.
    public static func render(_ pattern: String, formName: String, requesterName: String, answers: [String: String], fallback: String) -> String {
        var values = ["form.name": formName, "requester.name": requesterName]
        for (name, text) in answers { values["field." + name.lowercased()] = text }
        let filled = MailTemplate.render(Self.lowercasingPlaceholders(pattern), values: values)
        let title = filled.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return title.isEmpty ? fallback : String(title.prefix(500))
    }

    /// `text` with the names inside `{{…}}` lowercased, so that `{{field.Druckermodell}}` finds `druckermodell`.
    private static func lowercasingPlaceholders(_ text: String) -> String {
        var output = ""
        var inside = false
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                inside = true
                output += "{{"
                index = text.index(index, offsetBy: 2)
            } else if text[index...].hasPrefix("}}") {
                inside = false
                output += "}}"
                index = text.index(index, offsetBy: 2)
            } else {
                output += inside ? text[index].lowercased() : String(text[index])
                index = text.index(after: index)
            }
        }
        return output
    }
}
