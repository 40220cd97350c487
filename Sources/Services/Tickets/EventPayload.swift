import Domain

/// Builds the JSON payload of an event.
enum EventPayload {
    /// The values as one JSON object with sorted keys.
    static func json(_ values: [String: String]) -> String {
        JSONText.object(values)
    }
}
