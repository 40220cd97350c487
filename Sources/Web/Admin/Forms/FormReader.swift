import Domain

/// Reads the values of a submitted admin form into the types the Services take, collecting one problem per value
/// that cannot be read (a number that is none, say), so that the form comes back with all of them at once.
struct FormReader {
    let form: FormData
    /// The page's texts, for the problems found while reading.
    let t: AdminTexts
    private(set) var issues: [FieldIssue] = []

    init(_ form: FormData, texts: AdminTexts) {
        self.form = form
        t = texts
    }

    /// The trimmed text, or "" when absent.
    func text(_ name: String) -> String { form.trimmed(name) ?? "" }

    /// The trimmed text, or nil when absent or blank.
    func optional(_ name: String) -> String? { form.trimmed(name) }

    /// The text exactly as sent (signatures and templates keep their white space).
    func raw(_ name: String) -> String { form[name] ?? "" }

    func isChecked(_ name: String) -> Bool { form.isChecked(name) }

    /// A whole number, nil when blank; anything else is a problem with the field.
    mutating func int(_ name: String) -> Int? {
        guard let text = form.trimmed(name) else { return nil }
        guard let value = Int(text) else {
            issues.append(FieldIssue(field: name, .invalidNumber))
            return nil
        }
        return value
    }

    /// A number (a comma counts as the decimal point), nil when blank; anything else is a problem with the field.
    mutating func number(_ name: String) -> Double? {
        guard let text = form.trimmed(name) else { return nil }
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")) else {
            issues.append(FieldIssue(field: name, .invalidNumber))
            return nil
        }
        return value
    }

    /// The version of the record the form was loaded with (the hidden `version`); nil when the form has none.
    func version() -> Int64? {
        form.trimmed("version").flatMap(Int64.init)
    }

    /// A record id chosen in a select list, nil for "none".
    mutating func id(_ name: String) -> Int64? {
        int(name).map(Int64.init)
    }

    /// The value of a select list of an enumeration; `fallback` when absent or unknown.
    func choice<Value: RawRepresentable>(_ name: String, _ fallback: Value) -> Value where Value.RawValue == String {
        form.trimmed(name).flatMap(Value.init(rawValue:)) ?? fallback
    }

    /// Adds a problem found while reading.
    mutating func report(_ field: String, _ message: String) {
        issues.append(FieldIssue(field: field, message: message))
    }

    /// Throws the collected problems as the Services would, so that the page shows them the same way.
    func requireReadable() throws(DomainError) {
        if !issues.isEmpty { throw DomainError.invalid("Some values cannot be read.", issues: issues) }
    }
}
