import Foundation

extension FieldDefinition {
    /// The longest value of a text field, in characters.
    public static let maximumTextLength = 10_000
    /// The longest value of a textarea field, in characters.
    public static let maximumTextareaLength = 100_000

    /// Checks `input` against this definition and converts it to a typed value.
    ///
    /// Null, white space only and empty arrays mean "no value": `.success(nil)`, or a failure when the field is
    /// required. A required checkbox must be ticked. Numbers, dates, instants, checkbox words and ids are
    /// accepted from strings too (surrounding white space ignored); text and options are taken exactly.
    /// Whether a referenced record exists is for the caller to check. Issues name the field by `name`.
    public func validate(_ input: FieldInput) -> Result<FieldValue?, FieldIssue> {
        if input.isEmpty {
            return isRequired ? .failure(issue(.required)) : .success(nil)
        }
        do {
            let value = try convert(input)
            if isRequired, value == .checkbox(false) {
                return .failure(issue(.required))
            }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    private func convert(_ input: FieldInput) throws(FieldIssue) -> FieldValue {
        switch type {
        case .text: try text(input, maximumLength: Self.maximumTextLength, allowsLineBreaks: false)
        case .textarea: try text(input, maximumLength: Self.maximumTextareaLength, allowsLineBreaks: true)
        case .number: try number(input)
        case .date: try date(input)
        case .datetime: try datetime(input)
        case .select: try selection(input)
        case .multiselect: try selections(input)
        case .checkbox: try checkbox(input)
        case .contactReference: try reference(input, to: "contact")
        case .userReference: try reference(input, to: "user")
        case .configItemReference: try reference(input, to: "configuration item")
        }
    }

    private func text(_ input: FieldInput, maximumLength: Int, allowsLineBreaks: Bool) throws(FieldIssue) -> FieldValue {
        guard case .string(let text) = input else { throw issue(.invalidFormat) }
        guard text.count <= maximumLength else {
            throw issue(.tooLong(max: maximumLength))
        }
        for scalar in text.unicodeScalars where scalar.properties.generalCategory == .control && scalar != "\t" {
            guard allowsLineBreaks, scalar == "\n" || scalar == "\r" else {
                throw issue(.singleLine)
            }
        }
        if regex != nil {
            guard let pattern = wholeValuePattern() else {
                throw FieldIssue(field: name, .invalidPattern, detail: "The field's pattern is invalid; an administrator must correct it.")
            }
            guard pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil else {
                throw issue(.invalidFormat)
            }
        }
        return .text(text)
    }

    private func number(_ input: FieldInput) throws(FieldIssue) -> FieldValue {
        let number: Double
        switch input {
        case .number(let value): number = value
        case .string(let text):
            guard let value = Self.decimalNumber(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw issue(.invalidNumber)
            }
            number = value
        default: throw issue(.invalidNumber)
        }
        guard number.isFinite else { throw issue(.invalidNumber) }
        if let minimum, number < minimum {
            throw issue(.tooSmall(min: FieldValue.jsonNumber(minimum)))
        }
        if let maximum, number > maximum {
            throw issue(.tooLarge(max: FieldValue.jsonNumber(maximum)))
        }
        return .number(number)
    }

    private func date(_ input: FieldInput) throws(FieldIssue) -> FieldValue {
        guard case .string(let text) = input,
              let date = GregorianDate(isoText: text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw issue(.invalidDate(example: "2026-11-27")) }
        return .date(date.isoText)
    }

    private func datetime(_ input: FieldInput) throws(FieldIssue) -> FieldValue {
        guard case .string(let text) = input,
              let date = InternetDateTime.parse(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw issue(.invalidDate(example: "2026-11-27T14:05:00+01:00")) }
        return .datetime(Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000))
    }

    private func selection(_ input: FieldInput) throws(FieldIssue) -> FieldValue {
        guard case .string(let option) = input, options.contains(option) else {
            throw issue(.invalidChoice)
        }
        return .selection(option)
    }

    private func selections(_ input: FieldInput) throws(FieldIssue) -> FieldValue {
        let items: [FieldInput] = switch input {
        case .array(let items): items
        default: [input]
        }
        var chosen: Set<String> = []
        for item in items where !item.isEmpty {
            guard case .string(let option) = item, options.contains(option) else {
                throw issue(.invalidChoice)
            }
            guard chosen.insert(option).inserted else { throw issue(.duplicate) }
        }
        return .selections(options.filter(chosen.contains))
    }

    private func checkbox(_ input: FieldInput) throws(FieldIssue) -> FieldValue {
        switch input {
        case .bool(let isChecked): return .checkbox(isChecked)
        case .string(let text):
            switch text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
            case "true", "1": return .checkbox(true)
            case "false", "0": return .checkbox(false)
            default: break
            }
        default: break
        }
        throw issue(.invalidChoice)
    }

    private func reference(_ input: FieldInput, to noun: String) throws(FieldIssue) -> FieldValue {
        let id: Int64? = switch input {
        case .number(let number) where number == number.rounded() && number >= 1 && number < 9.2e18: Int64(number)
        case .string(let text): Self.positiveID(text.trimmingCharacters(in: .whitespacesAndNewlines))
        default: nil
        }
        guard let id else { throw issue(.invalidNumber) }
        return .reference(id)
    }

    private func issue(_ code: FieldIssue.Code) -> FieldIssue {
        FieldIssue(field: name, code)
    }

    /// The value of plain decimal notation (`-12`, `3.5`, `.5`, `1e3`); nil for anything else, including
    /// hexadecimal, `inf` and `nan`, which `Double.init` would accept.
    private static func decimalNumber(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        var index = 0
        func isDigit(_ index: Int) -> Bool {
            index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
        }
        func skipDigits() -> Int {
            let start = index
            while isDigit(index) { index += 1 }
            return index - start
        }

        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        var digits = skipDigits()
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            digits += skipDigits()
        }
        guard digits > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { return nil }
        }
        guard index == bytes.count else { return nil }
        return Double(text)
    }

    /// The value of a run of ASCII digits if it is at least 1 and fits `Int64`.
    private static func positiveID(_ text: String) -> Int64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let value = Int64(text), value >= 1
        else { return nil }
        return value
    }
}
