import Domain
import Foundation
import Hummingbird
import NIOCore
import Services

/// Reading JSON request bodies and writing JSON responses.
enum APIBody {
    /// The largest request body accepted (attachments arrive base64-encoded inside JSON).
    static let maxBytes = 32 * 1024 * 1024

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = InternetDateTime.parse(text) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected an RFC 3339 timestamp such as 2026-11-27T10:30:00Z.")
        }
        return decoder
    }()

    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(timestampStyle))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .custom { path in APIKey(apiName(path.last?.stringValue ?? "")) }
        return encoder
    }()

    /// Decodes domain types whose Swift names end in `ID`/`IDs` from the API's `Id`/`Ids` keys.
    static let domainDecoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = APIBody.decoder.dateDecodingStrategy
        decoder.keyDecodingStrategy = .custom { path in APIKey(swiftName(path.last?.stringValue ?? "")) }
        return decoder
    }()

    /// The API spells identifiers `queueId`, `roleIds`; Swift spells them `queueID`, `roleIDs`.
    static func apiName(_ key: String) -> String {
        if key.hasSuffix("IDs") { return key.dropLast(3) + "Ids" }
        if key.hasSuffix("ID") { return key.dropLast(2) + "Id" }
        return key
    }

    static func swiftName(_ key: String) -> String {
        if key.hasSuffix("Ids") { return key.dropLast(3) + "IDs" }
        if key.hasSuffix("Id") { return key.dropLast(2) + "ID" }
        return key
    }

    /// Decodes the JSON body as `T`; malformed, oversize or non-UTF-8 bodies become 4xx problems. Domain types
    /// (whose Swift keys end in `ID`) are read with `domainDecoder`.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, using decoder: JSONDecoder = decoder) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch {
            throw DomainError.tooLarge("The request body is larger than \(maxBytes / 1_048_576) MB.")
        }
        let data = Data(buffer: buffer)
        try checkSyntax(data)
        do {
            return try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw problem(error)
        } catch {
            throw DomainError.invalid(field: "body", "The request body is not JSON.")
        }
    }

    /// Refuses bodies that are not UTF-8 JSON text, or that hold NUL characters (which neither database stores).
    ///
    /// The decoder reads lazily and would let malformed parts of ignored values through, so the whole body is
    /// checked strictly first (`JSONSyntax`).
    static func checkSyntax(_ data: Data) throws(DomainError) {
        guard String(validating: data, as: UTF8.self) != nil, !data.contains(0) else {
            throw .invalid(field: "body", "The request body is not JSON in UTF-8.")
        }
        let findings: JSONSyntax.Findings
        do {
            findings = try JSONSyntax.check(data)
        } catch {
            throw .invalid(field: "body", "The request body is not JSON: \(error).")
        }
        guard findings.hasEscapedNUL else { return }
        // Rare enough to find the place the slow way, through the whole object graph.
        let value = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) ?? ""
        let field = pathOfNUL(in: value, at: "") ?? ""
        throw .invalid(field: field.isEmpty ? "body" : field, "Text must not contain NUL (U+0000) characters.")
    }

    /// The path (`article.attachments[0].filename`) of the first string or key holding U+0000.
    private static func pathOfNUL(in value: Any, at path: String) -> String? {
        switch value {
        case let text as String:
            return text.unicodeScalars.contains("\u{0}") ? path : nil
        case let array as [Any]:
            for (index, item) in array.enumerated() {
                if let found = pathOfNUL(in: item, at: path + "[\(index)]") { return found }
            }
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if key.unicodeScalars.contains("\u{0}") { return path }
                if let found = pathOfNUL(in: object[key] as Any, at: path.isEmpty ? key : path + "." + key) { return found }
            }
        default:
            break
        }
        return nil
    }

    /// A decoding failure as a 422 problem naming the field (in API spelling).
    static func problem(_ error: DecodingError) -> DomainError {
        let field = path(of: error)
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
            // Foundation reports a number that does not fit the expected type without saying where.
            return .invalid(field: field, "The JSON body does not fit: a number is not a whole number or is too large where a whole number is expected.")
        }
        return .invalid("The JSON body does not fit: \(describe(error))", issues: [FieldIssue(field: field, message: describe(error))])
    }

    /// The record as JSON with its version as the `ETag`.
    static func response<Record: Encodable & Sendable>(_ versioned: Versioned<Record>, status: HTTPResponse.Status = .ok) throws -> Response {
        try response(versioned.record, status: status, headers: [.eTag: TicketController.etag(versioned.version)])
    }

    /// A JSON response.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        let data = try encoder.encode(value)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A 204 response.
    static func noContent() -> Response { Response(status: .noContent) }

    private static func path(of error: DecodingError) -> String {
        let path: [any CodingKey] = switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): c.codingPath
        case .keyNotFound(let key, let c): c.codingPath + [key]
        @unknown default: []
        }
        // Array positions are `[1]`; dictionary keys that look like numbers stay keys (`queues.1`).
        let text = path.map { key in
            key.intValue.flatMap { key.stringValue == String($0) ? nil : "[\($0)]" } ?? apiName(key.stringValue)
        }.joined(separator: ".")
        return text.isEmpty ? "body" : text.replacingOccurrences(of: ".[", with: "[")
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, _): "expected \(type) at \(path(of: error))"
        case .valueNotFound(let type, _): "missing \(type) at \(path(of: error))"
        case .keyNotFound(let key, _): "missing '\(key.stringValue)'"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "malformed"
        }
    }
}

/// A coding key made from a string.
struct APIKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
