/// One server reply: a three-digit code and its text lines (several for a multi-line reply such as EHLO's).
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public let code: Int
    /// The text after the code of each line, without the separator.
    public let lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx and 3xx: the command was accepted (3xx asks for more, such as the message after `DATA`).
    public var isPositive: Bool { (200..<400).contains(code) }
    /// 5xx: the server refuses for good.
    public var isPermanentFailure: Bool { (500..<600).contains(code) }

    public var description: String { "\(code) " + lines.joined(separator: " / ") }
}
