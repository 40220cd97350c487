/// The interface texts of one request, called like a function: `t("admin.queues.title")`.
struct AdminTexts {
    let admin: AdminPages
    let context: AppRequestContext

    func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        admin.text(key, context, arguments)
    }

    /// "Yes"/"No" for a flag in a list.
    func flag(_ value: Bool) -> String {
        self(value ? "admin.common.yes" : "admin.common.no")
    }

    /// Whether the page is shown in English (for the English names of states, priorities and types).
    var isEnglish: Bool { context.language == .en }
}
