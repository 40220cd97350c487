import Foundation

extension Date {
    /// Milliseconds since 1970, the way the schema stores timestamps.
    public var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    /// The date for a stored millisecond timestamp.
    public init(millis: Int64) {
        self.init(timeIntervalSince1970: Double(millis) / 1000)
    }
}
