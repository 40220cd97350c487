import Domain
import Hummingbird
import Services

/// `/admin/queues/{id}/mail-texts`: a queue's signature and its automatic answers (new ticket, follow-up, refused
/// follow-up) in German and English, replaced through `QueueMailTextService`, as the REST API does. An answer left
/// empty is not sent.
struct QueueMailTextsController {
    let services: WebServices
    let admin: AdminPages
    static let kinds = ["newTicket", "followUp", "rejected"]

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("queues/:id/mail-texts") { request, context -> Response in
            let queue = try await queue(context)
            let texts = try await services.queueMailTexts.texts(ofQueue: queue.id, by: try context.requireAdmin())
            return try page(queue, texts.record, version: texts.version, request, context)
        }
        group.post("queues/:id/mail-texts") { request, context -> Response in
            let principal = try context.requireAdmin()
            let queue = try await queue(context)
            let form = context.form
            var slots: [String] = []
            var answers: [QueueMailTexts.AutoResponse] = []
            for kind in Self.kinds {
                for language in QueueMailText.languages {
                    let slot = "texts.\(kind).\(language)"
                    let (subject, body) = (form[slot + ".subject"] ?? "", form[slot + ".body"] ?? "")
                    guard !(subject + body).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                    slots.append(slot)
                    answers.append(QueueMailTexts.AutoResponse(kind: kind, language: language, subject: subject, body: body))
                }
            }
            let texts = QueueMailTexts(signature: form["signature"], autoResponses: answers)
            let version = admin.reader(context).version()
            return try await admin.submit(context, success: "/admin/queues/\(queue.id)/mail-texts", notice: "adminSaved") { issues, status in
                // The Services number the answers they were given; the form names them by kind and language.
                let placed = issues.map { issue in
                    guard issue.field.hasPrefix("autoResponses["), let close = issue.field.firstIndex(of: "]"),
                          let index = Int(issue.field.dropFirst("autoResponses[".count).prefix { $0 != "]" }), slots.indices.contains(index)
                    else { return issue }
                    return issue.moved(to: slots[index] + issue.field[issue.field.index(after: close)...])
                }
                return try page(queue, texts, version: version, request, context, issues: placed, status: status)
            } stale: {
                let current = try await services.queueMailTexts.texts(ofQueue: queue.id, by: principal)
                let explanation = try await StaleEdit.explanation(kind: "queue_mail_texts", id: queue.id, services: services, admin: admin, context: context)
                return try page(queue, current.record, version: current.version, request, context, issues: [explanation], status: .preconditionFailed)
            } save: {
                _ = try await services.queueMailTexts.replace(ofQueue: queue.id, with: texts, expectedVersion: version, by: principal)
            }
        }
    }

    private func queue(_ context: AppRequestContext) async throws -> Queue {
        let id = try context.id()
        _ = try context.requireAdmin()
        guard let queue = try await services.masterData.snapshot().queue(id) else { throw DomainError.notFound("No queue \(id).") }
        return queue
    }

    private func page(
        _ queue: Queue, _ texts: QueueMailTexts, version: Int64?, _ request: Request, _ context: AppRequestContext, issues: [FieldIssue] = [],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let t = AdminTexts(admin: admin, context: context)
        var sections = [FormSection(t("admin.mailTexts.signature"), fields: [
            FormField("signature", t("admin.mailTexts.signature"), .textarea, value: texts.signature ?? "", hint: t("admin.mailTexts.signatureHint")),
        ])]
        for kind in Self.kinds {
            for language in QueueMailText.languages {
                let slot = "texts.\(kind).\(language)"
                let answer = texts.autoResponses.first { $0.kind == kind && $0.language == language }
                let legend = t("admin.mailTexts.kind.\(kind)") + " (" + t("language.\(language)") + ")"
                sections.append(FormSection(legend, hint: language == "de" ? t("admin.mailTexts.kindHint.\(kind)") : nil, fields: [
                    FormField(slot + ".subject", t("admin.mailTexts.subject") + " – " + legend, value: answer?.subject ?? ""),
                    FormField(slot + ".body", t("admin.mailTexts.body") + " – " + legend, .textarea, value: answer?.body ?? ""),
                ]))
            }
        }
        var form = AdminForm(action: "/admin/queues/\(queue.id)/mail-texts", submitLabel: t("action.save"), sections: sections)
        form.version = version
        form.place(issues)
        return try admin.forms(
            [form], title: "admin.mailTexts.edit", titleArguments: ["name": queue.name],
            lead: t("admin.mailTexts.lead", ["placeholders": MailTemplate.placeholders.joined(separator: ", "), "address": queue.systemAddress ?? "–"]),
            back: (t("admin.queues.title"), "/admin/queues"), request: request, context: context, status: status
        )
    }
}
