import SQLKit

/// The per-ticket full-text documents, written in the same transaction as the change they reflect.
///
/// Every ticket has two: the full document agents search, and the customer document with only what customers
/// may see (customer-visible articles and their attachments, customer-visible fields), which customers search,
/// so that no search tells them what an internal note says. In each, the head (number, title, field texts)
/// ranks above the body (article subjects, addresses, texts, attachment names). Bodies only grow, so a new
/// article appends to them.
public struct SearchIndex: Sendable {
    let db: any SQLDatabase
    let dialect: Dialect

    public init(_ db: any SQLDatabase, dialect: Dialect) {
        self.db = db
        self.dialect = dialect
    }

    /// Writes both documents of a ticket, replacing any previous ones. `isNew` says the ticket has none yet
    /// (it was created in this transaction), which saves looking for old ones.
    public func index(ticketID: Int64, head: String, body: String, customerHead: String, customerBody: String, isNew: Bool = false) async throws {
        var held = HeldWrite()
        try await index(ticketID: ticketID, head: head, body: body, customerHead: customerHead, customerBody: customerBody, isNew: isNew, holding: &held)
        try await held.send(on: db)
    }

    /// `index(…)`, whose PostgreSQL statement `held` keeps for the use case's last statement (see `HeldWrite`).
    public func index(
        ticketID: Int64, head: String, body: String, customerHead: String, customerBody: String, isNew: Bool = false, holding held: inout HeldWrite
    ) async throws {
        switch dialect {
        case .sqlite:
            for (table, head, body) in [("ticket_fts", head, body), ("ticket_customer_fts", customerHead, customerBody)] {
                if !isNew {
                    try await writeFullText("DELETE FROM \(ident: table) WHERE rowid = \(bind: ticketID)", ticketID: ticketID)
                }
                try await writeFullText("INSERT INTO \(ident: table) (rowid, head, body) VALUES (\(bind: ticketID), \(bind: head), \(bind: body))", ticketID: ticketID)
            }
        case .postgres:
            // The customer document mostly has the same head and body (a customer-visible article): split the text
            // once, and let PostgreSQL make that document once for both columns.
            let document = Self.vector(head: head, body: body)
            let customerDocument: SQLQueryString = customerHead == head && customerBody == body
                ? "d.document" : Self.vector(head: customerHead, body: customerBody)
            try await held.hold("""
                INSERT INTO ticket_search (ticket_id, document, customer_document)
                SELECT \(bind: ticketID), d.document, \(customerDocument) FROM (SELECT \(document) AS document) AS d
                ON CONFLICT (ticket_id) DO UPDATE SET document = excluded.document, customer_document = excluded.customer_document
                """, on: db)
        }
    }

    /// Appends text (a new article) to a ticket's full body, and to its customer body when customers see the article.
    public func append(ticketID: Int64, body: String, customerVisible: Bool) async throws {
        var held = HeldWrite()
        try await append(ticketID: ticketID, body: body, customerVisible: customerVisible, holding: &held)
        try await held.send(on: db)
    }

    /// `append(…)`, whose PostgreSQL statement `held` keeps the statement for the use case's last statement (see `HeldWrite`).
    public func append(ticketID: Int64, body: String, customerVisible: Bool, holding held: inout HeldWrite) async throws {
        switch dialect {
        case .sqlite:
            for table in customerVisible ? ["ticket_fts", "ticket_customer_fts"] : ["ticket_fts"] {
                try await writeFullText("UPDATE \(ident: table) SET body = body || ' ' || \(bind: body) WHERE rowid = \(bind: ticketID)", ticketID: ticketID)
            }
        case .postgres:
            let words = Self.words(body)
            let customer: SQLQueryString = customerVisible ? ", customer_document = customer_document || a.words" : ""
            try await held.hold("""
                UPDATE ticket_search SET document = document || a.words\(customer)
                FROM (SELECT to_tsvector('german', \(bind: words)) || to_tsvector('english', \(bind: words)) AS words) AS a
                WHERE ticket_id = \(bind: ticketID)
                """, on: db)
        }
    }

    /// Drops a ticket's documents.
    public func remove(ticketID: Int64) async throws {
        switch dialect {
        case .sqlite:
            try await writeFullText("DELETE FROM ticket_fts WHERE rowid = \(bind: ticketID)", ticketID: ticketID)
            try await writeFullText("DELETE FROM ticket_customer_fts WHERE rowid = \(bind: ticketID)", ticketID: ticketID)
        case .postgres:
            try await db.raw("DELETE FROM ticket_search WHERE ticket_id = \(bind: ticketID)").run()
        }
    }

    /// Runs a write to an SQLite FTS5 table; inside a write transaction it waits for the commit
    /// (`SQLiteDirectDatabase.runAtCommit`), so the transaction does not see it in a search of its own.
    private func writeFullText(_ query: SQLQueryString, ticketID: Int64) async throws {
        if let sqlite = db as? SQLiteDirectDatabase, sqlite.connection.isInTransaction {
            try sqlite.runAtCommit(query, writing: ticketID)
        } else {
            try await db.raw(query).run()
        }
    }

    /// The text with every character that is neither letter nor digit replaced by a space, as the query
    /// language splits search words. PostgreSQL's parser would otherwise keep `anna.schmidt@stadt.example`
    /// or `antrag-2026.pdf` as single tokens that no search word matches (FTS5 splits them by itself).
    public static func words(_ text: String) -> String {
        // ASCII text (serial numbers, addresses, most names) needs neither normalisation nor Unicode properties.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { byte in isASCIIWordByte(byte) ? byte : UInt8(ascii: " ") }, as: UTF8.self)
        }
        // Text below U+0300 (Latin-1 and Latin Extended: German, French, Polish, Czech …) is in composed form already:
        // no character there decomposes or combines with another, so only other text needs normalising.
        let composed = text.unicodeScalars.allSatisfy { $0.value < 0x300 } ? text : text.precomposedStringWithCanonicalMapping
        var bytes: [UInt8] = []
        bytes.reserveCapacity(composed.utf8.count)
        for scalar in composed.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                bytes.append(isASCIIWordByte(byte) ? byte : UInt8(ascii: " "))
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                UTF8.encode(scalar) { bytes.append($0) }
            } else {
                bytes.append(UInt8(ascii: " "))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: false
        }
    }

    /// A PostgreSQL document: the head at weight A, both in German and English stemming.
    static func vector(head: String, body: String) -> SQLQueryString {
        let head = words(head), body = words(body)
        return """
            setweight(to_tsvector('german', \(bind: head)), 'A') || setweight(to_tsvector('english', \(bind: head)), 'A')
                || to_tsvector('german', \(bind: body)) || to_tsvector('english', \(bind: body))
            """
    }
}
