import Foundation

/// Reads CSV files as spreadsheet programs write them: comma, semicolon or tab separated (whichever the header
/// line uses most), fields optionally quoted (`""` for a quote, line breaks allowed inside quotes), CRLF or LF,
/// in UTF-8 (with or without byte-order mark) or, failing that, Windows-1252 as Excel exports it in Germany.
public struct CSVReader: Sendable {
    /// The longest record accepted, in bytes of text.
    public static let maximumRecordBytes = 10 * 1024 * 1024

    /// What makes a file unreadable as a whole.
    public enum Failure: Error, Equatable, Sendable {
        /// Record `line` (1-based line where it starts) is longer than `maximumRecordBytes`.
        case recordTooLong(line: Int)
        /// A quoted field starting on `line` never ends.
        case unterminatedQuote(line: Int)
        /// The record starting on `line` holds a NUL character (the file is not text).
        case nul(line: Int)
        /// The file holds no header line.
        case empty

        public var message: String {
            switch self {
            case .recordTooLong(let line): "The record starting on line \(line) is longer than \(CSVReader.maximumRecordBytes / 1_048_576) MB."
            case .unterminatedQuote(let line): "The quoted field starting on line \(line) is never closed."
            case .nul(let line): "The record starting on line \(line) holds a NUL character; the file is not text."
            case .empty: "The file has no header line."
            }
        }
    }

    /// One record with the line it starts on.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    /// The file's text: UTF-8 when the bytes are valid UTF-8 (a leading byte-order mark dropped), else Windows-1252.
    public static func decode(_ data: Data) -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(data: bytes, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The header and the records of `text`; blank lines are skipped.
    public static func parse(_ text: String) throws(Failure) -> (header: [String], records: [Record]) {
        let separator = Self.separator(of: text)
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var recordBytes = 0
        var inQuotes = false
        var wasQuoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?

        func endField() {
            fields.append(wasQuoted ? String(field) : String(field).trimmingCharacters(in: .whitespaces))
            field = .init()
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            recordBytes = 0
        }
        while let scalar = pending ?? scalars.next() {
            pending = nil
            recordBytes += scalar.utf8.count
            if recordBytes > maximumRecordBytes { throw .recordTooLong(line: recordLine) }
            if scalar == "\u{0}" { throw .nul(line: recordLine) }
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where String(field).allSatisfy(\.isWhitespace):
                field = .init()
                inQuotes = true
                wasQuoted = true
            case separator:
                endField()
            case "\r":
                break
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(scalar)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let header = records.first else { throw .empty }
        return (header.fields, Array(records.dropFirst()))
    }

    /// The separator the first line uses most: `;`, `,` or tab.
    private static func separator(of text: String) -> Unicode.Scalar {
        let firstLine = text.prefix { $0 != "\n" }
        let counts: [(Unicode.Scalar, Int)] = [(";", 0), (",", 0), ("\t", 0)].map { candidate, _ in
            (candidate, firstLine.unicodeScalars.filter { $0 == candidate }.count)
        }
        return counts.max { $0.1 < $1.1 }.map { $0.1 > 0 ? $0.0 : "," } ?? ","
    }
}
