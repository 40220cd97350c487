import Foundation
import SQLKit

extension SQLRow {
    func int64(_ column: String) throws -> Int64 { try decode(column: column, as: Int64.self) }
    func int64OrNil(_ column: String) throws -> Int64? { try decode(column: column, as: Int64?.self) }
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func stringOrNil(_ column: String) throws -> String? { try decode(column: column, as: String?.self) }
    func bool(_ column: String) throws -> Bool { try decode(column: column, as: Bool.self) }
    func double(_ column: String) throws -> Double? { try decode(column: column, as: Double?.self) }
    func date(_ column: String) throws -> Date { Date(millis: try int64(column)) }
    func dateOrNil(_ column: String) throws -> Date? { try int64OrNil(column).map(Date.init(millis:)) }

    /// Decodes a column holding a raw-value enum, failing loudly on unknown values.
    func enumeration<E: RawRepresentable>(_ column: String, as type: E.Type = E.self) throws -> E where E.RawValue == String {
        let raw = try string(column)
        guard let value = E(rawValue: raw) else { throw StoreError.corrupt("\(column) = \(raw)") }
        return value
    }

    /// Decodes a column holding a JSON array of strings.
    func stringArray(_ column: String) throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(try string(column).utf8))
    }
}

/// Data in the database that the code cannot interpret.
public enum StoreError: Error, CustomStringConvertible {
    case corrupt(String)
    /// The database was closed; nothing more can be read or written through it.
    case closed
    public var description: String {
        switch self {
        case .corrupt(let what): "Unexpected stored value: \(what)"
        case .closed: "The database is closed."
        }
    }
}

/// Encodes a string array for a JSON text column.
func jsonArray(_ values: [String]) -> String {
    String(decoding: (try? JSONEncoder().encode(values)) ?? Data("[]".utf8), as: UTF8.self)
}
