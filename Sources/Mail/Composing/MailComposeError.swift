/// Why ``MailComposer`` refused to write a message. Texts never cause an error (they are encoded or cleaned);
/// only what cannot be written safely does.
public enum MailComposeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An address that is not a plain ASCII `local@domain` (or holds characters that could break the header).
    case invalidAddress(String)
    /// An extra header name that is not printable ASCII without colon.
    case invalidHeaderName(String)
    /// An extra header the composer writes itself (From, Subject, Content-Type …).
    case reservedHeader(String)
    /// A Message-ID with white space, brackets or control characters, or without `@`.
    case invalidMessageID(String)

    public var description: String {
        switch self {
        case .invalidAddress(let address): "invalid mail address \"\(address)\""
        case .invalidHeaderName(let name): "invalid header name \"\(name)\""
        case .reservedHeader(let name): "header \(name) is written by the composer and cannot be set"
        case .invalidMessageID(let id): "invalid Message-ID \"\(id)\""
        }
    }
}
