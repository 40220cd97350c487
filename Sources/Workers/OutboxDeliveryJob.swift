import Domain
import Foundation
import Mail
import Services
import Synchronization

/// Sends the outbox's due messages through SMTP, one connection per message, on any number of nodes at once.
///
/// Each run leases a batch (`OutboxDelivery.claim`), sends each message, and records the outcome. Just before the
/// final line of a message the job marks it as committing under its lease; if the lease has passed to another
/// node meanwhile, it drops the connection instead, so the server discards the message. After that mark the
/// message is never sent again, whatever happens to this process (docs/mail.md, "Delivery guarantee").
public struct OutboxDeliveryJob: BackgroundJob {
    public let name = "mail-outbox"
    public let idleInterval: Duration
    let delivery: OutboxDelivery
    let client: SMTPClient
    /// This node's name in leases: host, process and a random suffix, unique per running process.
    let owner: String
    let batchSize: Int

    public init(delivery: OutboxDelivery, client: SMTPClient, owner: String = Self.nodeName(),
                idleInterval: Duration = .seconds(5), batchSize: Int = 10) {
        self.delivery = delivery
        self.client = client
        self.owner = owner
        self.idleInterval = idleInterval
        self.batchSize = batchSize
    }

    /// A lease owner name for this process: host name, process id and a random suffix.
    public static func nodeName() -> String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))"
    }

    public func runOnce() async throws -> BackgroundJobOutcome {
        let messages = try await delivery.claim(owner: owner, limit: batchSize)
        for message in messages { try await deliver(message) }
        return messages.count == batchSize ? .moreWork : .idle
    }

    /// Thrown from the commit hook when this node no longer holds the message's lease.
    private struct LeaseLost: Error {}

    private func deliver(_ message: OutboxMessage) async throws {
        let envelope = SMTPEnvelope(sender: message.envelopeSender, recipients: message.envelopeRecipients, message: message.content)
        let delivery = self.delivery
        let owner = self.owner
        let id = message.id
        let committed = Mutex(false)
        do {
            let result = try await client.send(envelope) {
                guard try await delivery.markCommitting(id, owner: owner) else { throw LeaseLost() }
                committed.withLock { $0 = true }
            }
            var reply = result.reply.description
            if !result.rejectedRecipients.isEmpty {
                reply += "; refused: " + result.rejectedRecipients.sorted { $0.key < $1.key }
                    .map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            }
            try await delivery.recordSent(id, owner: owner, reply: reply)
        } catch is LeaseLost {
            return
        } catch let error as SMTPError {
            // Once the final line is out, only the server's explicit refusal of it is certain.
            let refusedAtEnd = if case .rejected(command: "end of data", _) = error { true } else { false }
            let uncertain = committed.withLock { $0 } && !refusedAtEnd
            try await delivery.recordFailure(message, owner: owner, error: error.description, permanent: error.isPermanent, uncertain: uncertain)
        }
    }
}
