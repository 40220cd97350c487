import Domain
import Foundation
import Mail

extension OutboxMessage {
    /// A composed message queued for delivery now. `envelopeSender` "" is the null reverse path (RFC 3834:
    /// automatic mail, so that nothing answers it back).
    init(_ composed: ComposedMail, ticketID: Int64?, articleID: Int64?, envelopeSender: String, at now: Date) {
        self.init(
            ticketID: ticketID, articleID: articleID, messageID: composed.messageID, envelopeSender: envelopeSender,
            envelopeRecipients: composed.envelopeRecipients, content: composed.bytes, nextAttemptAt: now, createdAt: now
        )
    }
}
