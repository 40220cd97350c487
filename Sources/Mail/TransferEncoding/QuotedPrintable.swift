/// Quoted-printable (RFC 2045): decoding that keeps what it cannot read, and encoding in lines of at most 76
/// characters.
enum QuotedPrintable {
    struct Decoded {
        var bytes: [UInt8]
        /// `=` signs not followed by two hex digits or a line break, kept as they are.
        var invalidEscapes: Int
    }

    /// Decodes `input`: `=XY` becomes a byte, `=` at the end of a line joins it with the next, white space at the
    /// end of a line (added in transport) is dropped, line breaks stay as they are.
    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> Decoded {
        var invalidEscapes = 0
        let count = input.count
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { output, initialized in
            var written = 0
            var index = 0
            // Where trailing white space that may have to be dropped starts in the output.
            var blankStart = -1
            while index < count {
                let byte = input[index]
                if byte == ASCII.equals {
                    if index + 2 < count, let high = ASCII.hexValue(input[index + 1]),
                       let low = ASCII.hexValue(input[index + 2]) {
                        output[written] = high << 4 | low
                        written += 1
                        index += 3
                        blankStart = -1
                        continue
                    }
                    // A soft line break: `=`, optional white space, then CRLF, LF or the end of the data.
                    var next = index + 1
                    while next < count, ASCII.isBlank(input[next]) { next += 1 }
                    if next == count {
                        index = next
                        blankStart = -1
                        continue
                    }
                    if input[next] == ASCII.lf {
                        index = next + 1
                        blankStart = -1
                        continue
                    }
                    if input[next] == ASCII.cr, next + 1 < count, input[next + 1] == ASCII.lf {
                        index = next + 2
                        blankStart = -1
                        continue
                    }
                    invalidEscapes += 1
                    output[written] = byte
                    written += 1
                    index += 1
                    blankStart = -1
                    continue
                }
                if byte == ASCII.lf || (byte == ASCII.cr && index + 1 < count && input[index + 1] == ASCII.lf) {
                    if blankStart >= 0 { written = blankStart }
                    blankStart = -1
                    if byte == ASCII.cr {
                        output[written] = ASCII.cr
                        written += 1
                        index += 1
                    }
                    output[written] = ASCII.lf
                    written += 1
                    index += 1
                    continue
                }
                if ASCII.isBlank(byte) {
                    if blankStart < 0 { blankStart = written }
                } else {
                    blankStart = -1
                }
                output[written] = byte
                written += 1
                index += 1
            }
            if blankStart >= 0 { written = blankStart }
            initialized = written
        }
        return Decoded(bytes: bytes, invalidEscapes: invalidEscapes)
    }

    /// `bytes` in quoted-printable with CRLF line breaks. Line breaks in the input (CRLF or LF) stay line breaks;
    /// `=`, control characters, bytes above 127, white space before a line break and the `F` of a line starting
    /// with `From ` (which mbox files would mangle) are escaped.
    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8 + 16)
        var column = 0
        var index = 0
        let count = bytes.count

        func emit(_ token: UnsafeBufferPointer<UInt8>) {
            if column + token.count > 75 {
                output.append(contentsOf: [ASCII.equals, ASCII.cr, ASCII.lf])
                column = 0
            }
            output.append(contentsOf: token)
            column += token.count
        }
        func emitEscaped(_ byte: UInt8) {
            let token = [ASCII.equals, ASCII.upperHexDigits[Int(byte >> 4)], ASCII.upperHexDigits[Int(byte & 0x0F)]]
            token.withUnsafeBufferPointer { emit($0) }
        }

        while index < count {
            let byte = bytes[index]
            let atLineBreak = index + 1 == count || bytes[index + 1] == ASCII.lf
                || (bytes[index + 1] == ASCII.cr && index + 2 < count && bytes[index + 2] == ASCII.lf)
            if byte == ASCII.lf || (byte == ASCII.cr && index + 1 < count && bytes[index + 1] == ASCII.lf) {
                output.append(contentsOf: [ASCII.cr, ASCII.lf])
                column = 0
                index += byte == ASCII.cr ? 2 : 1
                continue
            }
            let startsFromLine = byte == UInt8(ascii: "F") && column == 0
                && bytes[index...].starts(with: [0x46, 0x72, 0x6F, 0x6D, 0x20])
            if startsFromLine || byte == ASCII.equals || byte >= 0x7F || (byte < 0x20 && byte != ASCII.tab)
                || (ASCII.isBlank(byte) && atLineBreak) {
                emitEscaped(byte)
            } else {
                var single = byte
                withUnsafePointer(to: &single) { emit(UnsafeBufferPointer(start: $0, count: 1)) }
            }
            index += 1
        }
        return output
    }
}
