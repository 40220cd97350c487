import Domain
import Foundation
import SQLKit

/// Queue mail texts and the daily counts of automatic answers per address.
public struct QueueMailTextRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func texts(ofQueue queueID: Int64) async throws -> [QueueMailText] {
        try await db.raw("SELECT * FROM queue_mail_texts WHERE queue_id = \(bind: queueID) ORDER BY kind, language").all().map { row in
            QueueMailText(kind: try row.enumeration("kind"), language: try row.string("language"),
                          subject: try row.stringOrNil("subject"), body: try row.string("body"))
        }
    }

    /// Replaces all texts of the queue.
    public func replace(ofQueue queueID: Int64, with texts: [QueueMailText]) async throws {
        try await db.raw("DELETE FROM queue_mail_texts WHERE queue_id = \(bind: queueID)").run()
        for text in texts {
            try await db.raw("""
                INSERT INTO queue_mail_texts (queue_id, kind, language, subject, body)
                VALUES (\(bind: queueID), \(bind: text.kind.rawValue), \(bind: text.language), \(bind: text.subject), \(bind: text.body))
                """).run()
        }
    }

    /// How many automatic answers went to `address` on `day`.
    public func autoResponses(to address: String, on day: String) async throws -> Int {
        Int(try await db.raw("SELECT count FROM auto_response_counts WHERE address = \(bind: address) AND day = \(bind: day)")
            .first()?.int64("count") ?? 0)
    }

    /// Counts one more automatic answer to `address` on `day`.
    public func countAutoResponse(to address: String, on day: String) async throws {
        try await db.raw("""
            INSERT INTO auto_response_counts (address, day, count) VALUES (\(bind: address), \(bind: day), 1)
            ON CONFLICT (address, day) DO UPDATE SET count = auto_response_counts.count + 1
            """).run()
    }
}
