import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Services

/// `/admin/portal/texts`: the texts of the portal's automatic mail in German and English (a text left empty is the
/// built-in default again), and the portal's settings (states, address, sender, limits), through
/// `PortalTextService` as `PUT /api/v1/portal/texts` and `/settings` do.
struct PortalTextsAdminController {
    let services: WebServices
    let admin: AdminPages

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("portal/texts") { request, context -> Response in try await page(request, context) }
        group.post("portal/texts") { request, context -> Response in
            let principal = try context.requireAdmin()
            let form = admin.reader(context)
            let slots = try await services.portalTexts.texts(by: principal).map(\.text)
            var sent: [(slot: Int, text: PortalText)] = []
            for (index, slot) in slots.enumerated() {
                let subject = form.text("items[\(index)].subject")
                let body = form.raw("items[\(index)].body").replacingOccurrences(of: "\r\n", with: "\n")
                let fallback = PortalText.defaults.first { $0.kind == slot.kind && $0.language == slot.language }
                if subject.isEmpty, body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
                if subject == fallback?.subject, body == fallback?.body { continue }
                sent.append((index, PortalText(kind: slot.kind, language: slot.language, subject: subject, body: body)))
            }
            return try await admin.submit(context, success: "/admin/portal/texts", notice: "adminSaved") { issues, status in
                try await page(request, context, texts: form, textIssues: issues.map { Self.slotIssue($0, sent: sent.map(\.slot)) }, status: status)
            } save: {
                _ = try await services.portalTexts.replace(PortalTextsInput(items: sent.map(\.text)), by: principal)
            }
        }
        group.post("portal/settings") { request, context -> Response in
            let principal = try context.requireAdmin()
            var form = admin.reader(context)
            let settings = PortalSettings(
                solvedStateID: form.id("solvedStateId"), confirmedStateID: form.id("confirmedStateId"), reopenedStateID: form.id("reopenedStateId"),
                publicBaseURL: form.text("publicBaseUrl"), senderAddress: form.optional("senderAddress"),
                submissionsPerAddressPerHour: form.int("submissionsPerAddressPerHour") ?? 0,
                submissionsPerNetworkAddressPerHour: form.int("submissionsPerNetworkAddressPerHour") ?? 0
            )
            return try await admin.submit(context, reading: form, success: "/admin/portal/texts", notice: "adminSaved") { issues, status in
                try await page(request, context, settings: settings, settingsIssues: issues, status: status)
            } save: {
                _ = try await services.portalTexts.save(settings, by: principal)
            }
        }
    }

    /// The service names a refused text by its place among the texts sent (`items[2].body`); the page names it by
    /// its place among all texts.
    private static func slotIssue(_ issue: FieldIssue, sent: [Int]) -> FieldIssue {
        guard issue.field.hasPrefix("items["), let close = issue.field.firstIndex(of: "]"),
              let index = Int(issue.field.dropFirst(6).prefix(upTo: close)), sent.indices.contains(index) else { return issue }
        return FieldIssue(field: "items[\(sent[index])]" + issue.field[issue.field.index(after: close)...], message: issue.message)
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, texts sentTexts: FormReader? = nil, textIssues: [FieldIssue] = [],
        settings sentSettings: PortalSettings? = nil, settingsIssues: [FieldIssue] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let texts = try await services.portalTexts.texts(by: principal)
        let settings: PortalSettings
        if let sentSettings { settings = sentSettings } else { settings = try await services.portalTexts.settings(by: principal) }
        let states = try await services.masterData.snapshot().states.filter(\.isActive)
        let sections = PortalText.Kind.allCases.map { kind in
            FormSection(t("admin.portal.texts.kinds.\(kind.rawValue).title"), hint: t("admin.portal.texts.kinds.\(kind.rawValue).hint"),
                        fields: texts.enumerated().filter { $0.element.text.kind == kind }.flatMap { index, view -> [FormField] in
                            let language = t("language.\(view.text.language)")
                            let subject = sentTexts?.text("items[\(index)].subject") ?? view.text.subject
                            let body = sentTexts?.raw("items[\(index)].body") ?? view.text.body
                            return [
                                FormField("items[\(index)].subject", t("admin.portal.texts.subject", ["language": language]), value: subject),
                                FormField("items[\(index)].body", t("admin.portal.texts.body", ["language": language]), .textarea, value: body,
                                          hint: view.isDefault ? t("admin.portal.texts.isDefault") : nil),
                            ]
                        })
        }
        var textForm = AdminForm(action: "/admin/portal/texts", submitLabel: t("admin.portal.texts.save"),
                                 heading: t("admin.portal.texts.mailHeading"), sections: sections)
        textForm.place(textIssues)
        let state: (String, Int64?, Bool) -> FormField = { name, selected, closed in
            .choice(name, t("admin.portal.settings.\(name)"), FormOption.records(
                states.filter { $0.type.isClosed == closed && $0.type != .merged && $0.type != .removed }, selected: selected, label: \.name
            ))
        }
        var settingsForm = AdminForm(action: "/admin/portal/settings", submitLabel: t("action.save"), heading: t("admin.portal.settings.heading"), sections: [
            FormSection(fields: [
                state("solvedStateId", settings.solvedStateID, true), state("confirmedStateId", settings.confirmedStateID, true),
                state("reopenedStateId", settings.reopenedStateID, false),
                FormField("publicBaseUrl", t("admin.portal.settings.publicBaseUrl"), value: settings.publicBaseURL,
                          hint: t("admin.portal.settings.publicBaseUrlHint"), isRequired: true),
                FormField("senderAddress", t("admin.portal.settings.senderAddress"), .email, value: settings.senderAddress ?? "",
                          hint: t("admin.portal.settings.senderAddressHint")),
                FormField("submissionsPerAddressPerHour", t("admin.portal.settings.submissionsPerAddressPerHour"), .number,
                          value: String(settings.submissionsPerAddressPerHour)),
                FormField("submissionsPerNetworkAddressPerHour", t("admin.portal.settings.submissionsPerNetworkAddressPerHour"), .number,
                          value: String(settings.submissionsPerNetworkAddressPerHour), hint: t("admin.portal.settings.networkHint")),
            ]),
        ])
        settingsForm.place(settingsIssues)
        return try admin.forms([textForm, settingsForm], title: "admin.portal.texts.title", lead: t("admin.portal.texts.lead"),
                               request: request, context: context, status: status)
    }
}
