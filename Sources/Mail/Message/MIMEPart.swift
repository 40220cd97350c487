/// One node of a message's MIME structure: a header section and a body, and for multiparts the parts inside.
///
/// Ranges point into the ``MailMessage/raw`` bytes of the message the part belongs to, so that exact bytes (for
/// signatures, for example) stay available; ``MailMessage`` already offers the decoded bodies and attachments.
public struct MIMEPart: Sendable {
    /// How the parser treated the part.
    enum Kind: Sendable {
        /// Parsed as its headers say.
        case normal
        /// A multipart beyond the depth or part limit, kept whole (headers and body) as an attachment.
        case opaqueEntity
        /// The parts of a multipart beyond the part limit, kept as one attachment.
        case unparsedRemainder
    }

    /// The part's header fields (for the top-level part, the message's).
    public let headers: MailHeaders
    /// The media type the part has: as declared, or the default where the declaration is missing or unreadable.
    public let contentType: ContentType
    /// Where the header section lies in the message's raw bytes.
    public let headerRange: Range<Int>
    /// Where the body (still transfer-encoded) lies in the message's raw bytes.
    public let bodyRange: Range<Int>
    /// The parts of a multipart, in order; empty for other parts.
    public let parts: [MIMEPart]
    let kind: Kind

    init(headers: MailHeaders, contentType: ContentType, headerRange: Range<Int>, bodyRange: Range<Int>,
         parts: [MIMEPart] = [], kind: Kind = .normal) {
        self.headers = headers
        self.contentType = contentType
        self.headerRange = headerRange
        self.bodyRange = bodyRange
        self.parts = parts
        self.kind = kind
    }

    /// The Content-Transfer-Encoding in lower case, `7bit` if none is given.
    public var transferEncoding: String {
        guard let value = headers.rawValue(named: "Content-Transfer-Encoding") else { return "7bit" }
        let token = ASCII.lowercased(ASCII.trimmed(value))
        return token.isEmpty ? "7bit" : token
    }

    /// `inline`, `attachment` or another disposition in lower case; nil without Content-Disposition.
    public var disposition: String? {
        guard let value = headers.rawValue(named: "Content-Disposition") else { return nil }
        let token = ASCII.lowercased(HeaderParameters(parsing: value).value)
        return token.isEmpty ? nil : token
    }

    /// The file name from Content-Disposition's `filename` or else Content-Type's `name`, decoded, without
    /// directories and control characters; nil if there is none.
    public var filename: String? {
        var name: String?
        if let value = headers.rawValue(named: "Content-Disposition") {
            name = HeaderParameters(parsing: value)["filename"]
        }
        if name == nil || name?.isEmpty == true {
            name = contentType.parameters["name"]
        }
        return name.flatMap(FileName.cleaned)
    }

    /// The Content-ID without angle brackets, as `cid:` URLs in HTML refer to it; nil if there is none.
    public var contentID: String? {
        guard let value = headers.rawValue(named: "Content-ID") else { return nil }
        let id = MessageIDs.parse(value).first ?? ASCII.trimmed(value)
        return id.isEmpty ? nil : id
    }
}
