import Domain
import Foundation
import Mail

extension ArticleDraft {
    /// The article for an inbound mail: text (or text derived from HTML), sanitised HTML, addresses, Message-IDs,
    /// attachments and inline images, and the raw message itself as `original.eml`, so nothing is ever lost.
    /// Values too long for an article are cut, never refused: a mail is accepted as it came.
    init(mail: MailMessage, sender: ArticleSender, customerVisible: Bool) {
        channel = .email
        self.sender = sender
        self.customerVisible = customerVisible
        subject = mail.subject.map { Self.cut($0, to: 998) }
        bodyHTML = mail.htmlBody.map(HTMLSanitizer.sanitize)
        let text = mail.textBody ?? mail.htmlBody.map(HTMLText.plainText(fromHTML:)) ?? ""
        bodyText = Self.cut(text, to: Self.maxBodyCharacters)
        from = Self.addresses(mail.from, max: 2000)
        to = Self.addresses(mail.to, max: 10_000)
        cc = Self.addresses(mail.cc, max: 10_000)
        bcc = nil
        send = false
        attachmentIDs = []
        messageID = mail.messageID.map { Self.cut($0, to: 998) }
        inReplyTo = mail.inReplyTo.first.map { Self.cut($0, to: 998) }
        references = mail.references.isEmpty ? nil : Self.cut(mail.references.joined(separator: " "), to: 20_000)
        timeMinutes = nil
        fieldInputs = [:]
        fieldPrefix = ""
        let parts = mail.attachments.prefix(Self.maxAttachments - 1).map { attachment in
            File(filename: Self.cut(attachment.suggestedFilename, to: 255), contentType: attachment.contentType.mimeType,
                 content: attachment.bytes, contentID: attachment.contentID.map { Self.cut($0, to: 998) })
        }
        files = parts + [File(filename: "original.eml", contentType: "message/rfc822", content: mail.raw, contentID: nil)]
    }

    private static func addresses(_ list: [Mail.MailAddress], max: Int) -> String? {
        list.isEmpty ? nil : cut(list.map(\.description).joined(separator: ", "), to: max)
    }

    private static func cut(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length))
    }
}
