/// The interface texts of one request, called like a function: `t("admin.queues.title")`.
struct AdminTexts {
    let admin: AdminPages
    let context: AppRequestContext

    func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        admin.text(key, context, arguments)
    }

    /// The text of `key`, or nil when there is none (for keys made from stored values, such as a change's kind).
    func known(_ key: String) -> String? {
        let text = self(key)
        return text == key ? nil : text
    }

    /// "Yes"/"No" for a flag in a list.
    func flag(_ value: Bool) -> String {
        self(value ? "admin.common.yes" : "admin.common.no")
    }

    /// Whether the page is shown in English (for the English names of states, priorities and types).
    var isEnglish: Bool { context.language == .en }
}
