import Domain
import SQLKit

extension ConfigItemRepository {
    /// How many items each class holds, by class id; classes without items are left out. Reads the
    /// `(class_id, id)` index only.
    public func countsByClass() async throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try await db.raw("SELECT class_id, COUNT(*) AS items FROM cmdb_items GROUP BY class_id").all() {
            counts[try row.int64("class_id")] = Int(try row.int64("items"))
        }
        return counts
    }
}
