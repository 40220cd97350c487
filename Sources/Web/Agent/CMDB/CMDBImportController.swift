import Domain
import Foundation
import Hummingbird
import Services

/// The import page `/agent/cmdb/import`: upload a CSV or JSON file for a class, check it in a dry run (a report of the
/// problems per row), then import it. Only agents who may change the CMDB see it.
struct CMDBImportController {
    let services: WebServices
    let pages: PageRenderer

    func register(on agent: RouterGroup<AppRequestContext>) {
        agent.get("cmdb/import") { request, context -> Response in
            try await render(request, context, principal: try context.requireCMDBWriter())
        }
        agent.post("cmdb/import") { request, context -> Response in
            let principal = try context.requireCMDBWriter()
            let form = context.form
            let className = form.trimmed("class") ?? ""
            let file = form.files.first { $0.field == "file" }
            let content = file.map { $0.data.base64EncodedString() } ?? form.trimmed("contentBase64")
            let fileName = file?.filename ?? form.trimmed("fileName") ?? ""
            guard let content else {
                return try await render(request, context, principal: principal, sent: form, fileError: pages.text("cmdb.import.noFile", context))
            }
            let isJSON = fileName.lowercased().hasSuffix(".json") || file?.contentType.contains("json") == true || form["format"] == "json"
            let dryRun = form["mode"] != "import"
            let importRequest = ConfigItemImportRequest(class: className, format: isJSON ? .json : .csv, contentBase64: content, dryRun: dryRun,
                                                        upsertBy: form.trimmed("upsertBy"))
            do {
                let report = try await services.configItems.importItems(importRequest, by: principal)
                let pending = dryRun && report.errors.isEmpty
                    ? ["contentBase64": content, "fileName": fileName, "format": isJSON ? "json" : "csv"] : nil
                return try await render(request, context, principal: principal, sent: form, report: report, pending: pending)
            } catch DomainError.invalid(let message, let issues) {
                let rows = issues.map { ["field": $0.field, "message": pages.text(of: $0, context)] }
                return try await render(request, context, principal: principal, sent: form, failure: ["message": message, "issues": rows])
            }
        }
    }

    private func render(
        _ request: Request, _ context: AppRequestContext, principal: Principal, sent: FormData? = nil, fileError: String? = nil,
        report: ConfigItemImportReport? = nil, pending: [String: String]? = nil, failure: [String: Any]? = nil
    ) async throws -> Response {
        let labels = CMDBLabels(pages: pages, context: context)
        let chosen = sent?["class"]
        let classes = labels.sorted(try await services.cmdbClasses.classes(for: principal))
        var view: [String: Any] = [
            "classes": classes.map { ["value": $0.name, "name": labels.className($0), "selected": $0.name == chosen] as [String: Any] },
            "upsertBy": sent?["upsertBy"] ?? "",
        ]
        if let fileError { view["fileError"] = fileError }
        if let report {
            view["report"] = [
                "dryRun": report.dryRun, "rows": report.rows, "created": report.created, "updated": report.updated, "unchanged": report.unchanged,
                "errors": report.errors.map { ["row": $0.row, "field": $0.field, "message": pages.text(of: $0.issue, context)] as [String: Any] },
                "hasErrors": !report.errors.isEmpty, "badRows": Set(report.errors.map(\.row)).count,
            ] as [String: Any]
        }
        if let pending { view["pending"] = pending.merging(["class": chosen ?? "", "upsertBy": sent?["upsertBy"] ?? ""]) { $1 } }
        if let failure { view["failure"] = failure }
        let failed = fileError != nil || failure != nil
        return try pages.page("agent/cmdb/import", title: "cmdb.import.title", view: view, context: context, request: request, section: "cmdb",
                              status: failed ? .unprocessableContent : .ok)
    }
}
