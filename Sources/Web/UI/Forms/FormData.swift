import Foundation
import MultipartKit
import NIOCore

/// The fields and files of a submitted HTML form (`application/x-www-form-urlencoded` or
/// `multipart/form-data`), in the order the browser sent them; a name may repeat (checkbox lists).
public struct FormData: Sendable {
    /// A file chosen in an `<input type=file>`.
    public struct File: Sendable {
        public var field: String
        public var filename: String
        public var contentType: String
        public var data: Data
    }

    public private(set) var fields: [(name: String, value: String)] = []
    public private(set) var files: [File] = []

    /// The first value of `name`, or nil when the form has none.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The first value of `name` with surrounding white space removed; nil when absent or blank.
    public func trimmed(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Every value of `name`.
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// The value of `name` as an identifier, or nil when absent or not a number.
    public func id(_ name: String) -> Int64? {
        trimmed(name).flatMap(Int64.init)
    }

    /// Every value of `name` that is an identifier.
    public func ids(_ name: String) -> [Int64] {
        values(name).compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Whether a checkbox named `name` was ticked.
    public func isChecked(_ name: String) -> Bool {
        guard let value = self[name] else { return false }
        return !["", "0", "false", "off"].contains(value)
    }

    init(fields: [(name: String, value: String)], files: [File] = []) {
        self.fields = fields
        self.files = files
    }

    /// Parses a body by its content type; text must be valid UTF-8.
    static func parse(_ body: ByteBuffer, contentType: String?) throws(FormDataError) -> FormData {
        let mediaType = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch mediaType {
        case "application/x-www-form-urlencoded", "":
            return try urlEncoded(body)
        case "multipart/form-data":
            guard let boundary = parameter("boundary", of: contentType ?? "") else { throw .malformed("The multipart form has no boundary.") }
            return try multipart(body, boundary: boundary)
        default:
            throw .malformed("Forms are sent as application/x-www-form-urlencoded or multipart/form-data.")
        }
    }

    private static func urlEncoded(_ body: ByteBuffer) throws(FormDataError) -> FormData {
        guard let text = String(validating: body.readableBytesView, as: UTF8.self) else { throw .malformed("The form is not valid UTF-8.") }
        var fields: [(String, String)] = []
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decodeComponent(parts[0]), let value = decodeComponent(parts.count > 1 ? parts[1] : "") else {
                throw .malformed("The form has a badly encoded field.")
            }
            fields.append((name, value))
        }
        return FormData(fields: fields)
    }

    private static func decodeComponent(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    private static func multipart(_ body: ByteBuffer, boundary: String) throws(FormDataError) -> FormData {
        let parser = MultipartParser(boundary: boundary)
        var parts: [(headers: [String: String], body: ByteBuffer)] = []
        var headers: [String: String] = [:]
        var content = ByteBuffer()
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in content.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append((headers, content))
            headers = [:]
            content = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw .malformed("The multipart form is malformed.")
        }
        var form = FormData(fields: [])
        for part in parts {
            let disposition = part.headers["content-disposition"] ?? ""
            guard let name = parameter("name", of: disposition) else { continue }
            if let filename = parameter("filename", of: disposition) {
                guard !filename.isEmpty, part.body.readableBytes > 0 else { continue }
                form.files.append(File(
                    field: name, filename: filename, contentType: part.headers["content-type"] ?? "application/octet-stream",
                    data: Data(part.body.readableBytesView)
                ))
            } else {
                guard let value = String(validating: part.body.readableBytesView, as: UTF8.self) else {
                    throw .malformed("The form field '\(name)' is not valid UTF-8.")
                }
                form.fields.append((name, value))
            }
        }
        return form
    }

    /// A `key=value` or `key="value"` parameter of a header such as Content-Type or Content-Disposition.
    private static func parameter(_ key: String, of header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let parts = piece.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}

/// A form body the server cannot read.
enum FormDataError: Error {
    case malformed(String)
}
