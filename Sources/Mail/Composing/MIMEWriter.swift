/// Writing a MIME tree: each part's header fields and body, multiparts with fresh random boundaries.
enum MIMEWriter {
    indirect enum Node {
        /// A leaf: its MIME header fields (already encoded and folded) and encoded body.
        case leaf(fields: [[UInt8]], body: [UInt8])
        case multipart(subtype: String, parts: [Node])
    }

    /// Appends the part's MIME header fields, the empty line and its body to `output`.
    static func write(_ node: Node, into output: inout [UInt8]) {
        switch node {
        case .leaf(let fields, let body):
            for field in fields { output += field }
            output += [ASCII.cr, ASCII.lf]
            output += body
        case .multipart(let subtype, let parts):
            let boundary = makeBoundary()
            output += HeaderEncoder.field("Content-Type", HeaderEncoder.parameterizedTokens(
                "multipart/\(subtype)", [["boundary=\"\(boundary)\""]]))
            output += [ASCII.cr, ASCII.lf]
            output += Array("This is a multi-part message in MIME format.\r\n".utf8)
            for part in parts {
                output += Array("\r\n--\(boundary)\r\n".utf8)
                write(part, into: &output)
            }
            output += Array("\r\n--\(boundary)--\r\n".utf8)
        }
    }

    /// `=_tw_` and 24 random hex digits: `=_` never occurs in quoted-printable or base64, and 7bit parts are
    /// checked not to contain it, so the boundary cannot occur in any part.
    static func makeBoundary() -> String {
        "=_tw_" + RandomHex.make(bytes: 12)
    }
}
