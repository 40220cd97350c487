/// Collects server replies from received bytes: lines end with CRLF (a bare LF is tolerated), and a reply ends
/// with the line whose fourth character is a space (or that is just the code), RFC 5321 section 4.2.1.
struct SMTPReplyParser {
    /// A reply longer than this is a broken or hostile server.
    static let maxReplyBytes = 64 * 1024

    private var pending: [UInt8] = []
    private var lines: [String] = []
    private var replyBytes = 0

    /// Adds received bytes.
    mutating func append(_ bytes: some Sequence<UInt8>) {
        pending.append(contentsOf: bytes)
    }

    /// The next complete reply, nil when more bytes are needed.
    mutating func nextReply() throws(SMTPError) -> SMTPReply? {
        while let newline = pending.firstIndex(of: 0x0A) {
            var line = Array(pending[..<newline])
            pending.removeSubrange(...newline)
            if line.last == 0x0D { line.removeLast() }
            replyBytes += line.count
            guard replyBytes <= Self.maxReplyBytes else { throw .protocolViolation("reply longer than 64 KB") }
            guard line.count >= 3, let code = Int(String(decoding: line[0..<3], as: UTF8.self)), (200..<600).contains(code)
            else { throw .protocolViolation("unreadable reply line '\(Self.printable(line))'") }
            let separator = line.count > 3 ? line[3] : 0x20
            guard separator == 0x20 || separator == 0x2D else {
                throw .protocolViolation("unreadable reply line '\(Self.printable(line))'")
            }
            lines.append(line.count > 4 ? Self.printable(line[4...]) : "")
            if separator == 0x20 {
                defer { lines = []; replyBytes = 0 }
                return SMTPReply(code: code, lines: lines)
            }
        }
        guard pending.count <= Self.maxReplyBytes else { throw .protocolViolation("reply line longer than 64 KB") }
        return nil
    }

    private static func printable(_ bytes: some Sequence<UInt8>) -> String {
        String(decoding: bytes.prefix(500).map { $0 >= 0x20 && $0 < 0x7F ? $0 : 0x3F }, as: UTF8.self)
    }
}
