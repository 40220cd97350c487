/// The MIME parser: turns any bytes into a ``MailMessage``, never throwing and never crashing.
///
/// It works on the bytes in one pass with a stack of the open multipart boundaries, so time grows linearly with
/// the message whatever its structure. Structures beyond the limits below are not parsed further but kept (as an
/// attachment holding the unparsed bytes), and recorded in ``MailMessage/parseProblems``; so are broken
/// boundaries, bad encodings and wrong charsets, which are read as well as they can be.
public enum MIMEParser {
    /// Multiparts nested deeper than this are kept whole as a `message/rfc822` attachment.
    public static let maximumDepth = 50
    /// Parts beyond this many are kept together as one attachment.
    public static let maximumParts = 5_000
    /// Header fields of one part beyond this many are ignored.
    public static let maximumHeaderFields = 1_000
    /// Header field values longer than this (in bytes, unfolded) are cut.
    public static let maximumHeaderValueLength = 64 * 1024

    /// Parses a message (RFC 5322 with MIME). Line endings may be CRLF or LF.
    public static func parse(_ bytes: [UInt8]) -> MailMessage {
        bytes.withUnsafeBufferPointer { buffer in
            var tree = MIMETreeParser(bytes: buffer)
            if buffer.isEmpty { tree.problems.add("the message is empty") }
            let root = tree.parseEntity(at: 0, depth: 0, defaultType: .defaultText).part
            var extractor = BodyExtractor(bytes: buffer, problems: tree.problems)
            let bodies = extractor.extract(from: root)
            return MailMessage(
                raw: bytes, structure: root, textBody: bodies.text, textBodyIsFromHTML: bodies.textIsFromHTML,
                htmlBody: bodies.html, attachments: extractor.attachments, deliveryReport: extractor.deliveryReport,
                parseProblems: extractor.problems.all)
        }
    }
}
