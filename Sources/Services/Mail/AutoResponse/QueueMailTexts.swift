import Domain

/// A queue's mail texts as the API shows and replaces them: the signature and the automatic answers.
public struct QueueMailTexts: Sendable, Codable, Equatable {
    /// One automatic answer's template.
    public struct AutoResponse: Sendable, Codable, Equatable {
        /// `newTicket`, `followUp` or `rejected`.
        public var kind: String
        /// `de` or `en`.
        public var language: String
        public var subject: String
        public var body: String

        public init(kind: String, language: String, subject: String, body: String) {
            self.kind = kind
            self.language = language
            self.subject = subject
            self.body = body
        }
    }

    public var signature: String?
    public var autoResponses: [AutoResponse]

    public init(signature: String?, autoResponses: [AutoResponse]) {
        self.signature = signature
        self.autoResponses = autoResponses
    }

    init(_ texts: [QueueMailText]) {
        signature = texts.first { $0.kind == .signature }?.body
        autoResponses = texts.filter { $0.kind != .signature }.map {
            AutoResponse(kind: $0.kind.rawValue, language: $0.language, subject: $0.subject ?? "", body: $0.body)
        }
    }

    /// The stored form, after checking kinds, languages, repeats, lengths, line breaks and placeholders.
    func validated() throws(DomainError) -> [QueueMailText] {
        var texts: [QueueMailText] = []
        if let signature, !signature.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try Self.check(signature, field: "signature", max: 5000)
            texts.append(QueueMailText(kind: .signature, language: "", subject: nil, body: signature))
        }
        for (index, response) in autoResponses.enumerated() {
            let field = "autoResponses[\(index)]"
            guard let kind = QueueMailText.Kind(rawValue: response.kind), kind != .signature else {
                throw .invalid(FieldIssue(field: field + ".kind", .invalidChoice))
            }
            guard QueueMailText.languages.contains(response.language) else {
                throw .invalid(FieldIssue(field: field + ".language", .invalidChoice))
            }
            guard !texts.contains(where: { $0.kind == kind && $0.language == response.language }) else {
                throw .invalid(FieldIssue(field: field, .duplicate))
            }
            let subject = try ArticleDraft.line(response.subject, field: field + ".subject", max: 200) ?? ""
            guard !subject.isEmpty else { throw .invalid(FieldIssue(field: field + ".subject", .required)) }
            try Self.check(subject, field: field + ".subject", max: 200)
            guard !response.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .invalid(FieldIssue(field: field + ".body", .required))
            }
            try Self.check(response.body, field: field + ".body", max: 20_000)
            texts.append(QueueMailText(kind: kind, language: response.language, subject: subject, body: response.body))
        }
        return texts
    }

    private static func check(_ text: String, field: String, max: Int) throws(DomainError) {
        guard text.count <= max else { throw .invalid(FieldIssue(field: field, .tooLong(max: max))) }
        let unknown = MailTemplate.unknownPlaceholders(in: text)
        if !unknown.isEmpty {
            throw .invalid(FieldIssue(
                field: field, .unknownPlaceholders(placeholders: unknown.joined(separator: ", ")),
                detail: "Unknown placeholders: \(unknown.joined(separator: ", ")); known: \(MailTemplate.placeholders.joined(separator: ", "))."
            ))
        }
    }
}
