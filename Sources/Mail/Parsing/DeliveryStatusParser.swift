/// Reading the machine-readable part of a delivery status notification (RFC 3464 `message/delivery-status`):
/// one block of fields about the message, then one block per recipient.
enum DeliveryStatusParser {
    static func parse(_ bytes: [UInt8]) -> (reportingMTA: String?, recipients: [DeliveryReport.Recipient]) {
        let blocks = headerBlocks(bytes)
        var reportingMTA: String?
        var recipients: [DeliveryReport.Recipient] = []
        for block in blocks {
            if reportingMTA == nil, let mta = block.rawValue(named: "Reporting-MTA") {
                reportingMTA = withoutType(mta)
            }
            guard let recipient = block.rawValue(named: "Final-Recipient") ?? block.rawValue(named: "Original-Recipient")
            else { continue }
            recipients.append(DeliveryReport.Recipient(
                address: withoutType(recipient),
                originalAddress: block.rawValue(named: "Original-Recipient").map(withoutType),
                action: ASCII.lowercased(firstWord(block.rawValue(named: "Action") ?? "")),
                status: block.rawValue(named: "Status").map(firstWord).flatMap { $0.isEmpty ? nil : $0 },
                diagnostic: block["Diagnostic-Code"]))
        }
        return (reportingMTA, recipients)
    }

    /// The header fields of a returned message (`message/rfc822` or `text/rfc822-headers`).
    static func headers(ofMessage bytes: [UInt8]) -> MailHeaders {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = MIMETreeParser(bytes: buffer)
            return parser.decodeHeaders(parser.parseHeaderBlock(at: 0, isTopLevel: true))
        }
    }

    private static func headerBlocks(_ bytes: [UInt8]) -> [MailHeaders] {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = MIMETreeParser(bytes: buffer)
            var blocks: [MailHeaders] = []
            var index = 0
            while blocks.count < 1_000 {
                while let line = parser.line(at: index),
                      (line.start..<line.end).allSatisfy({ ASCII.isWhitespace(buffer[$0]) }) {
                    index = line.next
                }
                guard index < buffer.count else { break }
                let block = parser.parseHeaderBlock(at: index, isTopLevel: false)
                guard !block.fields.isEmpty, block.bodyStart > index else { break }
                blocks.append(parser.decodeHeaders(block))
                index = block.bodyStart
            }
            return blocks
        }
    }

    /// `user@example.org` of `rfc822; user@example.org`.
    private static func withoutType(_ value: String) -> String {
        guard let semicolon = value.firstIndex(of: ";") else { return ASCII.trimmed(value) }
        return ASCII.trimmed(String(value[value.index(after: semicolon)...]))
            .trimmingAngleBrackets()
    }

    private static func firstWord(_ value: String) -> String {
        String(ASCII.trimmed(value).prefix { !$0.isWhitespace && $0 != "(" && $0 != ";" })
    }
}

private extension String {
    func trimmingAngleBrackets() -> String {
        guard first == "<", last == ">", count >= 2 else { return self }
        return String(dropFirst().dropLast())
    }
}
