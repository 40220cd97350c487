import Domain
import HTTPTypes
import Hummingbird

/// What every admin page shares: rendering a list or a page of forms inside the admin layout, reading forms,
/// and turning a use case's refusal of a submission into the same form again with each problem next to its field.
struct AdminPages {
    let pages: PageRenderer

    /// One interface text in the request's language.
    func text(_ key: String, _ context: AppRequestContext, _ arguments: [String: String] = [:]) -> String {
        pages.text(key, context, arguments)
    }

    /// A reader of the submitted form.
    func reader(_ context: AppRequestContext) -> FormReader {
        FormReader(context.form, texts: AdminTexts(admin: self, context: context))
    }

    func list(_ list: AdminList, title: String, request: Request, context: AppRequestContext) throws -> Response {
        try pages.page("admin/list", title: title, view: list.view, context: context, request: request, section: "admin")
    }

    /// A page of one or more forms. `back` links to the list the page belongs to; `links` lead to related pages.
    func forms(
        _ forms: [AdminForm], title: String, titleArguments: [String: String] = [:], lead: String? = nil,
        back: (label: String, path: String)? = nil, links: [(label: String, path: String)] = [],
        request: Request, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        var view: [String: Any] = [
            "forms": forms.map(\.view), "hasLinks": !links.isEmpty, "links": links.map { ["lLabel": $0.label, "lHref": $0.path] },
        ]
        if let lead { view["lead"] = lead }
        if let back { view["back"] = ["backLabel": back.label, "backPath": back.path] }
        return try pages.page(
            "admin/form", title: title, view: view, context: context, request: request, section: "admin", status: status,
            titleArguments: titleArguments
        )
    }

    /// Runs `save` and redirects to `success` with `notice`. When `form` found values it could not read, or the use
    /// case refuses the input (422) or finds a duplicate (409, reported on `conflictField`), `redisplay` shows the form
    /// again with the problems and that status; nothing was saved then, since every use case runs in one transaction.
    /// When the record changed after the form was loaded (412), `stale` answers: the form again with the current
    /// values and an explanation (without it, the error page).
    func submit(
        _ context: AppRequestContext, reading form: FormReader? = nil, success: String, notice: String, conflictField: String = "name",
        redisplay: ([FieldIssue], HTTPResponse.Status) async throws -> Response, stale: (() async throws -> Response)? = nil,
        save: () async throws -> Void
    ) async throws -> Response {
        do {
            try form?.requireReadable()
            try await save()
        } catch DomainError.invalid(let message, let issues) {
            return try await redisplay(pages.localized(issues.isEmpty ? [FieldIssue(field: "", message: message)] : issues, context), .unprocessableContent)
        } catch DomainError.conflict {
            return try await redisplay(pages.localized([FieldIssue(field: conflictField, .taken)], context), .conflict)
        } catch DomainError.stale(let message) {
            guard let stale else { throw DomainError.stale(message) }
            return try await stale()
        }
        return PageRenderer.redirect(to: success, notice: notice)
    }
}
