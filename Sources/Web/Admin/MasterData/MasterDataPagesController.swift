import Domain
import Hummingbird
import Services
import Store

/// One kind of master data as the admin pages show it: its list columns, its form, and how a submitted form
/// becomes a record for `MasterDataService.save`, the use case the REST API calls too.
protocol MasterDataPage: Sendable {
    associatedtype Record: StoredRecord & Named & Sendable

    /// The path below `/admin/` and the group of its texts under `admin.` (`queues`).
    var path: String { get }
    /// What a new record starts as.
    var blank: Record { get }
    func records(in master: MasterData) -> [Record]
    func isActive(_ record: Record) -> Bool
    func columns(_ t: AdminTexts) -> [String]
    /// The list cells after the name (which links to the form).
    func cells(_ record: Record, in master: MasterData, _ t: AdminTexts) -> [AdminList.Cell]
    func sections(_ record: Record, in master: MasterData, _ t: AdminTexts) -> [FormSection]
    /// The record with the submitted values applied.
    func read(_ form: inout FormReader, into record: Record) -> Record
    /// Pages related to one record (a queue's mail texts).
    func links(_ record: Record, _ t: AdminTexts) -> [(label: String, path: String)]
}

extension MasterDataPage {
    func links(_ record: Record, _ t: AdminTexts) -> [(label: String, path: String)] { [] }
}

/// The list, creation and editing pages of one kind of master data (`/admin/queues`, `/admin/queues/new`,
/// `/admin/queues/{id}`); trees are shown indented.
struct MasterDataPagesController<Page: MasterDataPage> {
    let page: Page
    let services: WebServices
    let admin: AdminPages

    init(_ page: Page, services: WebServices, admin: AdminPages) {
        self.page = page
        self.services = services
        self.admin = admin
    }

    func register(on group: RouterGroup<AppRequestContext>) {
        let path = page.path
        group.get(RouterPath(stringLiteral: path)) { request, context -> Response in try await list(request, context) }
        group.get(RouterPath(stringLiteral: path + "/new")) { request, context -> Response in
            try await form(page.blank, request, context)
        }
        group.post(RouterPath(stringLiteral: path + "/new")) { request, context -> Response in
            try await save(page.blank, request, context)
        }
        group.get(RouterPath(stringLiteral: path + "/:id")) { request, context -> Response in
            let existing = try await existing(context)
            return try await form(existing.record, version: existing.version, request, context)
        }
        group.post(RouterPath(stringLiteral: path + "/:id")) { request, context -> Response in
            try await save(try await existing(context).record, request, context)
        }
    }

    private func existing(_ context: AppRequestContext) async throws -> Versioned<Page.Record> {
        _ = try context.requireAdmin()
        return try await services.masterData.find(Page.Record.self, try context.id())
    }

    private func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let master = try await services.masterData.snapshot()
        let ordered = TreeOrder.flatten(page.records(in: master), parent: \.parentReference, name: \.name)
        var list = AdminList(
            columns: [t("admin.common.name")] + page.columns(t),
            rows: ordered.map { record, depth in
                var name = AdminList.Cell(record.name, href: "/admin/\(page.path)/\(record.id)")
                if !page.isActive(record) { (name.badge, name.tone) = (t("admin.common.inactive"), "muted") }
                return AdminList.Row(cells: [name] + page.cells(record, in: master, t), depth: depth, isInactive: !page.isActive(record))
            },
            lead: t("admin.\(page.path).lead")
        )
        (list.newPath, list.newLabel) = ("/admin/\(page.path)/new", t("admin.\(page.path).new"))
        return try admin.list(list, title: "admin.\(page.path).title", request: request, context: context)
    }

    private func form(
        _ record: Page.Record, version: Int64? = nil, _ request: Request, _ context: AppRequestContext, issues: [FieldIssue] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        _ = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let isNew = record.id == 0
        var form = AdminForm(
            action: isNew ? "/admin/\(page.path)/new" : "/admin/\(page.path)/\(record.id)", submitLabel: t("action.save"),
            sections: page.sections(record, in: try await services.masterData.snapshot(), t)
        )
        form.version = version
        form.place(issues)
        return try admin.forms(
            [form], title: isNew ? "admin.\(page.path).new" : "admin.\(page.path).edit", titleArguments: ["name": record.name],
            back: (t("admin.\(page.path).title"), "/admin/\(page.path)"), links: isNew ? [] : page.links(record, t),
            request: request, context: context, status: status
        )
    }

    private func save(_ record: Page.Record, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let principal = try context.requireAdmin()
        var reader = admin.reader(context)
        let draft = page.read(&reader, into: record)
        let version = reader.version()
        return try await admin.submit(context, reading: reader, success: "/admin/\(page.path)", notice: "adminSaved") { issues, status in
            try await form(draft, version: version, request, context, issues: issues, status: status)
        } stale: {
            let current = try await services.masterData.find(Page.Record.self, record.id)
            let explanation = try await StaleEdit.explanation(kind: Page.Record.table, id: record.id, services: services, admin: admin, context: context)
            return try await form(current.record, version: current.version, request, context, issues: [explanation], status: .preconditionFailed)
        } save: {
            _ = try await services.masterData.save(draft, expectedVersion: version, by: principal)
        }
    }
}
