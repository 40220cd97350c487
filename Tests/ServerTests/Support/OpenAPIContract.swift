import Foundation
import HTTPTypes
import NIOCore

/// The OpenAPI document as the server serves it, and the check of real responses against it: the status must be
/// documented for the operation, the content type too, required headers present, and a JSON body must validate
/// against the documented schema.
struct OpenAPIContract: Sendable {
    /// One documented operation, such as `GET /api/v1/tickets/{id}`.
    struct Operation: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// Upper case, as HTTP spells it.
        var method: String
        /// The path template, with `{name}` for path parameters.
        var path: String

        var description: String { "\(method) \(path)" }

        static func < (lhs: Operation, rhs: Operation) -> Bool { (lhs.path, lhs.method) < (rhs.path, rhs.method) }
    }

    /// The HTTP methods a path item may document.
    static let httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    let document: JSONValue
    let validator: JSONSchemaValidator
    /// Every documented operation, sorted by path.
    let operations: [Operation]

    init(document: JSONValue) {
        self.document = document
        validator = JSONSchemaValidator(document: document)
        operations = (document["paths"]?.objectValue ?? [:]).flatMap { path, item in
            Self.httpMethods.filter { item[$0] != nil }.map { Operation(method: $0.uppercased(), path: path) }
        }.sorted()
    }

    /// The documented operation that serves `method` on `uri`: of the matching path templates, the one with the
    /// most literal segments.
    func operation(_ method: HTTPRequest.Method, _ uri: String) -> Operation? {
        let segments = String(uri.prefix { $0 != "?" }).split(separator: "/")
        let matching = operations.filter { operation in
            let template = operation.path.split(separator: "/")
            return operation.method == method.rawValue && template.count == segments.count
                && zip(template, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
        func literalSegments(_ operation: Operation) -> Int {
            operation.path.split(separator: "/").filter { !$0.hasPrefix("{") }.count
        }
        return matching.max { literalSegments($0) < literalSegments($1) }
    }

    /// The definition of a documented operation.
    func definition(of operation: Operation) -> JSONValue? {
        document["paths"]?[operation.path]?[operation.method.lowercased()]
    }

    /// Everything in which `response`, the answer to `method` on `uri`, disagrees with the document.
    func violations(of response: JSONResponse, to method: HTTPRequest.Method, _ uri: String) -> [String] {
        guard let operation = operation(method, uri), let definition = definition(of: operation) else {
            return ["\(method) \(uri) is not documented"]
        }
        guard let documented = definition["responses"]?[String(response.status.code)].map(resolved) else {
            return ["status \(response.status.code) is not documented for \(operation)"]
        }
        var found: [String] = []
        for (name, header) in documented["headers"]?.objectValue ?? [:] where resolved(header)["required"] == .bool(true) {
            if HTTPField.Name(name).flatMap({ response.headers[$0] }) == nil { found.append("the \(name) header is missing") }
        }
        let content = documented["content"]?.objectValue ?? [:]
        if content.isEmpty {
            return found + (response.raw.readableBytes > 0 ? ["documented without a body, yet the response has one"] : [])
        }
        let mediaType = response.contentType.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
        guard let (documentedType, media) = content.first(where: { Self.mediaType(mediaType, matches: $0.key) }) else {
            return found + ["content type '\(response.contentType)' is not documented (\(content.keys.sorted().joined(separator: ", ")))"]
        }
        if documentedType.hasSuffix("json"), let schema = media["schema"] {
            guard let body = try? JSONValue(parsing: Data(buffer: response.raw)) else { return found + ["the body is not JSON"] }
            found += validator.errors(body, against: schema)
        }
        return found
    }

    /// Every schema keyword or format in the document that `JSONSchemaValidator` would not check.
    func unsupportedSchemaKeywords() -> [String] {
        var schemas: [(String, JSONValue)] = (document["components"]?["schemas"]?.objectValue ?? [:]).map { ("#/components/schemas/\($0.key)", $0.value) }
        for operation in operations {
            guard let definition = definition(of: operation) else { continue }
            let at = "\(operation)"
            for (index, parameter) in (definition["parameters"]?.arrayValue ?? []).enumerated() {
                if let schema = resolved(parameter)["schema"] { schemas.append(("\(at) parameters/\(index)", schema)) }
            }
            for (type, media) in definition["requestBody"].map(resolved)?["content"]?.objectValue ?? [:] {
                if let schema = media["schema"] { schemas.append(("\(at) requestBody/\(type)", schema)) }
            }
            for (status, response) in definition["responses"]?.objectValue ?? [:] {
                let response = resolved(response)
                for (type, media) in response["content"]?.objectValue ?? [:] {
                    if let schema = media["schema"] { schemas.append(("\(at) \(status) \(type)", schema)) }
                }
                for (name, header) in response["headers"]?.objectValue ?? [:] {
                    if let schema = resolved(header)["schema"] { schemas.append(("\(at) \(status) header \(name)", schema)) }
                }
            }
        }
        return schemas.flatMap { validator.unsupportedKeywords(in: $1, at: $0) }.sorted()
    }

    /// `node`, or what its `$ref` points to.
    func resolved(_ node: JSONValue) -> JSONValue {
        guard let reference = node["$ref"]?.stringValue, let target = validator.resolve(reference) else { return node }
        return resolved(target)
    }

    /// Whether a response's media type is one that a documented one (`application/json`, `text/*`, `*/*`) allows.
    private static func mediaType(_ received: String, matches documented: String) -> Bool {
        if documented == "*/*" || documented == received { return true }
        return documented.hasSuffix("/*") && received.hasPrefix(documented.dropLast())
    }
}
