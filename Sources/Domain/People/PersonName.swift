import Foundation

/// A person's first and last name, read from the display name of a mail address or a form.
public struct PersonName: Sendable, Equatable {
    public var first: String
    public var last: String

    public init(first: String, last: String) {
        self.first = first
        self.last = last
    }

    /// "Karin Lehmann" → Karin / Lehmann; "Lehmann, Karin" → Karin / Lehmann; "Lehmann" → – / Lehmann;
    /// "Dr. Karin von Lehmann" → Dr. Karin / von Lehmann (lower-case particles stay with the last name).
    /// Nil for a name without letters, or one that is a mail address itself.
    public init?(parsing text: String) {
        let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
        guard cleaned.contains(where: \.isLetter), !cleaned.contains("@"), cleaned.count <= 200 else { return nil }
        if let comma = cleaned.firstIndex(of: ",") {
            let last = cleaned[..<comma].trimmingCharacters(in: .whitespaces)
            let first = cleaned[cleaned.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            guard !last.isEmpty else { return nil }
            self.init(first: first, last: last)
            return
        }
        var words = cleaned.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let lastWord = words.popLast() else { return nil }
        var last = [lastWord]
        while let particle = words.last, let initial = particle.first, initial.isLowercase {
            last.insert(words.removeLast(), at: 0)
        }
        self.init(first: words.joined(separator: " "), last: last.joined(separator: " "))
    }
}
