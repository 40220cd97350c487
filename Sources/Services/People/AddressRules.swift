import Domain

/// Checks and normalises a bare mail address (`local@domain`), lowercased.
enum AddressRules {
    static func normalise(_ text: String, field: String = "customer") throws(DomainError) -> String {
        let address = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard address.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !address.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" || $0.asciiValue.map { $0 < 32 } ?? false })
        else {
            throw .invalid(FieldIssue(field: field, .invalidAddress))
        }
        return address
    }
}
