import Domain
import Foundation
import HummingbirdTesting
import Mail
import Services
import Store
import Workers

/// Builds outbox delivery jobs on a test system's database, as separate nodes would run them.
extension TestSystem {
    /// A delivery job named `owner` sending to `settings`; `later` shifts its clock (a node running after a lease ran out).
    func deliveryJob(_ settings: SMTPSettings, owner: String, later: TimeInterval = 0, policy: OutboxPolicy = .init(firstBackoff: 0)) throws -> OutboxDeliveryJob {
        OutboxDeliveryJob(delivery: outboxDelivery(later: later, policy: policy), client: try SMTPClient(settings: settings), owner: owner)
    }

    func outboxDelivery(later: TimeInterval = 0, policy: OutboxPolicy = .init(firstBackoff: 0)) -> OutboxDelivery {
        let base = services.context
        let context = ServiceContext(database: base.database, logger: base.logger, configuration: base.configuration,
                                     now: { Date().addingTimeInterval(later) })
        return OutboxDelivery(context: context, tickets: TicketService(context: context, masterData: MasterDataCache()), policy: policy)
    }

    /// The outbox messages of a ticket, as agents see them.
    func outbox(ofTicket id: Int64) async throws -> [OutboxEntry] {
        try await outboxDelivery().messages(ofTicket: id, for: .system)
    }

    /// A ticket opened by a customer's mail to the Servicedesk queue, whose system address is set; returns its id and number.
    func mailTicket(_ client: any TestClientProtocol, from customer: String, messageID: String) async throws -> (id: Int64, number: String) {
        let queues = try await client.call(.get, "/api/v1/queues", token: adminToken)
        let servicedesk = try queues.items.first { $0.string("name") == "Servicedesk" }?.int("id") ?? { throw TestSetupError.unexpected("queue") }()
        _ = try await client.call(.patch, "/api/v1/queues/\(servicedesk)", token: adminToken, json: ["systemAddress": "servicedesk@stadt.example"])
        let raw = Array("""
            From: Erika Muster <\(customer)>\r
            To: servicedesk@stadt.example\r
            Subject: Drucker im Bürgerbüro\r
            Message-ID: <\(messageID)>\r
            Date: Fri, 27 Nov 2026 09:15:00 +0100\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 8bit\r
            \r
            Der Drucker druckt nicht.\r

            """.utf8)
        let filed = try await client.call(.post, "/api/v1/mail/inbound", token: adminToken, raw: raw)
        guard let id = filed.object.int("ticketId"), let number = filed.object.string("number") else { throw TestSetupError.unexpected("mail ticket") }
        return (id, number)
    }
}
