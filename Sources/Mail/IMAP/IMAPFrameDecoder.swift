import NIOCore

/// Cuts the server's byte stream into ``IMAPResponseRecord``s: a line ends a response unless it ends in a literal
/// marker `{n}`, in which case exactly `n` bytes follow and the line continues after them.
///
/// Literals are waited for whole without rescanning (a 20 MB message costs one copy). Lines longer than
/// `maximumLineBytes` and literals larger than `maximumLiteralBytes` are protocol violations.
struct IMAPFrameDecoder: NIOSingleStepByteToMessageDecoder {
    typealias InboundOut = IMAPResponseRecord

    let maximumLiteralBytes: Int
    let maximumLineBytes = 1024 * 1024

    private var record = IMAPResponseRecord()
    private var pendingLiteral: Int?

    init(maximumLiteralBytes: Int) {
        self.maximumLiteralBytes = maximumLiteralBytes
    }

    mutating func decode(buffer: inout ByteBuffer) throws -> IMAPResponseRecord? {
        while true {
            if let length = pendingLiteral {
                guard let literal = buffer.readBytes(length: length) else { return nil }
                record.literals.append(literal)
                pendingLiteral = nil
            }
            guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
                if buffer.readableBytes > maximumLineBytes {
                    throw IMAPError.protocolViolation("a response line is longer than \(maximumLineBytes) bytes")
                }
                return nil
            }
            let length = newline - buffer.readerIndex
            guard var line = buffer.readBytes(length: length + 1) else { return nil }
            line.removeLast()
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            record.text += line
            if let literal = try Self.literalLength(atEndOf: line) {
                guard literal <= maximumLiteralBytes else {
                    throw IMAPError.protocolViolation("a literal of \(literal) bytes is larger than \(maximumLiteralBytes)")
                }
                pendingLiteral = literal
                continue
            }
            defer { record = IMAPResponseRecord() }
            return record
        }
    }

    mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> IMAPResponseRecord? {
        try decode(buffer: &buffer)
    }

    /// The `n` of a line ending in `{n}` (or the non-synchronising `{n+}`), or nil.
    static func literalLength(atEndOf line: [UInt8]) throws -> Int? {
        guard line.last == UInt8(ascii: "}"), let open = line.lastIndex(of: UInt8(ascii: "{")) else { return nil }
        var digits = line[(open + 1)..<(line.count - 1)]
        if digits.last == UInt8(ascii: "+") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
