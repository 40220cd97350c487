import Domain
import Store

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

    /// `record` with the current version of its row `id`; nil when either is missing.
    static func current(_ record: Record?, in versions: RowVersions, id: Int64) async throws -> Versioned? {
        guard let record, let version = try await versions.current(id) else { return nil }
        return Versioned(record, version: version)
    }

    /// Counts the version of row `id` up inside the caller's transaction. When the row is no longer at `expected`, the
    /// save is refused as stale (`DomainError.stale`, the REST API's 412), so the transaction changes nothing.
    static func advance(_ versions: RowVersions, _ id: Int64, from expected: Int64?, kind: String) async throws -> Int64 {
        guard let version = try await versions.advance(id, from: expected) else {
            throw DomainError.stale(staleMessage(kind, id, current: try await versions.current(id), sent: expected))
        }
        return version
    }

    /// The English explanation of a refused stale update of `kind` entry `id`.
    static func staleMessage(_ kind: String, _ id: Int64, current: Int64?, sent: Int64?) -> String {
        "The \(kind) entry \(id) was changed meanwhile (version \(current.map(String.init) ?? "?"), you sent \(sent.map(String.init) ?? "none")); load it again."
    }
}
