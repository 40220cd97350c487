import Domain
import Foundation
import Hummingbird
import NIOCore

/// Reading JSON request bodies and writing JSON responses.
enum APIBody {
    /// The largest request body accepted (attachments arrive base64-encoded inside JSON).
    static let maxBytes = 32 * 1024 * 1024

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
            if let date = try? Date(text, strategy: .iso8601) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected an RFC 3339 timestamp such as 2026-11-27T10:30:00Z.")
        }
        return decoder
    }()

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
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

    /// Decodes the JSON body as `T`; malformed, oversize or non-UTF-8 bodies become 4xx problems.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch {
            throw DomainError.tooLarge("The request body is larger than \(maxBytes / 1_048_576) MB.")
        }
        let data = Data(buffer: buffer)
        guard String(validating: data, as: UTF8.self) != nil else {
            throw DomainError.invalid(field: "body", "The request body is not valid UTF-8.")
        }
        do {
            return try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw DomainError.invalid("The JSON body does not fit: \(describe(error))", issues: [FieldIssue(field: path(of: error), message: describe(error))])
        } catch {
            throw DomainError.invalid(field: "body", "The request body is not JSON.")
        }
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
        let text = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
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
