/// A record with the version its row had when read or written: the REST API's `ETag`, the admin forms' hidden
/// `version`, and what an update's `expectedVersion` (`If-Match`) is compared with.
public struct Versioned<Record: Sendable>: Sendable {
    public var record: Record
    public var version: Int64

    public init(_ record: Record, version: Int64) {
        self.record = record
        self.version = version
    }

    /// The version of a newly created row.
    public static var first: Int64 { 1 }

    /// The English explanation of a refused stale update of `kind` entry `id`.
    static func staleMessage(_ kind: String, _ id: Int64, current: Int64?, sent: Int64?) -> String {
        "The \(kind) entry \(id) was changed meanwhile (version \(current.map(String.init) ?? "?"), you sent \(sent.map(String.init) ?? "none")); load it again."
    }
}
