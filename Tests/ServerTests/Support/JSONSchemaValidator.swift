import Foundation

/// Checks JSON values against the subset of JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it) that the
/// OpenAPI document is written in. `unsupportedKeywords(in:at:)` keeps the document within that subset.
struct JSONSchemaValidator: Sendable {
    /// The keywords this validator checks.
    static let assertions: Set<String> = [
        "$ref", "type", "enum", "properties", "required", "additionalProperties", "items", "oneOf", "anyOf",
        "format", "pattern", "minLength", "maxLength", "minimum", "maximum",
    ]
    /// Keywords that only describe.
    static let annotations: Set<String> = ["description", "title", "examples", "default", "deprecated"]
    /// The formats the document may use: `date-time` and `date` are checked, `int64` and `binary` only describe.
    static let formats: Set<String> = ["date-time", "date", "int64", "binary"]

    /// The document local `$ref`s (`#/components/schemas/Name`) point into.
    let document: JSONValue

    /// Every way `value` breaks `schema`, each prefixed with the location in `value` (`$.items[0].id`).
    func errors(_ value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
        guard let keywords = schema.objectValue else { return ["\(path): the schema is not an object"] }
        if let reference = keywords["$ref"]?.stringValue {
            guard let target = resolve(reference) else { return ["\(path): unresolvable $ref \(reference)"] }
            return errors(value, against: target, at: path)
        }
        if let type = keywords["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue].compactMap { $0 }
            if Set(allowed).isDisjoint(with: value.typeNames) {
                return ["\(path): expected \(allowed.joined(separator: " or ")), got \(value.brief)"]
            }
        }
        var found: [String] = []
        if let allowed = keywords["enum"]?.arrayValue, !allowed.contains(value) {
            found.append("\(path): \(value.brief) is not one of \(allowed.map(\.brief).joined(separator: ", "))")
        }
        if let alternatives = keywords["oneOf"]?.arrayValue {
            let matching = alternatives.filter { errors(value, against: $0, at: path).isEmpty }.count
            if matching != 1 { found.append("\(path): \(value.brief) matches \(matching) of the oneOf alternatives, not exactly 1") }
        }
        if let alternatives = keywords["anyOf"]?.arrayValue, !alternatives.contains(where: { errors(value, against: $0, at: path).isEmpty }) {
            found.append("\(path): \(value.brief) matches none of the anyOf alternatives")
        }
        switch value {
        case .object(let members): found += objectErrors(members, keywords, at: path)
        case .array(let items):
            if let itemSchema = keywords["items"] {
                found += items.enumerated().flatMap { index, item in errors(item, against: itemSchema, at: "\(path)[\(index)]") }
            }
        case .string(let text): found += stringErrors(text, keywords, at: path)
        case .integer, .number: found += numberErrors(value.numberValue ?? 0, keywords, at: path)
        case .null, .bool: break
        }
        return found
    }

    /// Keywords in `schema` (and the schemas inside it) that this validator does not know, and formats it does not check.
    func unsupportedKeywords(in schema: JSONValue, at path: String) -> [String] {
        guard let keywords = schema.objectValue else { return ["\(path): not an object"] }
        var found = keywords.keys.filter { !Self.assertions.contains($0) && !Self.annotations.contains($0) }.sorted().map { "\(path)/\($0)" }
        if let format = keywords["format"]?.stringValue, !Self.formats.contains(format) {
            found.append("\(path)/format: \(format)")
        }
        if let reference = keywords["$ref"]?.stringValue, resolve(reference) == nil {
            found.append("\(path)/$ref: \(reference) does not resolve")
        }
        for (name, property) in keywords["properties"]?.objectValue ?? [:] {
            found += unsupportedKeywords(in: property, at: "\(path)/properties/\(name)")
        }
        for key in ["items", "additionalProperties"] {
            if let nested = keywords[key], nested.objectValue != nil { found += unsupportedKeywords(in: nested, at: "\(path)/\(key)") }
        }
        for key in ["oneOf", "anyOf"] {
            for (index, nested) in (keywords[key]?.arrayValue ?? []).enumerated() {
                found += unsupportedKeywords(in: nested, at: "\(path)/\(key)/\(index)")
            }
        }
        return found
    }

    /// The value a local JSON pointer reference (`#/a/b`) names in the document.
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: JSONValue? = document
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            node = node?[token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")]
        }
        return node
    }

    private func objectErrors(_ members: [String: JSONValue], _ keywords: [String: JSONValue], at path: String) -> [String] {
        let properties = keywords["properties"]?.objectValue ?? [:]
        var found = (keywords["required"]?.arrayValue ?? []).compactMap(\.stringValue)
            .filter { members[$0] == nil }.map { "\(path): required property '\($0)' is missing" }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let schema = properties[name] {
                found += errors(member, against: schema, at: "\(path).\(name)")
            } else {
                switch keywords["additionalProperties"] {
                case .bool(false)?: found.append("\(path): property '\(name)' is not documented")
                case let schema? where schema.objectValue != nil: found += errors(member, against: schema, at: "\(path).\(name)")
                default: break
                }
            }
        }
        return found
    }

    private func stringErrors(_ text: String, _ keywords: [String: JSONValue], at path: String) -> [String] {
        var found: [String] = []
        let length = text.unicodeScalars.count
        if let minimum = keywords["minLength"]?.numberValue, Double(length) < minimum { found.append("\(path): shorter than \(Int(minimum))") }
        if let maximum = keywords["maxLength"]?.numberValue, Double(length) > maximum { found.append("\(path): longer than \(Int(maximum))") }
        if let pattern = keywords["pattern"]?.stringValue, text.range(of: pattern, options: .regularExpression) == nil {
            found.append("\(path): \"\(text.prefix(60))\" does not match \(pattern)")
        }
        let formats = [
            "date-time": #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#,
            "date": #"^\d{4}-\d{2}-\d{2}$"#,
        ]
        if let format = keywords["format"]?.stringValue, let pattern = formats[format], text.range(of: pattern, options: .regularExpression) == nil {
            found.append("\(path): \"\(text.prefix(60))\" is not a \(format)")
        }
        return found
    }

    private func numberErrors(_ number: Double, _ keywords: [String: JSONValue], at path: String) -> [String] {
        var found: [String] = []
        if let minimum = keywords["minimum"]?.numberValue, number < minimum { found.append("\(path): \(number) is less than \(minimum)") }
        if let maximum = keywords["maximum"]?.numberValue, number > maximum { found.append("\(path): \(number) is more than \(maximum)") }
        return found
    }
}
