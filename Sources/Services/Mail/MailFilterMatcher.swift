import Domain
import Foundation
import Mail

/// Runs postmaster filters over a parsed mail. Patterns are case-insensitive regular expressions searched in a
/// header's decoded values (each value on a line of its own) or in the first 64 KB of the body text.
///
/// Headers named `X-Ticketwerk-…` are control headers: for mail from an untrusted source (every path but an
/// IMAP account marked trusted) they count as missing, so that outsiders cannot steer filters with them.
enum MailFilterMatcher {
    static let maximumBodyCharacters = 65_536

    static func verdict(_ filters: [MailFilter], for mail: MailMessage, trusted: Bool) -> MailFilterVerdict {
        var verdict = MailFilterVerdict()
        let body = String((mail.textBody ?? "").prefix(maximumBodyCharacters))
        for filter in filters where filter.isActive && !filter.conditions.isEmpty {
            let matched = filter.conditions.allSatisfy { condition in
                matches(condition, in: mail, body: body, trusted: trusted) != (condition.negate == true)
            }
            if matched { verdict.take(filter.actions, from: filter) }
        }
        return verdict
    }

    private static func matches(_ condition: MailFilterCondition, in mail: MailMessage, body: String, trusted: Bool) -> Bool {
        guard let regex = compile(condition.pattern) else { return false }
        let text: String
        if let header = condition.header {
            if !trusted, header.lowercased().hasPrefix("x-ticketwerk-") { return false }
            let values = mail.headers.values(named: header)
            guard !values.isEmpty else { return false }
            text = values.joined(separator: "\n")
        } else {
            text = body
        }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The compiled pattern, or nil when it is not a valid regular expression.
    static func compile(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }
}
