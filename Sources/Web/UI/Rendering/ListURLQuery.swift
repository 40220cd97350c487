import Foundation

/// The URL parameters of a list page in a fixed order, encoded so that `+` and `&` in values survive the
/// round trip; links to other pages, sort orders and filters of the same list apply changes to it.
struct ListURLQuery {
    private var items: [(name: String, value: String)]

    init(_ items: [(String, String)]) {
        self.items = items.map { (name: $0.0, value: $0.1) }
    }

    /// The query with each named parameter replaced by the given value, or removed when the value is `nil`.
    func applying(_ changes: [String: String?]) -> ListURLQuery {
        var query = self
        for (name, value) in changes {
            query.items.removeAll { $0.name == name }
            if let value { query.items.append((name: name, value: value)) }
        }
        return query
    }

    /// `name=value&…`, percent-encoded.
    var encoded: String {
        items.map { "\($0.name)=\(Self.encode($0.value))" }.joined(separator: "&")
    }

    /// Percent-encodes everything but unreserved characters.
    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )
}
