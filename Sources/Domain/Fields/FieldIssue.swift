/// A problem with one input: `field` points at it by machine name (a definition attribute such as `options`,
/// or a dynamic field's name) and `message` explains it in English.
public struct FieldIssue: Sendable, Equatable, Error {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
