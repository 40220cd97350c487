import Domain
import Foundation
import SQLKit
import Store

/// Who submits, as far as configuration items go: a customer may pick items owned by their contact or
/// organisation, a citizen none, an administrator's preview any item of the right class.
enum Requester: Sendable {
    case customer(contactID: Int64, organisationID: Int64?)
    case citizen
    case preview
}

/// A submission checked against a form version, ready to become a ticket.
struct CheckedSubmission: Sendable {
    var title: String
    var text: String
    /// The answers of shown items, for the ticket's dynamic fields.
    var fields: [String: FieldInput]
    /// The files of shown upload items.
    var attachments: [NewAttachment]
}

/// Checks answers against a form (`RequestForm.evaluate`) with the current customer-visible ticket fields, checks
/// chosen configuration items, and writes the ticket's title and first article.
struct SubmissionChecker {
    /// The most files one submission carries.
    static let maxFiles = 20

    let db: any SQLDatabase
    let dialect: Dialect

    func check(
        _ form: RequestForm, _ submission: FormSubmission, requester: Requester, requesterName: String, language: String
    ) async throws -> CheckedSubmission {
        let uploads = submission.uploads ?? [:]
        guard uploads.values.map(\.count).reduce(0, +) <= Self.maxFiles else {
            throw DomainError.invalid(FieldIssue(field: "uploads", .tooMany(max: Self.maxFiles)))
        }
        let definitions = try await FieldRepository(db).definitions(for: .ticket).filter(\.customerVisible)
        let fields = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let evaluation = form.evaluate(answers: submission.answers ?? [:], uploads: uploads.mapValues(\.count), fields: fields)
        var issues = evaluation.issues
        var display: [String: String] = [:]
        for answer in evaluation.answers {
            if answer.item.kind == .configItem, case .reference(let id) = answer.value {
                if let name = try await configItemName(id, classID: answer.item.ciClassID, requester: requester) {
                    display[answer.item.field] = name
                } else {
                    issues.append(FieldIssue(
                        field: "answers.\(answer.item.field)", .unknownReference(reference: String(id)), detail: "Not one of your configuration items."
                    ))
                }
            } else {
                display[answer.item.field] = answer.value.displayText(language: language)
            }
        }
        guard issues.isEmpty else { throw DomainError.invalid("Some answers are missing or not valid.", issues: issues) }
        let files = uploads.filter { evaluation.shownUploads.contains($0.key) }
        return CheckedSubmission(
            title: TitlePattern.render(form.titlePattern, formName: form.name, requesterName: requesterName, answers: display, fallback: form.name),
            text: form.summary(of: evaluation, display: display, files: files.mapValues { $0.map(\.filename) }),
            fields: Dictionary(uniqueKeysWithValues: evaluation.answers.map { ($0.definition.name, $0.input) }),
            attachments: files.keys.sorted().flatMap { files[$0] ?? [] }
        )
    }

    /// "Name (number)" of the item when the requester may choose it, else nil.
    private func configItemName(_ id: Int64, classID: Int64?, requester: Requester) async throws -> String? {
        guard let item = try await ConfigItemRepository(db, dialect: dialect).items([id]).first, item.classID == classID else { return nil }
        switch requester {
        case .citizen:
            return nil
        case .customer(let contactID, let organisationID):
            guard item.ownerContactID == contactID || (organisationID != nil && item.ownerOrganisationID == organisationID) else { return nil }
        case .preview:
            break
        }
        return "\(item.name) (\(item.number))"
    }
}
