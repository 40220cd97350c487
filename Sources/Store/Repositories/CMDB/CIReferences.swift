import Domain
import SQLKit

/// Whether the records that reference attributes and item fields point to exist.
public struct CIReferences: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Whether a record of the attribute's reference type has `id` (for item references limited to a class: an item
    /// of class `classID`).
    public func exists(_ type: CIAttributeType, id: Int64, classID: Int64? = nil) async throws -> Bool {
        let table: String
        switch type {
        case .contactReference: table = "contacts"
        case .organisationReference: table = "organisations"
        case .userReference: table = "users"
        case .itemReference:
            if let classID {
                return try await db.raw("SELECT 1 AS found FROM cmdb_items WHERE id = \(bind: id) AND class_id = \(bind: classID)").first() != nil
            }
            table = "cmdb_items"
        default: return true
        }
        return try await db.raw("SELECT 1 AS found FROM \(ident: table) WHERE id = \(bind: id)").first() != nil
    }
}
