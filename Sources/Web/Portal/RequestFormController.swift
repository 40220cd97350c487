import Domain
import Foundation
import Hummingbird
import Services

/// A catalogue category's request form, page by page (`/portal/forms/{categoryId}`): sections with their explanatory
/// texts, fields by type with help, placeholders, defaults and required marks, conditional items (hidden with
/// `data-show-field`, shown live by `portal.js`, and decided again on every "Weiter" without script), uploads and
/// the requester's own configuration items. "Zurück"/"Weiter" keep the answers in hidden inputs; "Absenden" calls
/// `RequestService.submit` — the use case of `POST /api/v1/portal/catalogue/{id}/requests` — and leads to the new request.
/// Citizens without an account fill in the forms of public categories at `/portal/public/{categoryId}` the same way,
/// with their mail address and a honeypot field on the last page; "Absenden" calls `CitizenService.submit`.
struct RequestFormController {
    /// Who fills in the form.
    enum Audience {
        case customer(Principal)
        case citizen

        var principal: Principal? {
            if case .customer(let principal) = self { principal } else { nil }
        }
    }

    let services: WebServices
    let pages: PageRenderer

    func register(on portal: RouterGroup<AppRequestContext>) {
        route("forms", on: portal) { .customer(try $0.requireCustomer()) }
        route("public", on: portal) { _ in .citizen }
    }

    private func route(_ base: String, on portal: RouterGroup<AppRequestContext>, audience: @escaping @Sendable (AppRequestContext) throws -> Audience) {
        portal.get("\(base)/:id") { request, context -> Response in
            let audience = try audience(context)
            let (category, form) = try await load(try context.id(), audience: audience)
            return try await render(category, form, answers: FormAnswers(FormData(fields: []), form: form, time: time(context)), page: 0,
                                    audience: audience, request: request, context: context)
        }
        portal.post("\(base)/:id") { request, context -> Response in
            let audience = try audience(context)
            let (category, form) = try await load(try context.id(), audience: audience)
            let answers = FormAnswers(context.form, form: form, time: time(context))
            let current = min(max(0, context.form.id("_page").map(Int.init) ?? 0), form.pages.count - 1)
            let go = context.form["_go"] ?? "next"
            if go == "back" {
                return try await render(category, form, answers: answers, page: max(0, current - 1), audience: audience, request: request, context: context)
            }
            let missing = missingAnswers(on: form.pages[current], answers: answers, shown: answers.shownFields(of: form), context: context)
            guard missing.isEmpty else {
                return try await render(category, form, answers: answers, page: current, errors: missing, audience: audience, request: request, context: context)
            }
            if go == "next", current + 1 < form.pages.count {
                return try await render(category, form, answers: answers, page: current + 1, audience: audience, request: request, context: context)
            }
            do {
                return try await submit(category, answers, audience: audience, request: request, context: context)
            } catch DomainError.invalid(let message, let issues) {
                var errors: [String: String] = [:]
                for issue in issues {
                    let name = issue.field.split(separator: ".", maxSplits: 1).last.map(String.init) ?? issue.field
                    errors[name] = errors[name] ?? issue.message
                }
                let page = form.pages.firstIndex { page in page.sections.flatMap(\.items).contains { errors[$0.field] != nil } } ?? current
                return try await render(category, form, answers: answers, page: page, errors: errors, summary: message,
                                        audience: audience, request: request, context: context)
            }
        }
    }

    private func time(_ context: AppRequestContext) -> TimeText {
        TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
    }

    /// Sends the answers through the audience's use case: a customer's request leads to its page, a citizen's
    /// concern to the page asking them to confirm their address.
    private func submit(
        _ category: CatalogueCategory, _ answers: FormAnswers, audience: Audience, request: Request, context: AppRequestContext
    ) async throws -> Response {
        guard case .customer(let principal) = audience else {
            var submission = CitizenSubmission(email: context.form.trimmed("email") ?? "", language: context.language.rawValue, answers: answers.answers)
            submission.uploads = answers.uploads
            submission.website = context.form["website"]
            let citizens = services.citizens
            return try await CitizenPagesController.friendly(pages, request, context) {
                _ = try await citizens.submit(to: category.id, submission, from: context.remoteAddress ?? "unknown")
                return PageRenderer.redirect(to: "/portal/sent")
            }
        }
        let created = try await services.requests.submit(to: category.id, FormSubmission(answers: answers.answers, uploads: answers.uploads), by: principal)
        return PageRenderer.redirect(to: "/portal/requests/\(created.request.ticketId)", notice: "portalSubmitted")
    }

    private func load(_ id: Int64, audience: Audience) async throws -> (CatalogueCategory, RenderedForm) {
        let entry = try await services.catalogue.entry(id, for: audience.principal)
        guard let form = entry.form, !form.pages.isEmpty else { throw DomainError.notFound("This category has no form to fill in.") }
        return (entry.category, form)
    }

    /// The shown items of `page` that are required and still empty, with the message to show next to each.
    private func missingAnswers(on page: RenderedForm.Page, answers: FormAnswers, shown: Set<String>, context: AppRequestContext) -> [String: String] {
        var missing: [String: String] = [:]
        for item in page.sections.flatMap(\.items) where item.required && shown.contains(item.field) {
            let empty = item.kind == .upload ? (answers.uploads[item.field] ?? []).isEmpty : (answers.value(of: item)?.isEmpty ?? true)
            if empty { missing[item.field] = pages.text("portal.form.required", context) }
        }
        return missing
    }

    private func render(
        _ category: CatalogueCategory, _ form: RenderedForm, answers: FormAnswers, page index: Int, errors: [String: String] = [:],
        summary: String? = nil, audience: Audience, request: Request, context: AppRequestContext
    ) async throws -> Response {
        let page = form.pages[index]
        let shown = answers.shownFields(of: form)
        let hintField = index == 0 ? page.sections.flatMap(\.items).first(where: { $0.kind == .field && $0.type == .text })?.field : nil
        let sections = try await FormSectionsView(answers: answers, shown: shown, errors: errors, hintField: hintField, time: time(context))
            .sections(of: page) { item in
                guard let principal = audience.principal else { return [] }
                return try await services.requests.configItems(ofClass: item.ciClassId ?? 0, by: principal)
            }
        let onPage = Set(page.sections.flatMap(\.items).map(\.field))
        let language = context.language.rawValue
        var view: [String: Any] = [
            "categoryId": category.id, "categoryTitle": category.title(in: language), "formName": form.name,
            "pageIndex": index, "pageNumber": index + 1, "pageCount": form.pages.count, "pageTitle": page.title ?? "",
            "hasPageTitle": page.title != nil, "isFirst": index == 0, "isLast": index == form.pages.count - 1,
            "sections": sections, "carried": answers.carried(except: onPage), "hasErrors": !errors.isEmpty,
            "multiPage": form.pages.count > 1, "isPublic": audience.principal == nil,
            "action": (audience.principal == nil ? "/portal/public/" : "/portal/forms/") + String(category.id),
            "backLink": audience.principal == nil ? "/portal/public" : "/portal/catalogue/\(category.id)",
            "email": context.form["email"] ?? "", "emailError": errors["email"] ?? "", "hasEmailError": errors["email"] != nil,
        ]
        if let summary { view["summary"] = summary }
        return try pages.page(
            "portal/form", title: "portal.form.title", view: view, context: context, request: request, section: "catalogue",
            status: errors.isEmpty ? .ok : .unprocessableContent, titleArguments: ["title": category.title(in: language)]
        )
    }
}
