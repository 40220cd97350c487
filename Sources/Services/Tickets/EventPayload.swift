import Domain

/// Builds the JSON payload of an event.
enum EventPayload {
    /// A JSON object of string values with its keys sorted, written by hand: every change appends at least one
    /// event, and `JSONSerialization` cost more than the rest of writing it.
    static func json(_ values: [String: String]) -> String {
        "{" + values.keys.sorted().map { JSONString.literal($0) + ":" + JSONString.literal(values[$0] ?? "") }.joined(separator: ",") + "}"
    }
}
