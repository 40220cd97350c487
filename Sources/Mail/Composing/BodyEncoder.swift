/// Choosing and applying the transfer encoding of an outgoing part.
enum BodyEncoder {
    /// A body ready to write: its Content-Transfer-Encoding and encoded bytes.
    struct Encoded {
        var transferEncoding: String
        var bytes: [UInt8]
    }

    /// Text as UTF-8 with CRLF line breaks: 7bit if it is ASCII with short lines, quoted-printable if at most a
    /// third of its bytes are not ASCII (Latin text stays readable), base64 otherwise (Cyrillic, Greek, CJK).
    /// NULs are dropped.
    static func text(_ text: String) -> Encoded {
        let bytes = crlfLines(text)
        var nonASCII = 0
        var longestLine = 0
        var lineLength = 0
        var hasControl = false
        for byte in bytes {
            if byte >= 0x80 { nonASCII += 1 }
            if byte == ASCII.lf {
                lineLength = 0
            } else if byte != ASCII.cr {
                lineLength += 1
                longestLine = max(longestLine, lineLength)
                if byte < 0x20 && byte != ASCII.tab || byte == 0x7F { hasControl = true }
            }
        }
        // `=_` starts every boundary the composer makes; 7bit text must not contain it.
        let mayHoldBoundary = bytes.indices.dropLast().contains { bytes[$0] == ASCII.equals && bytes[$0 + 1] == ASCII.underscore }
        if nonASCII == 0, longestLine <= 76, !hasControl, !mayHoldBoundary {
            return Encoded(transferEncoding: "7bit", bytes: bytes)
        }
        if nonASCII * 3 <= bytes.count {
            return Encoded(transferEncoding: "quoted-printable", bytes: QuotedPrintable.encode(bytes))
        }
        return Encoded(transferEncoding: "base64", bytes: Base64.encodeLines(bytes))
    }

    /// A file: base64, except a forwarded message that is 7-bit clean, which RFC 2046 wants unencoded.
    static func file(_ bytes: [UInt8], mediaType: String) -> Encoded {
        if mediaType == "message/rfc822", isSevenBitClean(bytes) {
            return Encoded(transferEncoding: "7bit", bytes: crlfLines(String(decoding: bytes, as: UTF8.self)))
        }
        return Encoded(transferEncoding: "base64", bytes: Base64.encodeLines(bytes))
    }

    private static func isSevenBitClean(_ bytes: [UInt8]) -> Bool {
        var lineLength = 0
        for byte in bytes {
            if byte >= 0x80 || byte == 0 { return false }
            if byte == ASCII.lf { lineLength = 0 } else { lineLength += 1 }
            if lineLength > 998 { return false }
        }
        let boundaryMarker = bytes.indices.dropLast().contains { bytes[$0] == ASCII.equals && bytes[$0 + 1] == ASCII.underscore }
        return !boundaryMarker
    }

    /// The UTF-8 of `text` with every line break (CRLF, LF, lone CR) as CRLF and without NUL.
    static func crlfLines(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 20)
        var previousWasCR = false
        for byte in text.utf8 {
            defer { previousWasCR = byte == ASCII.cr }
            switch byte {
            case ASCII.cr:
                output += [ASCII.cr, ASCII.lf]
            case ASCII.lf:
                if !previousWasCR { output += [ASCII.cr, ASCII.lf] }
            case 0:
                continue
            default:
                output.append(byte)
            }
        }
        return output
    }
}
