/// Walks a parsed MIME tree and sorts its leaves into what a reader sees: the text and HTML bodies, the
/// attachments (with inline images and forwarded messages), and a delivery report.
///
/// Text and HTML parts that are neither marked as attachments nor named are bodies; of a multipart/alternative the
/// first alternative with text gives the text and the last with HTML gives the HTML; bodies in other multiparts
/// (mixed, related, signed, report …) are joined in order. Everything else, including parts of the alternatives
/// not chosen, is an attachment.
struct BodyExtractor {
    let bytes: UnsafeBufferPointer<UInt8>
    var problems: ProblemLog
    private(set) var attachments: [MailAttachment] = []
    private(set) var deliveryReport: DeliveryReport?
    private var statusParts: [(reportingMTA: String?, recipients: [DeliveryReport.Recipient])] = []
    private var returnedHeaders: MailHeaders?

    init(bytes: UnsafeBufferPointer<UInt8>, problems: ProblemLog) {
        self.bytes = bytes
        self.problems = problems
    }

    struct Bodies {
        var text: String?
        var textIsFromHTML = false
        var html: String?
    }

    private struct Collected {
        var text: [String] = []
        var html: [String] = []

        mutating func append(_ other: Collected) {
            text += other.text
            html += other.html
        }
    }

    mutating func extract(from root: MIMEPart) -> Bodies {
        let collected = collect(root, parentSubtype: nil)
        var bodies = Bodies()
        bodies.html = collected.html.isEmpty ? nil : collected.html.joined(separator: "\n")
        let text = collected.text.joined(separator: "\n")
        if !collected.text.isEmpty, text.utf8.contains(where: { !ASCII.isWhitespace($0) }) || bodies.html == nil {
            bodies.text = text
        } else if let html = bodies.html {
            bodies.text = HTMLTextExtractor.text(fromHTML: html)
            bodies.textIsFromHTML = true
        }
        if !statusParts.isEmpty {
            deliveryReport = DeliveryReport(
                reportingMTA: statusParts.lazy.compactMap(\.reportingMTA).first,
                recipients: statusParts.flatMap(\.recipients),
                originalMessageID: returnedHeaders?.rawValue(named: "Message-ID").flatMap { MessageIDs.parse($0).first },
                originalSubject: returnedHeaders?["Subject"])
        }
        return bodies
    }

    private mutating func collect(_ part: MIMEPart, parentSubtype: String?) -> Collected {
        guard part.kind == .normal, part.contentType.isMultipart else { return leaf(part, parentSubtype: parentSubtype) }
        var results: [Collected] = []
        for child in part.parts {
            results.append(collect(child, parentSubtype: part.contentType.subtype))
        }
        var collected = Collected()
        if part.contentType.subtype == "alternative" {
            if let text = results.first(where: { $0.text.contains { !$0.isEmpty } })?.text { collected.text = text }
            if let html = results.last(where: { !$0.html.isEmpty })?.html { collected.html = html }
        } else {
            for result in results { collected.append(result) }
        }
        return collected
    }

    private mutating func leaf(_ part: MIMEPart, parentSubtype: String?) -> Collected {
        var collected = Collected()
        let type = part.contentType
        guard part.kind == .normal else {
            addAttachment(part, contentType: part.kind == .opaqueEntity
                ? ContentType(type: "message", subtype: "rfc822") : type)
            return collected
        }
        let filename = part.filename
        if type.type == "text", type.subtype == "plain" || type.subtype == "html", filename == nil,
           part.disposition != "attachment" {
            let text = PartContent.text(of: part, in: bytes, problems: &problems)
            if type.subtype == "html" {
                collected.html.append(text)
            } else if !text.isEmpty {
                collected.text.append(text)
            }
            return collected
        }
        let bytes = addAttachment(part, contentType: type)
        switch type.mimeType {
        case "message/delivery-status", "message/global-delivery-status":
            statusParts.append(DeliveryStatusParser.parse(bytes))
        case "message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers":
            if parentSubtype == "report", returnedHeaders == nil {
                returnedHeaders = DeliveryStatusParser.headers(ofMessage: bytes)
            }
        default:
            break
        }
        return collected
    }

    @discardableResult
    private mutating func addAttachment(_ part: MIMEPart, contentType: ContentType) -> [UInt8] {
        let content = PartContent.decodedBytes(of: part, in: bytes, problems: &problems)
        let contentID = part.kind == .normal ? part.contentID : nil
        let declared = part.kind == .normal ? part.disposition : nil
        let disposition: MailAttachment.Disposition =
            declared == "inline" || (declared == nil && contentID != nil) ? .inline : .attachment
        attachments.append(MailAttachment(
            filename: part.kind == .normal ? part.filename : nil, contentType: contentType, contentID: contentID,
            disposition: disposition, bytes: content))
        return content
    }
}
