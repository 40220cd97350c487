import Domain
import Services

/// What an admin form says when its save was refused because the record changed after the form was loaded: who
/// changed it and when (from the change log), above the form, which then shows the current values.
enum StaleEdit {
    /// The explanation as a problem of the whole form (no field).
    static func explanation(
        kind: String, id: Int64, services: WebServices, admin: AdminPages, context: AppRequestContext
    ) async throws -> FieldIssue {
        let principal = try context.requireAdmin()
        let change = try await services.adminChanges.latest(kind: kind, objectId: id, by: principal)
        let time = TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
        let who = change.map { $0.actorLogin ?? admin.text("admin.log.system", context) } ?? admin.text("admin.form.someone", context)
        let when = change.map { time.absolute($0.at) } ?? admin.text("admin.form.recently", context)
        return FieldIssue(field: "", message: admin.text("admin.form.stale", context, ["who": who, "when": when]))
    }
}
