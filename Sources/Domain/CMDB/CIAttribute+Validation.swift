import Foundation

extension CIAttribute {
    /// The longest serial number, in characters.
    public static let maximumSerialLength = 100

    /// Checks `input` against this attribute and converts it to a stored value.
    ///
    /// Null and white space mean "no value": `.success(nil)`, or a failure when the attribute is required. Text,
    /// numbers, dates and options follow the dynamic-field rules; booleans accept `true`/`false`, `1`/`0`, `ja`/`nein`,
    /// `yes`/`no`; addresses and serial numbers are normalised. Whether a referenced record exists, and whether a
    /// unique value is taken, is for the caller to check. Issues name the attribute by `key`.
    public func validate(_ input: FieldInput) -> Result<CIValue?, FieldIssue> {
        if input.isEmpty {
            return isRequired ? .failure(issue(.required)) : .success(nil)
        }
        do {
            return .success(try convert(input))
        } catch {
            return .failure(error)
        }
    }

    private func convert(_ input: FieldInput) throws(FieldIssue) -> CIValue {
        switch type {
        case .text, .number, .date, .select, .multiselect:
            switch fieldDefinition.validate(input) {
            case .success(.text(let text)?), .success(.date(let text)?), .success(.selection(let text)?): return .text(text)
            case .success(.number(let number)?): return .number(number)
            case .success(.selections(let options)?): return .list(options)
            case .failure(let issue): throw issue
            default: throw issue(.required)
            }
        case .boolean: return .bool(try boolean(input))
        case .contactReference, .organisationReference, .userReference, .itemReference: return .number(Double(try reference(input)))
        case .ipAddress:
            guard let address = NetworkAddress.canonicalIP(try line(input)) else {
                throw issue(.invalidFormat, "Enter an IPv4 or IPv6 address, such as 10.1.2.3 or 2001:db8::1.")
            }
            return .text(address)
        case .macAddress:
            guard let address = NetworkAddress.canonicalMAC(try line(input)) else {
                throw issue(.invalidFormat, "Enter a MAC address of six hexadecimal pairs, such as 00:1a:2b:3c:4d:5e.")
            }
            return .text(address)
        case .serialNumber: return .text(try serial(input))
        }
    }

    private func line(_ input: FieldInput) throws(FieldIssue) -> String {
        switch input {
        case .string(let text): return text.trimmingCharacters(in: .whitespaces)
        case .number(let number) where type == .serialNumber: return FieldValue.jsonNumber(number)
        default: throw issue(.invalidFormat, "Enter text.")
        }
    }

    private func boolean(_ input: FieldInput) throws(FieldIssue) -> Bool {
        switch input {
        case .bool(let value): return value
        case .number(let number) where number == 0 || number == 1: return number == 1
        case .string(let text):
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1", "ja", "yes", "wahr", "x": return true
            case "false", "0", "nein", "no", "falsch": return false
            default: break
            }
        default: break
        }
        throw issue(.invalidChoice, "Enter true or false (ja or nein).")
    }

    private func reference(_ input: FieldInput) throws(FieldIssue) -> Int64 {
        let id: Int64? = switch input {
        case .number(let number) where number == number.rounded() && number >= 1 && number < 9.2e18: Int64(number)
        case .string(let text): Int64(text.trimmingCharacters(in: .whitespaces)).flatMap { $0 >= 1 ? $0 : nil }
        default: nil
        }
        guard let id else { throw issue(.invalidNumber, "Enter the id of the \(referenceNoun), a whole number from 1.") }
        return id
    }

    /// What a reference of this attribute points to, for messages.
    public var referenceNoun: String {
        switch type {
        case .contactReference: "contact"
        case .organisationReference: "organisation"
        case .userReference: "user"
        default: referenceClass.map { "configuration item of class \($0)" } ?? "configuration item"
        }
    }

    private func serial(_ input: FieldInput) throws(FieldIssue) -> String {
        let text = try line(input).uppercased()
        guard text.count <= Self.maximumSerialLength,
              text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-./".unicodeScalars.contains($0) })
        else { throw issue(.invalidFormat, "A serial number has at most \(Self.maximumSerialLength) letters, digits, '-', '.' or '/'.") }
        if regex != nil {
            guard let pattern = fieldDefinition.withPattern(regex).wholeValuePattern(),
                  pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            else { throw issue(.invalidFormat, "The serial number does not have the required format.") }
        }
        return text
    }

    /// An issue of this attribute; `detail`, where given, is the English message in place of the code's generic text.
    func issue(_ code: FieldIssue.Code, _ detail: String? = nil) -> FieldIssue {
        detail.map { FieldIssue(field: key, code, detail: $0) } ?? FieldIssue(field: key, code)
    }
}

extension FieldDefinition {
    /// This definition with another pattern.
    func withPattern(_ pattern: String?) -> FieldDefinition {
        var copy = self
        copy.regex = pattern
        return copy
    }
}
