import Domain
import Foundation
import Mail

extension ArticleDraft {
    /// The article recording an automatic mail of the system (an automatic answer, a portal notice): customer-visible,
    /// channel email, with the composed message's addresses and Message-IDs so that replies thread to it.
    init(automatic mail: OutgoingMail, composed: ComposedMail) throws(DomainError) {
        var input = NewArticle(subject: mail.subject, body: mail.text, customerVisible: true)
        input.channel = .email
        try self.init(input: input, principal: .system, maxAttachmentBytes: 0, fieldPrefix: "")
        from = mail.from.description
        to = mail.to.map(\.description).joined(separator: ", ")
        messageID = composed.messageID
        inReplyTo = mail.inReplyTo.first
        references = mail.references.isEmpty ? nil : mail.references.joined(separator: " ")
    }
}

extension OutgoingMail {
    /// Threads the mail to a stored article: In-Reply-To its Message-ID, References its chain plus that id (at
    /// most 20, keeping the first).
    mutating func thread(after article: Article?) {
        guard let article, let id = article.messageID else { return }
        inReplyTo = [id]
        let chain = (article.references ?? "").split(whereSeparator: \.isWhitespace).map(String.init).filter { $0 != id } + [id]
        references = chain.count > 20 ? [chain[0]] + chain.suffix(19) : chain
    }
}
