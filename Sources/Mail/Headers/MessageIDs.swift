/// Message-IDs in Message-ID, In-Reply-To and References headers.
public enum MessageIDs {
    /// The IDs in `header`, without angle brackets, in order and without repeats.
    ///
    /// Takes every `<…>`; a header without any (as some mailers write them) gives its words that contain `@`.
    /// White space inside brackets (folded long IDs) is removed.
    public static func parse(_ header: String) -> [String] {
        var ids: [String] = []
        var seen: Set<String> = []
        func add(_ bytes: some Collection<UInt8>) {
            let id = String(decoding: bytes.filter { !ASCII.isWhitespace($0) && $0 != 0 }, as: UTF8.self)
            guard !id.isEmpty, id.utf8.count <= 998, seen.insert(id).inserted else { return }
            ids.append(id)
        }
        let bytes = Array(header.utf8)
        var index = 0
        var sawBrackets = false
        while index < bytes.count {
            guard bytes[index] == ASCII.lessThan else {
                index += 1
                continue
            }
            let start = index + 1
            var end = start
            while end < bytes.count, bytes[end] != ASCII.greaterThan, bytes[end] != ASCII.lessThan { end += 1 }
            if end < bytes.count, bytes[end] == ASCII.greaterThan {
                sawBrackets = true
                add(bytes[start..<end])
                index = end + 1
            } else {
                index = end
            }
        }
        if !sawBrackets {
            for word in bytes.split(whereSeparator: { ASCII.isWhitespace($0) || $0 == ASCII.comma })
            where word.contains(ASCII.at) {
                add(word.filter { $0 != ASCII.lessThan && $0 != ASCII.greaterThan })
            }
        }
        return ids
    }
}
