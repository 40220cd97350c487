import Domain

/// Builds the JSON payload of an event.
enum EventPayload {
    /// The values as one JSON object with sorted keys, written by hand: every change appends at least one event,
    /// and `JSONSerialization` cost more than the rest of writing it.
    static func json(_ values: [String: String]) -> String {
        JSONText.object(values)
    }
}
