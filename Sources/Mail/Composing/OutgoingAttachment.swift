/// A file to send with an ``OutgoingMail``.
public struct OutgoingAttachment: Sendable {
    /// The file name to show; directories and control characters are removed.
    public var filename: String
    /// The media type, such as `application/pdf`; an unusable one is sent as `application/octet-stream`.
    public var contentType: String
    public var bytes: [UInt8]
    /// For inline images: the ID (without angle brackets) the HTML refers to as `cid:…`. Nil for attachments.
    public var contentID: String?

    public init(filename: String, contentType: String, bytes: [UInt8], contentID: String? = nil) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
        self.contentID = contentID
    }
}
