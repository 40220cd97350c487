import Foundation

/// Placeholders in queue mail texts, written `{{ticket.number}}`: checked when an administrator saves a text,
/// filled in when a mail is written. Values are inserted as they are; the composer encodes them.
public enum MailTemplate {
    /// Every placeholder a text may use.
    public static let placeholders: [String] = [
        "ticket.number", "ticket.title", "customer.name", "customer.email", "queue.name", "mail.subject",
    ]

    /// The placeholders in `text` that are not among `known` (also `{{` without `}}`), in order of appearance.
    public static func unknownPlaceholders(in text: String, known: [String] = placeholders) -> [String] {
        var unknown: [String] = []
        scan(text) { name in
            if name.map({ !known.contains($0) }) ?? true { unknown.append(name ?? "{{") }
            return ""
        }
        return unknown
    }

    /// `text` with each placeholder replaced by its value (a missing value by nothing).
    public static func render(_ text: String, values: [String: String]) -> String {
        scan(text) { name in name.flatMap { values[$0] } ?? "" }
    }

    /// Walks `text`, replacing each `{{ name }}` by `replacement(name)`; an unclosed `{{` is passed as nil.
    @discardableResult
    static func scan(_ text: String, _ replacement: (String?) -> String) -> String {
        var output = ""
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                output += replacement(nil)
                return output + rest[open.lowerBound...]
            }
            output += replacement(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return output + rest
    }
}
