import Foundation

/// Turns an ``IMAPResponseRecord`` into an ``IMAPResponse``, tolerating what real servers send: lower-case
/// keywords, missing texts, extra spaces, unknown untagged data.
enum IMAPResponseParser {
    static func parse(_ record: IMAPResponseRecord) throws(IMAPError) -> IMAPResponse {
        var reader = IMAPValueReader(record)
        let first = reader.readAtom()
        reader.skipSpaces()
        if first == "+" { return .continuation(reader.remainder) }
        guard !first.isEmpty else { throw .protocolViolation("an empty response line") }
        if first == "*" { return .untagged(try untagged(&reader)) }
        let word = reader.readAtom().uppercased()
        guard let status = IMAPStatus(rawValue: word), status != .preauth else {
            throw .protocolViolation("a tagged response without status: \(String(decoding: record.text.prefix(200), as: UTF8.self))")
        }
        reader.skipSpaces()
        return .tagged(tag: first, status: status, text: responseText(reader.remainder))
    }

    private static func untagged(_ reader: inout IMAPValueReader) throws(IMAPError) -> IMAPUntaggedResponse {
        let word = reader.readAtom()
        reader.skipSpaces()
        if let number = Int(word) {
            let kind = reader.readAtom().uppercased()
            switch kind {
            case "EXISTS": return .exists(number)
            case "EXPUNGE": return .expunge(number)
            case "FETCH": return .fetch(sequence: number, attributes: try fetchAttributes(&reader))
            default: return .other(kind)
            }
        }
        let name = word.uppercased()
        if let status = IMAPStatus(rawValue: name) { return .condition(status, responseText(reader.remainder)) }
        switch name {
        case "CAPABILITY":
            return .capability(reader.remainder.split(separator: " ").map { $0.uppercased() })
        case "SEARCH":
            // ESEARCH-style modifiers such as `(MODSEQ 5)` are ignored; every number is a match.
            return .search(reader.remainder.split(separator: " ").compactMap { UInt32($0) })
        default:
            return .other(name)
        }
    }

    /// `(UID 7 RFC822.SIZE 1200 BODY[] {1200})` as a dictionary by upper-cased attribute name.
    private static func fetchAttributes(_ reader: inout IMAPValueReader) throws(IMAPError) -> [String: IMAPValue] {
        guard case .list(let items) = try reader.readValue() else { throw .protocolViolation("FETCH data is not a list") }
        var attributes: [String: IMAPValue] = [:]
        var index = 0
        while index + 1 < items.count {
            if let name = items[index].atomText {
                attributes[normalised(name)] = items[index + 1]
            }
            index += 2
        }
        return attributes
    }

    /// `BODY[]<0>` and `body[]` both as `BODY[]`.
    private static func normalised(_ name: String) -> String {
        let upper = name.uppercased()
        guard let close = upper.lastIndex(of: "]") else { return upper }
        return String(upper[...close])
    }

    /// Splits `[CODE args] text` into code and text.
    static func responseText(_ line: String) -> IMAPResponseText {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return IMAPResponseText(code: nil, text: line) }
        let code = String(line[line.index(after: line.startIndex)..<close])
        let text = line[line.index(after: close)...].trimmingCharacters(in: .whitespaces)
        return IMAPResponseText(code: code, text: text)
    }
}
