import Foundation

extension FieldIssue {
    /// The kinds of input problems, each with the parameters its text needs.
    ///
    /// `name` is the stable machine name (REST `errors[].code`, translation key `validation.NAME`);
    /// `parameters` fill the `{name}` placeholders of the texts.
    public enum Code: Sendable, Equatable {
        /// No value, though one is needed.
        case required
        /// Text longer than `max` characters.
        case tooLong(max: Int)
        /// Text shorter than `min` characters.
        case tooShort(min: Int)
        /// Text that must have `min` to `max` characters.
        case length(min: Int, max: Int)
        /// Line breaks or control characters where one line of text is expected.
        case singleLine
        /// Text that does not have the expected form (a pattern, a kind of value).
        case invalidFormat
        /// Not a number.
        case invalidNumber
        /// Not a real date or time; `example` shows a good one.
        case invalidDate(example: String)
        /// Not one of the values offered.
        case invalidChoice
        /// A number outside `min...max`.
        case outOfRange(min: String, max: String)
        /// A number below `min`.
        case tooSmall(min: String)
        /// A number above `max`.
        case tooLarge(max: String)
        /// More than `max` entries.
        case tooMany(max: Int)
        /// Fewer than `min` or more than `max` entries.
        case count(min: Int, max: Int)
        /// An id or name that names no record the caller may use.
        case unknownReference(reference: String)
        /// The same value listed more than once.
        case duplicate
        /// A unique value another record already has.
        case taken
        /// A record that would refer to (or lie below) itself.
        case selfReference
        /// Not a mail address.
        case invalidAddress
        /// A value the caller may not set, or not in this situation.
        case notAllowed
        /// A secret or code that does not match (a password, a one-time code).
        case incorrect
        /// Not a valid regular expression.
        case invalidPattern
        /// A machine name that is not 1 to `max` characters: a lowercase letter, then lowercase letters, digits or underscores.
        case machineName(max: Int)
        /// A range (of times, of numbers) whose end does not come after its start.
        case endBeforeStart
        /// Placeholders (such as `{{ticket.numbr}}`) the text may not use; `placeholders` lists them.
        case unknownPlaceholders(placeholders: String)
        /// None of a group of alternatives given, though at least one is needed.
        case atLeastOne
        /// Ranges (of working time) that overlap.
        case overlap
        /// A reference to something that comes later, where only earlier things may be named (a form's conditions).
        case forwardReference

        /// The machine names of all codes.
        public enum Name: String, CaseIterable, Sendable {
            case required, tooLong, tooShort, length, singleLine, invalidFormat, invalidNumber, invalidDate, invalidChoice
            case outOfRange, tooSmall, tooLarge, tooMany, unknownReference, duplicate, taken, selfReference, invalidAddress
            case notAllowed, incorrect, count, invalidPattern, machineName, endBeforeStart, unknownPlaceholders, atLeastOne, overlap,
            forwardReference
        }

        /// The stable machine name.
        public var name: Name {
            switch self {
            case .required: .required
            case .tooLong: .tooLong
            case .tooShort: .tooShort
            case .length: .length
            case .singleLine: .singleLine
            case .invalidFormat: .invalidFormat
            case .invalidNumber: .invalidNumber
            case .invalidDate: .invalidDate
            case .invalidChoice: .invalidChoice
            case .outOfRange: .outOfRange
            case .tooSmall: .tooSmall
            case .tooLarge: .tooLarge
            case .tooMany: .tooMany
            case .unknownReference: .unknownReference
            case .duplicate: .duplicate
            case .taken: .taken
            case .selfReference: .selfReference
            case .invalidAddress: .invalidAddress
            case .notAllowed: .notAllowed
            case .incorrect: .incorrect
            case .count: .count
            case .invalidPattern: .invalidPattern
            case .machineName: .machineName
            case .endBeforeStart: .endBeforeStart
            case .unknownPlaceholders: .unknownPlaceholders
            case .atLeastOne: .atLeastOne
            case .overlap: .overlap
            case .forwardReference: .forwardReference
            }
        }

        /// The values the texts fill in, by placeholder name.
        public var parameters: [String: String] {
            switch self {
            case .tooLong(let max), .tooMany(let max), .machineName(let max): ["max": String(max)]
            case .count(let min, let max): ["min": String(min), "max": String(max)]
            case .unknownPlaceholders(let placeholders): ["placeholders": placeholders]
            case .tooShort(let min): ["min": String(min)]
            case .length(let min, let max): ["min": String(min), "max": String(max)]
            case .invalidDate(let example): ["example": example]
            case .outOfRange(let min, let max): ["min": min, "max": max]
            case .tooSmall(let min): ["min": min]
            case .tooLarge(let max): ["max": max]
            case .unknownReference(let reference): ["reference": reference]
            case .required, .singleLine, .invalidFormat, .invalidNumber, .invalidChoice, .duplicate, .taken, .selfReference, .invalidAddress,
                 .notAllowed, .incorrect, .invalidPattern, .endBeforeStart, .atLeastOne, .overlap, .forwardReference:
                [:]
            }
        }

        /// The English text with the parameters filled in: the issue's `message`.
        public var englishText: String {
            Self.fill(Self.englishTemplate(name), parameters)
        }

        /// The English text of each code, with `{name}` placeholders.
        public static func englishTemplate(_ name: Name) -> String {
            switch name {
            case .required: "A value is required."
            case .tooLong: "At most {max} characters."
            case .tooShort: "At least {min} characters."
            case .length: "Needs {min} to {max} characters."
            case .singleLine: "One line only, without control characters."
            case .invalidFormat: "Not in the expected form."
            case .invalidNumber: "Enter a number."
            case .invalidDate: "Enter a real date, such as {example}."
            case .invalidChoice: "Choose one of the offered values."
            case .outOfRange: "Between {min} and {max}."
            case .tooSmall: "At least {min}."
            case .tooLarge: "At most {max}."
            case .tooMany: "At most {max} entries."
            case .unknownReference: "There is nothing with the id or name {reference}."
            case .duplicate: "Listed more than once."
            case .taken: "Already taken; choose another."
            case .selfReference: "A record cannot refer to or lie below itself."
            case .invalidAddress: "Not a mail address."
            case .notAllowed: "Not allowed here."
            case .incorrect: "Not correct; check the entry."
            case .count: "Needs {min} to {max} entries."
            case .invalidPattern: "Not a valid regular expression."
            case .machineName: "1 to {max} characters: a lowercase letter, then lowercase letters, digits or underscores."
            case .endBeforeStart: "The end must come after the start."
            case .unknownPlaceholders: "Unknown placeholders: {placeholders}."
            case .atLeastOne: "Fill in or choose at least one of these."
            case .overlap: "The ranges overlap."
            case .forwardReference: "Refer only to something that comes earlier."
            }
        }

        /// `template` with each `{name}` replaced by its parameter.
        public static func fill(_ template: String, _ parameters: [String: String]) -> String {
            parameters.reduce(template) { text, parameter in text.replacingOccurrences(of: "{\(parameter.key)}", with: parameter.value) }
        }
    }
}
