/// One page of a list ordered by id, and the cursor of the next page (nil on the last page).
public struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    public var items: [Item]
    public var next: String?

    /// Builds a page from up to `limit + 1` fetched items: the extra one only says that more follow.
    init(fetched: [Item], limit: Int, cursor: (Item) -> Int64) {
        items = Array(fetched.prefix(limit))
        next = fetched.count > limit ? items.last.map { String(cursor($0)) } : nil
    }
}
