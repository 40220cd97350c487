import Foundation

/// Timestamps as text in history and settings: RFC 3339 in UTC with milliseconds.
enum Timestamp {
    static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
