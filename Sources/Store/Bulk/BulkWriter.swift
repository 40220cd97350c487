import Domain
import Foundation
import SQLKit

/// Multi-row `INSERT`s for the bulk seeder, inside the caller's transaction.
struct BulkWriter {
    let db: any SQLDatabase
    let dialect: Dialect

    /// Rows per statement: well below PostgreSQL's 65,535 parameters for the widest table.
    static let rowsPerStatement = 1_000

    /// Writes tickets, their articles, their history and their search documents.
    func write(_ batch: [BulkTicket]) async throws {
        for chunk in batch.chunked(Self.rowsPerStatement) {
            let rows = try chunk.map { item -> SQLQueryString in
                let t = item.ticket
                return """
                    (\(bind: t.id), \(bind: t.number), \(bind: t.title), \(bind: t.queueID), \(bind: t.stateID), \(bind: t.priorityID),
                    \(bind: t.typeID), \(bind: t.serviceID), \(bind: t.ownerID), \(bind: t.responsibleID), \(bind: t.contactID),
                    \(bind: t.organisationID), \(bind: t.pendingUntil?.millis), \(bind: t.mergedIntoID), \(bind: t.createdAt.millis),
                    \(bind: t.changedAt.millis), \(bind: t.createdBy), \(bind: t.version),
                    \(bind: item.slaClocks.map(SLAColumns.encode)), \(binds: SLAColumns.values(t.sla).map(\.1)))
                    """
            }
            try await db.raw("""
                INSERT INTO tickets (id, number, title, queue_id, state_id, priority_id, type_id, service_id, owner_id, responsible_id,
                    contact_id, organisation_id, pending_until, merged_into_id, created_at, changed_at, created_by, version,
                    sla_clocks, \(idents: SLAColumns.values(.none).map(\.0), joinedBy: ", "))
                VALUES \(rows.joined(separator: ", "))
                """).run()
        }

        let articles = batch.flatMap(\.articles)
        for chunk in articles.chunked(Self.rowsPerStatement) {
            let rows = chunk.map { a -> SQLQueryString in
                """
                (\(bind: a.id), \(bind: a.ticketID), \(bind: a.channel.rawValue), \(bind: a.sender.rawValue), \(bind: a.customerVisible),
                \(bind: a.from), \(bind: a.to), \(bind: a.cc), \(bind: a.subject), \(bind: a.bodyText), \(bind: a.bodyHTML),
                \(bind: a.messageID), \(bind: a.inReplyTo), \(bind: a.references), \(bind: a.createdAt.millis), \(bind: a.createdBy))
                """
            }
            try await db.raw("""
                INSERT INTO articles (id, ticket_id, channel, sender, customer_visible, from_address, to_address, cc_address, subject,
                    body_text, body_html, message_id, in_reply_to, refs, created_at, created_by)
                VALUES \(rows.joined(separator: ", "))
                """).run()
        }

        // The history the use cases write: "created" with the number, then one "article" entry per article.
        var history: [SQLQueryString] = []
        history.reserveCapacity(batch.count + articles.count)
        for item in batch {
            let t = item.ticket
            history.append("(\(bind: t.id), \(bind: t.createdBy), 'created', NULL, \(bind: t.number), \(bind: t.createdAt.millis))")
            for a in item.articles {
                let entry = "\(a.channel.rawValue)/\(a.customerVisible ? "public" : "internal") #\(a.id)"
                history.append("(\(bind: t.id), \(bind: a.createdBy), 'article', NULL, \(bind: entry), \(bind: a.createdAt.millis))")
            }
        }
        for chunk in history.chunked(Self.rowsPerStatement * 2) {
            try await db.raw("""
                INSERT INTO history (ticket_id, actor_id, field, old_value, new_value, created_at) VALUES \(chunk.joined(separator: ", "))
                """).run()
        }

        try await writeSearchDocuments(batch)
    }

    /// The two search documents per ticket, as `SearchIndex.index` and `.append` leave them after creation and
    /// every article: the head is number and title, the full body each article's subject, addresses and text,
    /// the customer body the same of the customer-visible articles only.
    private func writeSearchDocuments(_ batch: [BulkTicket]) async throws {
        for chunk in batch.chunked(Self.rowsPerStatement) {
            var fullRows: [SQLQueryString] = []
            var customerRows: [SQLQueryString] = []
            for item in chunk {
                let id = item.ticket.id
                let head = item.ticket.number + " " + item.ticket.title
                var body = ""
                var customerBody = ""
                for a in item.articles {
                    let text = " " + [a.subject, a.from, a.to, a.cc, a.bodyText].compactMap { $0 }.joined(separator: " ")
                    body += text
                    if a.customerVisible { customerBody += text }
                }
                switch dialect {
                case .sqlite:
                    fullRows.append("(\(bind: id), \(bind: head), \(bind: body))")
                    customerRows.append("(\(bind: id), \(bind: head), \(bind: customerBody))")
                case .postgres:
                    // PostgreSQL gets the texts split into words as `SearchIndex` hands them over.
                    let head = SearchIndex.words(head)
                    fullRows.append("""
                        (\(bind: id)::bigint, \(bind: head)::text, \(bind: SearchIndex.words(body))::text, \(bind: SearchIndex.words(customerBody))::text)
                        """)
                }
            }
            switch dialect {
            case .sqlite:
                try await db.raw("INSERT INTO ticket_fts (rowid, head, body) VALUES \(fullRows.joined(separator: ", "))").run()
                try await db.raw("INSERT INTO ticket_customer_fts (rowid, head, body) VALUES \(customerRows.joined(separator: ", "))").run()
            case .postgres:
                try await db.raw("""
                    INSERT INTO ticket_search (ticket_id, document, customer_document)
                    SELECT v.id,
                        setweight(to_tsvector('german', v.head), 'A') || setweight(to_tsvector('english', v.head), 'A')
                            || to_tsvector('german', v.body) || to_tsvector('english', v.body),
                        setweight(to_tsvector('german', v.head), 'A') || setweight(to_tsvector('english', v.head), 'A')
                            || to_tsvector('german', v.customer_body) || to_tsvector('english', v.customer_body)
                    FROM (VALUES \(fullRows.joined(separator: ", "))) AS v (id, head, body, customer_body)
                    """).run()
            }
        }
    }

    /// Contacts with their (single) mail address.
    func write(contacts: [SeedPopulation.Contact], at date: Date) async throws {
        for chunk in contacts.chunked(Self.rowsPerStatement) {
            let rows = chunk.map { c -> SQLQueryString in
                "(\(bind: c.id), \(bind: c.person.firstName), \(bind: c.person.lastName), '[]', \(bind: c.organisationID), \(bind: true), \(bind: date.millis))"
            }
            try await db.raw("""
                INSERT INTO contacts (id, first_name, last_name, phones, organisation_id, is_active, created_at) VALUES \(rows.joined(separator: ", "))
                """).run()
            let emails = chunk.map { c -> SQLQueryString in "(\(bind: c.id), \(bind: c.email), 0)" }
            try await db.raw("INSERT INTO contact_emails (contact_id, email, position) VALUES \(emails.joined(separator: ", "))").run()
        }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
