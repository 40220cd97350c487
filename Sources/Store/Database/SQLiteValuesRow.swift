import SQLKit
import SQLiteKit
import SQLiteNIO

/// The result column names of a prepared statement, with a lookup by name (the first of equal names wins).
struct SQLiteColumnNames: Sendable {
    let names: [String]
    let indexes: [String: Int]

    init(_ names: [String]) {
        self.names = names
        indexes = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// One result row of `SQLiteDirectConnection`, read through SQLKit's `SQLRow` like sqlite-kit's rows.
struct SQLiteValuesRow: SQLRow {
    let columns: SQLiteColumnNames
    let values: [SQLiteData]

    private static let decoder = SQLiteDataDecoder()

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.indexes[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let index = columns.indexes[column] else { return true }
        return values[index] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let index = columns.indexes[column] else {
            throw DecodingError.keyNotFound(
                SQLiteColumnKey(column), .init(codingPath: [], debugDescription: "No column \(column) in the result.")
            )
        }
        return try Self.decoder.decode(D.self, from: values[index])
    }
}

/// A column name as a coding key, for errors.
private struct SQLiteColumnKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
