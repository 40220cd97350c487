import Foundation

/// A file attached to an article. The bytes live once per SHA-256 digest, shared by every article that carries them.
public struct Attachment: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var articleID: Int64
    public var ticketID: Int64
    public var filename: String
    public var contentType: String
    public var size: Int
    /// Hex SHA-256 of the content; the key of the shared blob.
    public var digest: String
    /// For inline images of HTML mail: the `cid:` they are referenced by.
    public var contentID: String?

    public init(id: Int64, articleID: Int64, ticketID: Int64, filename: String, contentType: String, size: Int, digest: String, contentID: String? = nil) {
        self.id = id
        self.articleID = articleID
        self.ticketID = ticketID
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.digest = digest
        self.contentID = contentID
    }
}
