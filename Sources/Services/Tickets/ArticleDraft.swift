import Domain
import Foundation

/// A validated article input: sanitised HTML, derived text, decoded attachments, sender and visibility decided.
struct ArticleDraft: Sendable {
    static let maxBodyCharacters = 1_000_000
    static let maxAttachments = 100

    struct File: Sendable {
        var filename: String
        var contentType: String
        var content: [UInt8]
        var contentID: String?
    }

    var channel: ArticleChannel
    var sender: ArticleSender
    var customerVisible: Bool
    var subject: String?
    var bodyText: String
    var bodyHTML: String?
    var from: String?
    var to: String?
    var cc: String?
    /// Blind copies of an outgoing email article; never stored with the article.
    var bcc: String?
    var messageID: String?
    var inReplyTo: String?
    var references: String?
    var files: [File]
    /// True when the article is to be sent as mail.
    var send: Bool
    /// Stored attachments of the ticket to send with an outgoing email article.
    var attachmentIDs: [Int64]
    var timeMinutes: Int?
    /// Dynamic field inputs; validated against the definitions inside the writing transaction.
    var fieldInputs: [String: FieldInput]
    /// The prefix issues of this article are named with.
    var fieldPrefix: String

    /// Checks `input`; field issues are named after `fieldPrefix` (`article.` inside a new ticket, nothing for a
    /// new article on its own).
    init(input: NewArticle, principal: Principal, maxAttachmentBytes: Int, fieldPrefix: String = "article.") throws(DomainError) {
        let isAgent = principal.isAgent || principal.isAdmin
        channel = input.channel ?? (input.send == true ? .email : (isAgent ? .note : .web))
        sender = isAgent ? (principal.isSystem ? .system : .agent) : .customer
        customerVisible = isAgent ? (input.customerVisible ?? (channel != .note)) : true
        if !isAgent, input.customerVisible == false {
            throw .invalid(FieldIssue(field: fieldPrefix + "customerVisible", .notAllowed))
        }
        guard input.body.count <= Self.maxBodyCharacters else { throw .tooLarge("The article body is larger than 1,000,000 characters.") }
        switch (input.contentType ?? "text/plain").lowercased() {
        case "text/plain":
            bodyText = input.body
            bodyHTML = nil
        case "text/html":
            bodyHTML = HTMLSanitizer.sanitize(input.body)
            bodyText = HTMLText.plainText(fromHTML: input.body)
        default:
            throw .invalid(FieldIssue(field: fieldPrefix + "contentType", .invalidChoice))
        }
        guard !bodyText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || !(input.attachments ?? []).isEmpty else {
            throw .invalid(FieldIssue(field: fieldPrefix + "body", .required))
        }
        subject = try Self.line(input.subject, field: fieldPrefix + "subject", max: 998)
        from = try Self.line(input.from, field: fieldPrefix + "from", max: 2000)
        to = try Self.line(input.to, field: fieldPrefix + "to", max: 10_000)
        cc = try Self.line(input.cc, field: fieldPrefix + "cc", max: 10_000)
        bcc = try Self.line(input.bcc, field: fieldPrefix + "bcc", max: 10_000)
        send = input.send ?? false
        attachmentIDs = input.attachmentIds ?? []
        if send, !isAgent || principal.isSystem { throw .invalid(FieldIssue(field: fieldPrefix + "send", .notAllowed)) }
        if send, channel != .email { throw .invalid(FieldIssue(field: fieldPrefix + "channel", .invalidChoice, detail: "Mail is sent with channel email.")) }
        if !send, bcc != nil || !attachmentIDs.isEmpty {
            throw .invalid(FieldIssue(
                field: fieldPrefix + (bcc != nil ? "bcc" : "attachmentIds"), .notAllowed, detail: "Only for an article that is sent (send: true)."
            ))
        }
        guard attachmentIDs.count <= Self.maxAttachments else {
            throw .invalid(FieldIssue(field: fieldPrefix + "attachmentIds", .tooMany(max: 100)))
        }
        messageID = try Self.line(input.messageId, field: fieldPrefix + "messageId", max: 998)
        inReplyTo = try Self.line(input.inReplyTo, field: fieldPrefix + "inReplyTo", max: 998)
        references = try Self.line(input.references, field: fieldPrefix + "references", max: 20_000)
        if !isAgent, input.timeMinutes != nil {
            throw .invalid(FieldIssue(field: fieldPrefix + "timeMinutes", .notAllowed))
        }
        if let minutes = input.timeMinutes, !(0...24 * 60).contains(minutes) {
            throw .invalid(FieldIssue(field: fieldPrefix + "timeMinutes", .outOfRange(min: "0", max: "1440")))
        }
        timeMinutes = input.timeMinutes
        fieldInputs = input.fields ?? [:]
        self.fieldPrefix = fieldPrefix
        let attachments = input.attachments ?? []
        guard attachments.count <= Self.maxAttachments else { throw .invalid(FieldIssue(field: fieldPrefix + "attachments", .tooMany(max: 100))) }
        files = try attachments.enumerated().map { index, attachment throws(DomainError) in
            let field = fieldPrefix + "attachments[\(index)]"
            guard let data = Data(base64Encoded: attachment.contentBase64, options: .ignoreUnknownCharacters) else {
                throw .invalid(FieldIssue(field: field + ".contentBase64", .invalidFormat, detail: "Not valid base64."))
            }
            guard data.count <= maxAttachmentBytes else {
                throw .tooLarge("Attachment '\(attachment.filename.prefix(100))' is larger than \(maxAttachmentBytes / 1_048_576) MB.")
            }
            return File(
                filename: try Self.filename(attachment.filename, field: field + ".filename"),
                contentType: try Self.contentType(attachment.contentType, field: field + ".contentType"),
                content: [UInt8](data), contentID: try Self.line(attachment.contentId, field: field + ".contentId", max: 998)
            )
        }
    }

    /// A single-line header-like value: no line breaks or control characters, bounded length; empty becomes nil.
    static func line(_ value: String?, field: String, max: Int) throws(DomainError) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= max else { throw .invalid(FieldIssue(field: field, .tooLong(max: max))) }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalid(FieldIssue(field: field, .singleLine))
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A file name without directories or control characters.
    static func filename(_ value: String, field: String) throws(DomainError) -> String {
        let base = value.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        guard let name = try line(base, field: field, max: 255), name != ".", name != ".." else {
            throw .invalid(FieldIssue(field: field, .required))
        }
        return name
    }

    static func contentType(_ value: String?, field: String) throws(DomainError) -> String {
        guard let value = try line(value, field: field, max: 255) else { return "application/octet-stream" }
        let parts = value.split(separator: "/")
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else {
            throw .invalid(FieldIssue(field: field, .invalidFormat, detail: "Not a media type such as application/pdf."))
        }
        return value.lowercased()
    }
}
