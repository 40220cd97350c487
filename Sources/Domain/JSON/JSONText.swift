/// JSON text written by hand where `JSONEncoder` and `JSONSerialization` cost too much: CMDB attribute objects,
/// event payloads and field values, written once per row by imports of 50,000 items and several times per new ticket.
public enum JSONText {
    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, everything else as it is.
    public static func appendString(_ text: String, to output: inout String) {
        output.append("\"")
        // Most text needs no escape; the characters that do are ASCII, so no byte of a longer character matches.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            output.append(text)
            output.append("\"")
            return
        }
        var plainStart = text.unicodeScalars.startIndex
        for index in text.unicodeScalars.indices {
            let scalar = text.unicodeScalars[index]
            guard scalar.value < 0x20 || scalar == "\"" || scalar == "\\" else { continue }
            output.unicodeScalars.append(contentsOf: text.unicodeScalars[plainStart..<index])
            plainStart = text.unicodeScalars.index(after: index)
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            default:
                let hex = String(scalar.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            }
        }
        output.unicodeScalars.append(contentsOf: text.unicodeScalars[plainStart...])
        output.append("\"")
    }

    /// `text` as a JSON string literal.
    public static func string(_ text: String) -> String {
        var output = ""
        appendString(text, to: &output)
        return output
    }

    /// A JSON object of text values with sorted keys.
    public static func object(_ values: [String: String]) -> String {
        var output = "{"
        for (offset, entry) in values.sorted(by: { $0.key < $1.key }).enumerated() {
            if offset > 0 { output.append(",") }
            appendString(entry.key, to: &output)
            output.append(":")
            appendString(entry.value, to: &output)
        }
        output.append("}")
        return output
    }
}
