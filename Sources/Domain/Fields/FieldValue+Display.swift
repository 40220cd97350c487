import Foundation

extension FieldValue {
    /// The value as a person reads it in `language` (`de` or `en`): choices joined by commas, yes/no for
    /// checkboxes, `#id` for references (callers that know the referenced record name it instead).
    public func displayText(language: String) -> String {
        switch self {
        case .text(let text), .selection(let text), .date(let text): text
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .datetime(let date): InternetDateTime.format(date)
        case .selections(let options): options.joined(separator: ", ")
        case .checkbox(let isChecked): isChecked ? (language == "en" ? "yes" : "ja") : (language == "en" ? "no" : "nein")
        case .reference(let id): "#\(id)"
        }
    }
}
