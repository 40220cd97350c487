import Domain

/// Validation of a mail account's settings, field by field, with the API's field names.
enum MailAccountRules {
    /// Applies `input` over `base` and checks the result; throws every broken rule at once.
    static func merged(_ input: MailAccountInput, over base: MailAccount, isNew: Bool) throws(DomainError) -> MailAccount {
        var account = base
        var issues: [FieldIssue] = []
        func check(_ field: String, _ ok: Bool, _ code: FieldIssue.Code, _ detail: String? = nil) {
            if !ok { issues.append(FieldIssue(field: field, code, detail: detail ?? code.englishText)) }
        }
        func checkLine(_ field: String, _ text: String, max: Int) {
            if !(1...max).contains(text.count) {
                check(field, false, .length(min: 1, max: max))
            } else {
                check(field, isLine(text), .singleLine)
            }
        }
        if let name = input.name { account.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let host = input.host { account.host = host.trimmingCharacters(in: .whitespaces) }
        if let port = input.port { account.port = port }
        if let security = input.security {
            account.security = security
            if input.port == nil, isNew { account.port = security == .tls ? 993 : 143 }
        }
        if let username = input.username { account.username = username }
        if let password = input.password { account.password = password }
        if let folder = input.folder { account.folder = folder }
        if let queueID = input.queueId { account.queueID = queueID }
        if let trusted = input.isTrusted { account.isTrusted = trusted }
        if let afterImport = input.afterImport { account.afterImport = afterImport }
        if let moveFolder = input.moveFolder { account.moveFolder = moveFolder.isEmpty ? nil : moveFolder }
        if let interval = input.pollInterval { account.pollInterval = interval }
        if let active = input.isActive { account.isActive = active }
        if account.afterImport == .delete { account.moveFolder = nil }

        check("name", (1...200).contains(account.name.count), .length(min: 1, max: 200))
        check("host", isHostName(account.host), .invalidFormat, "host must be a host name or an IP address.")
        check("port", (1...65535).contains(account.port), .outOfRange(min: "1", max: "65535"))
        checkLine("username", account.username, max: 320)
        checkLine("password", account.password, max: 1000)
        checkLine("folder", account.folder, max: 500)
        check("queueId", account.queueID > 0, .required, "queueId must name a queue.")
        check("pollInterval", (30...86_400).contains(account.pollInterval), .outOfRange(min: "30", max: "86400"),
              "pollInterval must be between 30 and 86400 seconds.")
        if account.afterImport == .move {
            let folder = account.moveFolder ?? ""
            checkLine("moveFolder", folder, max: 500)
            check("moveFolder", folder != account.folder, .notAllowed, "afterImport 'move' needs a moveFolder other than the folder read.")
        }
        guard issues.isEmpty else { throw .invalid("The mail account has invalid settings.", issues: issues) }
        return account
    }

    private static func isHostName(_ host: String) -> Bool {
        (1...253).contains(host.count)
            && host.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-:".unicodeScalars.contains($0)) }
    }

    private static func isLine(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
