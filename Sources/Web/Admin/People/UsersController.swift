import Domain
import Foundation
import Hummingbird
import Services

/// `/admin/users`: the accounts, searchable and paged; creating one, changing names, address, kind, language,
/// roles and whether it is active, and setting its password — through `UserService`, as the REST API does.
struct UsersController {
    let services: WebServices
    let admin: AdminPages
    static let pageSize = 50

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("users") { request, context -> Response in try await list(request, context) }
        group.get("users/new") { request, context -> Response in
            try await page(nil, draft: User(id: 0, login: "", isAgent: true, createdAt: Date()), request, context)
        }
        group.post("users/new") { request, context -> Response in
            let principal = try context.requireAdmin()
            var form = admin.reader(context)
            var input = NewUser(login: form.text("login"), password: form.optional("password"), isAgent: form.isChecked("isAgent"), isAdmin: form.isChecked("isAdmin"))
            let change = read(&form)
            (input.email, input.firstName, input.lastName, input.isCustomer) = (change.email.flatMap { $0.isEmpty ? nil : $0 }, change.firstName, change.lastName, change.isCustomer)
            (input.contactId, input.seesOrganisationTickets, input.locale, input.roleIds) = (change.contactId, change.seesOrganisationTickets, change.locale, change.roleIds)
            return try await admin.submit(context, reading: form, success: "/admin/users", notice: "adminSaved", conflictField: "login") { issues, status in
                var user = draft(User(id: 0, login: input.login, isAgent: true, createdAt: Date()), change)
                user.isActive = true
                return try await page(nil, draft: user, request, context, issues: issues, status: status)
            } save: {
                _ = try await services.users.create(input, by: principal)
            }
        }
        group.get("users/:id") { request, context -> Response in
            let user = try await services.users.user(try context.id(), by: try context.requireAdmin())
            return try await page(user, draft: user, request, context)
        }
        group.post("users/:id") { request, context -> Response in
            let principal = try context.requireAdmin()
            let user = try await services.users.user(try context.id(), by: principal)
            var form = admin.reader(context)
            let change = read(&form)
            let version = form.version()
            return try await admin.submit(context, reading: form, success: "/admin/users", notice: "adminSaved") { issues, status in
                var sent = draft(user, change)
                sent.version = version ?? user.version
                return try await page(user, draft: sent, request, context, issues: issues, status: status)
            } stale: {
                let current = try await services.users.user(user.id, by: principal)
                let explanation = try await StaleEdit.explanation(kind: "user", id: user.id, services: services, admin: admin, context: context)
                return try await page(current, draft: current, request, context, issues: [explanation], status: .preconditionFailed)
            } save: {
                _ = try await services.users.update(user.id, change, expectedVersion: version, by: principal)
            }
        }
        group.post("users/:id/password") { request, context -> Response in
            let principal = try context.requireAdmin()
            let user = try await services.users.user(try context.id(), by: principal)
            let form = context.form
            return try await admin.submit(context, success: "/admin/users/\(user.id)", notice: "adminPasswordSet") { issues, status in
                try await page(user, draft: user, request, context, passwordIssues: issues, status: status)
            } save: {
                guard form["password"] == form["repeatPassword"] else {
                    throw DomainError.invalid(field: "repeatPassword", admin.text("admin.users.passwordMismatch", context))
                }
                try await services.users.setPassword(of: user.id, current: nil, new: form["password"] ?? "", by: principal)
            }
        }
    }

    private func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let principal = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let query = request.uri.queryParameters["q"].map(String.init) ?? ""
        let after = request.uri.queryParameters["after"].flatMap { Int64($0) }
        let users = try await services.users.list(after: after, limit: Self.pageSize, matching: query, by: principal)
        let roles = Dictionary(uniqueKeysWithValues: try await services.users.roles(by: principal).map { ($0.id, $0.name) })
        var list = AdminList(
            columns: [t("admin.users.login"), t("admin.users.name"), t("admin.users.email"), t("admin.users.kind"), t("admin.users.roles")],
            rows: users.items.map { user in
                var login = AdminList.Cell(user.login, href: "/admin/users/\(user.id)")
                if !user.isActive { (login.badge, login.tone) = (t("admin.common.inactive"), "muted") }
                let kinds = [(user.isAgent, "agent"), (user.isCustomer, "customer"), (user.isAdmin, "admin")].filter(\.0).map { t("admin.users.\($0.1)") }
                return AdminList.Row(cells: [
                    login, AdminList.Cell("\(user.firstName) \(user.lastName)".trimmingCharacters(in: .whitespaces)), AdminList.Cell(user.email ?? ""),
                    AdminList.Cell(kinds.joined(separator: ", ")), AdminList.Cell(user.roleIDs.compactMap { roles[$0] }.joined(separator: ", ")),
                ], isInactive: !user.isActive)
            },
            lead: t("admin.users.lead")
        )
        (list.newPath, list.newLabel) = ("/admin/users/new", t("admin.users.new"))
        list.search = ("/admin/users", t("admin.users.search"), query)
        if let next = users.next {
            list.nextPath = "/admin/users?after=\(next)" + (query.isEmpty ? "" : "&q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
        return try admin.list(list, title: "admin.users.title", request: request, context: context)
    }

    /// Every value of the form as a change; on creation the same values fill a `NewUser`.
    private func read(_ form: inout FormReader) -> UserChange {
        var change = UserChange()
        change.email = form.text("email")
        change.firstName = form.text("firstName")
        change.lastName = form.text("lastName")
        change.isAgent = form.isChecked("isAgent")
        change.isCustomer = form.isChecked("isCustomer")
        change.isAdmin = form.isChecked("isAdmin")
        change.isActive = form.isChecked("isActive")
        change.contactId = form.id("contactId")
        change.seesOrganisationTickets = form.isChecked("seesOrganisationTickets")
        change.locale = form.text("locale")
        change.roleIds = form.form.ids("roleIds")
        return change
    }

    /// `user` with the submitted values, to show the form again as it was sent.
    private func draft(_ user: User, _ change: UserChange) -> User {
        var user = user
        user.email = change.email.flatMap { $0.isEmpty ? nil : $0 }
        (user.firstName, user.lastName) = (change.firstName ?? "", change.lastName ?? "")
        (user.isAgent, user.isCustomer, user.isAdmin) = (change.isAgent ?? false, change.isCustomer ?? false, change.isAdmin ?? false)
        (user.isActive, user.contactID, user.seesOrganisationTickets) = (change.isActive ?? false, change.contactId, change.seesOrganisationTickets ?? false)
        (user.locale, user.roleIDs) = (change.locale ?? "de", change.roleIds ?? [])
        return user
    }

    private func page(
        _ user: User?, draft: User, _ request: Request, _ context: AppRequestContext, issues: [FieldIssue] = [], passwordIssues: [FieldIssue] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let roles = try await services.users.roles(by: principal)
        var login = FormField("login", t("admin.users.login"), value: draft.login, hint: user == nil ? t("admin.users.loginHint") : nil, isRequired: true)
        login.isReadOnly = user != nil
        var sections = [
            FormSection(fields: [
                login, FormField("firstName", t("admin.users.firstName"), value: draft.firstName),
                FormField("lastName", t("admin.users.lastName"), value: draft.lastName),
                FormField("email", t("admin.users.email"), .email, value: draft.email ?? ""),
                .choice("locale", t("admin.users.locale"), UILanguage.allCases.map {
                    FormOption($0.rawValue, t("language.\($0.rawValue)"), selected: $0.rawValue == draft.locale)
                }),
            ]),
            FormSection(t("admin.users.kind"), fields: [
                .checkbox("isAgent", t("admin.users.agent"), isChecked: draft.isAgent),
                .checkbox("isAdmin", t("admin.users.admin"), isChecked: draft.isAdmin, hint: t("admin.users.adminHint")),
                .checkbox("isCustomer", t("admin.users.customer"), isChecked: draft.isCustomer),
                FormField("contactId", t("admin.users.contactId"), .number, value: draft.contactID.map(String.init) ?? "", hint: t("admin.users.contactHint")),
                .checkbox("seesOrganisationTickets", t("admin.users.seesOrganisation"), isChecked: draft.seesOrganisationTickets),
            ]),
            FormSection(t("admin.users.roles"), hint: t("admin.users.rolesHint"), fields: [
                .choice("roleIds", t("admin.users.roles"), roles.map {
                    FormOption(String($0.id), $0.name, selected: draft.roleIDs.contains($0.id))
                }, kind: .choices),
            ]),
        ]
        if user == nil {
            sections[0].fields.insert(FormField("password", t("admin.users.password"), .password, hint: t("admin.users.passwordHint")), at: 1)
        } else {
            sections[0].fields.append(.checkbox("isActive", t("admin.common.active"), isChecked: draft.isActive, hint: t("admin.users.activeHint")))
        }
        var main = AdminForm(action: user.map { "/admin/users/\($0.id)" } ?? "/admin/users/new", submitLabel: t("action.save"), sections: sections)
        if user != nil { main.version = draft.version }
        main.place(issues)
        var forms = [main]
        if let user {
            var password = AdminForm(action: "/admin/users/\(user.id)/password", submitLabel: t("admin.users.setPassword"),
                                     heading: t("admin.users.setPassword"), sections: [FormSection(fields: [
                                         FormField("password", t("admin.users.newPassword"), .password, hint: t("admin.users.passwordHint"), isRequired: true),
                                         FormField("repeatPassword", t("admin.users.repeatPassword"), .password, isRequired: true),
                                     ])])
            password.place(passwordIssues)
            forms.append(password)
        }
        return try admin.forms(
            forms, title: user == nil ? "admin.users.new" : "admin.users.edit", titleArguments: ["name": draft.login],
            back: (t("admin.users.title"), "/admin/users"), request: request, context: context, status: status
        )
    }
}
