/// File name extensions for media types, for attachments that come without a name.
enum FileExtension {
    static func forMediaType(_ mimeType: String) -> String {
        if let known = known[mimeType] { return known }
        let subtype = mimeType.split(separator: "/").last.map(String.init) ?? ""
        let plain = subtype.hasPrefix("x-") ? String(subtype.dropFirst(2)) : subtype
        return !plain.isEmpty && plain.utf8.count <= 5 && plain.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x30 && $0 <= 0x39 })
            ? plain : "bin"
    }

    private static let known: [String: String] = [
        "text/plain": "txt", "text/html": "html", "text/calendar": "ics", "text/csv": "csv",
        "text/rfc822-headers": "txt", "message/delivery-status": "txt", "message/global-delivery-status": "txt",
        "message/disposition-notification": "txt", "image/jpeg": "jpg", "image/svg+xml": "svg",
        "application/pgp-signature": "asc", "application/pkcs7-signature": "p7s",
        "application/x-pkcs7-signature": "p7s", "application/pkcs7-mime": "p7m", "application/msword": "doc",
        "application/vnd.ms-excel": "xls", "application/octet-stream": "bin",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
        "application/vnd.ms-outlook": "msg", "application/ms-tnef": "dat", "application/vnd.ms-tnef": "dat",
    ]
}
