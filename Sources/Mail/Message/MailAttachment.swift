/// A file that came with a message: an attachment, an inline image that HTML refers to by `cid:`, a forwarded
/// message (`message/rfc822`) or a part that could only be kept whole.
public struct MailAttachment: Sendable, Equatable {
    /// Whether the sender meant the file to be shown in the text (inline images) or offered separately.
    public enum Disposition: String, Sendable {
        case inline
        case attachment
    }

    /// The file name the sender gave, decoded (RFC 2231 and RFC 2047), without directories; nil if none.
    public let filename: String?
    /// The media type as declared, such as `application/pdf`.
    public let contentType: ContentType
    /// The Content-ID without angle brackets, for inline parts that HTML refers to as `cid:…`.
    public let contentID: String?
    public let disposition: Disposition
    /// The content, transfer encoding undone.
    public let bytes: [UInt8]

    public init(filename: String?, contentType: ContentType, contentID: String?, disposition: Disposition,
                bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.contentID = contentID
        self.disposition = disposition
        self.bytes = bytes
    }

    /// The size in bytes.
    public var size: Int { bytes.count }

    /// Whether this is a forwarded or returned message, which ``embeddedMessage()`` parses.
    public var isMessage: Bool { contentType.mimeType == "message/rfc822" || contentType.mimeType == "message/global" }

    /// The file name to store or offer the file under: ``filename``, else one made from the subject of an
    /// embedded message or from the media type (`attachment.pdf`, `image.png`, `message.eml`).
    public var suggestedFilename: String {
        if let filename { return filename }
        if isMessage {
            if let subject = embeddedMessage()?.subject,
               let name = FileName.cleaned(String(subject.prefix(80)).replacingAll("/", with: "-").replacingAll("\\", with: "-")) {
                return name + ".eml"
            }
            return "message.eml"
        }
        let stem = contentType.type == "image" ? "image" : "attachment"
        return stem + "." + FileExtension.forMediaType(contentType.mimeType)
    }

    /// The message inside a `message/rfc822` attachment, parsed; nil for other attachments.
    public func embeddedMessage() -> MailMessage? {
        isMessage ? MIMEParser.parse(bytes) : nil
    }
}
