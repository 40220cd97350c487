/// A MIME media type with its parameters, as in `Content-Type: text/plain; charset=utf-8`.
public struct ContentType: Sendable, Hashable, CustomStringConvertible {
    /// The top-level type in lower case, such as `text` or `multipart`.
    public let type: String
    /// The subtype in lower case, such as `plain` or `mixed`.
    public let subtype: String
    /// Parameters by lower-case name, decoded (RFC 2231 and RFC 2047).
    public let parameters: [String: String]

    public init(type: String, subtype: String, parameters: [String: String] = [:]) {
        self.type = ASCII.lowercased(type)
        self.subtype = ASCII.lowercased(subtype)
        self.parameters = parameters
    }

    /// Parses a Content-Type value; nil if it names no `type/subtype`.
    public init?(parsing header: String) {
        self.init(HeaderParameters(parsing: header))
    }

    init?(_ header: HeaderParameters) {
        let parts = header.value.utf8.split(separator: UInt8(ascii: "/"), maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              parts[0].allSatisfy(Self.isTokenByte), parts[1].allSatisfy(Self.isTokenByte)
        else { return nil }
        var parameters: [String: String] = [:]
        for (name, value) in header.parameters where parameters[name] == nil { parameters[name] = value }
        self.init(type: String(decoding: parts[0], as: UTF8.self), subtype: String(decoding: parts[1], as: UTF8.self),
                  parameters: parameters)
    }

    /// `text/plain; charset=us-ascii`, what a part without Content-Type is.
    public static let defaultText = ContentType(type: "text", subtype: "plain")
    /// `message/rfc822`, what a part of a multipart/digest without Content-Type is.
    public static let defaultDigestPart = ContentType(type: "message", subtype: "rfc822")

    /// `type/subtype` in lower case.
    public var mimeType: String { "\(type)/\(subtype)" }
    public var description: String { mimeType }

    public var charset: String? { parameters["charset"] }
    public var isMultipart: Bool { type == "multipart" }
    public var isText: Bool { type == "text" }

    /// Token characters of RFC 2045 (printable ASCII except specials), plus nothing else.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        guard byte > ASCII.space, byte < 0x7F else { return false }
        switch byte {
        case 0x28, 0x29, 0x3C, 0x3E, 0x40, 0x2C, 0x3B, 0x3A, 0x5C, 0x22, 0x2F, 0x5B, 0x5D, 0x3F, 0x3D: return false
        default: return true
        }
    }
}
