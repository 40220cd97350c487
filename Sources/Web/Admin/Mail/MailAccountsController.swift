import Domain
import Hummingbird
import Services

/// `/admin/mail-accounts`: the IMAP mailboxes the workers poll, with how polling went (last poll, last success,
/// the last error in words, messages imported and skipped, next poll); created, changed and deleted through
/// `MailAccountService`, as the REST API does. The password is never shown; left empty, it stays.
struct MailAccountsController {
    let services: WebServices
    let admin: AdminPages

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("mail-accounts") { request, context -> Response in try await list(request, context) }
        group.get("mail-accounts/new") { request, context -> Response in
            try await page(nil, draft: MailAccount(id: 0, name: "", host: "", port: 993, security: .tls, username: "", password: "", queueID: 0), request, context)
        }
        group.post("mail-accounts/new") { request, context -> Response in
            let principal = try context.requireAdmin()
            var form = admin.reader(context)
            let input = read(&form)
            return try await admin.submit(context, reading: form, success: "/admin/mail-accounts", notice: "adminSaved") { issues, status in
                try await page(nil, draft: draft(input), request, context, issues: issues, status: status)
            } save: {
                _ = try await services.mailAccounts.create(input, by: principal)
            }
        }
        group.get("mail-accounts/:id") { request, context -> Response in
            let found = try await services.mailAccounts.get(try context.id(), by: try context.requireAdmin())
            return try await page(found.record, version: found.version, draft: found.record.account, request, context)
        }
        group.post("mail-accounts/:id") { request, context -> Response in
            let principal = try context.requireAdmin()
            let view = try await services.mailAccounts.get(try context.id(), by: principal).record
            var form = admin.reader(context)
            let input = read(&form)
            let version = form.version()
            return try await admin.submit(context, reading: form, success: "/admin/mail-accounts", notice: "adminSaved") { issues, status in
                try await page(view, version: version, draft: draft(input, over: view.account), request, context, issues: issues, status: status)
            } stale: {
                let current = try await services.mailAccounts.get(view.account.id, by: principal)
                let explanation = try await StaleEdit.explanation(kind: "mail_accounts", id: view.account.id, services: services, admin: admin, context: context)
                return try await page(current.record, version: current.version, draft: current.record.account, request, context,
                                      issues: [explanation], status: .preconditionFailed)
            } save: {
                _ = try await services.mailAccounts.update(view.account.id, input, expectedVersion: version, by: principal)
            }
        }
        group.post("mail-accounts/:id/delete") { _, context -> Response in
            try await services.mailAccounts.delete(try context.id(), by: try context.requireAdmin())
            return PageRenderer.redirect(to: "/admin/mail-accounts", notice: "adminDeleted")
        }
    }

    private func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let principal = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let master = try await services.masterData.snapshot()
        let time = TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
        let never = t("admin.mailAccounts.never")
        var list = AdminList(
            columns: ["name", "queue", "status", "lastPoll", "lastSuccess", "imported", "skipped", "nextPoll"].map { t("admin.mailAccounts.\($0)") },
            rows: try await services.mailAccounts.list(by: principal).map { view in
                let (account, status) = (view.account, view.status)
                var state: AdminList.Cell = if !account.isActive {
                    .badge(t("admin.common.inactive"), tone: "muted")
                } else if status.lastError != nil {
                    .badge(t("admin.mailAccounts.failing"), tone: "bad")
                } else if status.lastSuccessAt != nil {
                    .badge(t("admin.mailAccounts.working"), tone: "ok")
                } else {
                    .badge(t("admin.mailAccounts.waiting"), tone: "muted")
                }
                state.sub = status.lastError
                return AdminList.Row(cells: [
                    AdminList.Cell(account.name, href: "/admin/mail-accounts/\(account.id)",
                                   sub: "\(account.username)@\(account.host):\(account.port) · \(account.folder)"),
                    AdminList.Cell(master.queue(account.queueID)?.name ?? "–"), state,
                    AdminList.Cell(status.lastPollAt.map(time.absolute) ?? never), AdminList.Cell(status.lastSuccessAt.map(time.absolute) ?? never),
                    AdminList.Cell(String(status.importedCount)), AdminList.Cell(String(status.skippedCount)),
                    AdminList.Cell(account.isActive ? time.absolute(status.nextPollAt) : "–"),
                ], isInactive: !account.isActive)
            },
            lead: t("admin.mailAccounts.lead")
        )
        (list.newPath, list.newLabel) = ("/admin/mail-accounts/new", t("admin.mailAccounts.new"))
        return try admin.list(list, title: "admin.mailAccounts.title", request: request, context: context)
    }

    private func read(_ form: inout FormReader) -> MailAccountInput {
        var input = MailAccountInput()
        (input.name, input.host, input.username) = (form.text("name"), form.text("host"), form.text("username"))
        input.port = form.int("port")
        input.security = form.choice("security", MailAccountSecurity.tls)
        input.password = form.optional("password")
        input.folder = form.optional("folder")
        input.queueId = form.id("queueId")
        input.isTrusted = form.isChecked("isTrusted")
        input.afterImport = form.choice("afterImport", MailAccountAfterImport.delete)
        input.moveFolder = form.optional("moveFolder")
        input.pollInterval = form.int("pollInterval")
        input.isActive = form.isChecked("isActive")
        return input
    }

    /// The submitted values over `base`, to show the form again as it was sent.
    private func draft(_ input: MailAccountInput, over base: MailAccount = MailAccount(
        id: 0, name: "", host: "", port: 993, security: .tls, username: "", password: "", queueID: 0
    )) -> MailAccount {
        var account = base
        (account.name, account.host, account.username) = (input.name ?? "", input.host ?? "", input.username ?? "")
        account.port = input.port ?? base.port
        account.security = input.security ?? base.security
        account.folder = input.folder ?? "INBOX"
        account.queueID = input.queueId ?? 0
        (account.isTrusted, account.isActive) = (input.isTrusted ?? false, input.isActive ?? false)
        account.afterImport = input.afterImport ?? .delete
        account.moveFolder = input.moveFolder
        account.pollInterval = input.pollInterval ?? base.pollInterval
        return account
    }

    private func page(
        _ view: MailAccountView?, version: Int64? = nil, draft account: MailAccount, _ request: Request, _ context: AppRequestContext,
        issues: [FieldIssue] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        _ = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let master = try await services.masterData.snapshot()
        var form = AdminForm(
            action: view.map { "/admin/mail-accounts/\($0.account.id)" } ?? "/admin/mail-accounts/new", submitLabel: t("action.save"), sections: [
                FormSection(fields: [
                    FormField("name", t("admin.common.name"), value: account.name, isRequired: true),
                    .choice("queueId", t("admin.mailAccounts.queue"), FormOption.records(
                        TreeOrder.flatten(master.queues, parent: \.parentID, name: \.name).map(\.record), selected: account.queueID == 0 ? nil : account.queueID,
                        label: \.name
                    ), hint: t("admin.mailAccounts.queueHint")),
                    .checkbox("isActive", t("admin.common.active"), isChecked: account.isActive),
                ]),
                FormSection(t("admin.mailAccounts.server"), fields: [
                    FormField("host", t("admin.mailAccounts.host"), value: account.host, isRequired: true),
                    .choice("security", t("admin.mailAccounts.security"), MailAccountSecurity.allCases.reversed().map {
                        FormOption($0.rawValue, t("admin.mailAccounts.securities.\($0.rawValue)"), selected: $0 == account.security)
                    }),
                    FormField("port", t("admin.mailAccounts.port"), .number, value: view == nil && issues.isEmpty ? "" : String(account.port),
                              hint: t("admin.mailAccounts.portHint")),
                    FormField("username", t("admin.mailAccounts.username"), value: account.username, isRequired: true),
                    FormField("password", t("admin.mailAccounts.password"), .password,
                              hint: view == nil ? nil : t("admin.mailAccounts.passwordHint"), isRequired: view == nil),
                    FormField("folder", t("admin.mailAccounts.folder"), value: account.folder),
                ]),
                FormSection(t("admin.mailAccounts.handling"), fields: [
                    .choice("afterImport", t("admin.mailAccounts.afterImport"), MailAccountAfterImport.allCases.map {
                        FormOption($0.rawValue, t("admin.mailAccounts.after.\($0.rawValue)"), selected: $0 == account.afterImport)
                    }),
                    FormField("moveFolder", t("admin.mailAccounts.moveFolder"), value: account.moveFolder ?? ""),
                    FormField("pollInterval", t("admin.mailAccounts.pollInterval"), .number, value: String(account.pollInterval)),
                    .checkbox("isTrusted", t("admin.mailAccounts.trusted"), isChecked: account.isTrusted, hint: t("admin.mailAccounts.trustedHint")),
                ]),
            ]
        )
        if let view {
            (form.deleteAction, form.deleteLabel) = ("/admin/mail-accounts/\(view.account.id)/delete", t("admin.common.delete"))
            form.confirmation = t("admin.common.confirmDelete", ["name": view.account.name])
        }
        form.version = version
        form.place(issues)
        return try admin.forms(
            [form], title: view == nil ? "admin.mailAccounts.new" : "admin.mailAccounts.edit", titleArguments: ["name": account.name],
            back: (t("admin.mailAccounts.title"), "/admin/mail-accounts"), request: request, context: context, status: status
        )
    }
}
