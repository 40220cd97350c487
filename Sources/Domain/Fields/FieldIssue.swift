/// A problem with one input: `field` points at it by machine name (a definition attribute such as `options`,
/// or a dynamic field's name), `code` says what kind of problem it is for machines and translations, and
/// `message` explains it in English (for REST clients and logs).
///
/// Build coded issues through `init(field:_:)` (`FieldIssue(field: "title", .required)`); the English text of a
/// code is written once, in `FieldIssue.Code.englishText`. Issues without a code carry a message that no code
/// describes yet; interfaces show that message as it is.
public struct FieldIssue: Sendable, Equatable, Error {
    public var field: String
    public var message: String
    /// What kind of problem this is; nil when only the message says it.
    public var code: Code?

    /// An issue only the English `message` describes.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// An issue of a known kind; its message is the code's English text.
    public init(field: String, _ code: Code) {
        self.field = field
        self.code = code
        self.message = code.englishText
    }

    /// An issue of a known kind whose English message says more than the code's generic text (an id, an example);
    /// pages still show the code's text in the reader's language.
    public init(field: String, _ code: Code, detail: String) {
        self.field = field
        self.code = code
        self.message = detail
    }

    /// The same issue for another field name (a prefix added, an API name mapped).
    public func moved(to field: String) -> FieldIssue {
        var moved = self
        moved.field = field
        return moved
    }

    /// The code's machine name as REST answers carry it; `invalid` for an issue only its message describes.
    public var codeName: String {
        code?.name.rawValue ?? "invalid"
    }

    /// The code's parameters by name, as the REST problem and the translations fill them in; empty without a code.
    public var parameters: [String: String] {
        code?.parameters ?? [:]
    }
}

extension DomainError {
    /// A validation failure with one coded field issue; the summary names the field and says the issue's English text.
    public static func invalid(_ issue: FieldIssue) -> DomainError {
        .invalid(issue.field.isEmpty ? issue.message : "\(issue.field): \(issue.message)", issues: [issue])
    }
}
