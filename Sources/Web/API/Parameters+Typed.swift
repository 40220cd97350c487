import Domain
import Hummingbird

extension Request {
    /// An optional integer query parameter; a malformed one is a 422 problem.
    func queryInt(_ name: String) throws -> Int? {
        guard let text = uri.queryParameters[name[...]] else { return nil }
        guard let value = Int(text) else { throw DomainError.invalid(FieldIssue(field: name, .invalidNumber)) }
        return value
    }

    /// All integer values of a repeatable query parameter (`?queueId=1&queueId=2`).
    func queryIDs(_ name: String) throws -> [Int64] {
        try uri.queryParameters.getAll(name).map { text in
            guard let value = Int64(text) else { throw DomainError.invalid(FieldIssue(field: name, .invalidNumber)) }
            return value
        }
    }

    /// The `field.NAME=value` query parameters, by field name.
    func fieldConditions() -> [String: String] {
        var conditions: [String: String] = [:]
        for (key, value) in uri.queryParameters where key.hasPrefix("field.") {
            conditions[String(key.dropFirst(6))] = String(value)
        }
        return conditions
    }

    func query(_ name: String) -> String? {
        uri.queryParameters[name[...]].map(String.init)
    }
}

extension AppRequestContext {
    /// A path id; anything but a positive integer is a 404 (there is no such object).
    func id(_ name: String = "id") throws -> Int64 {
        guard let text = parameters.get(name), let value = Int64(text), value > 0 else {
            throw DomainError.notFound("No object '\(parameters.get(name) ?? "")'.")
        }
        return value
    }
}
