import Foundation

/// A stored request form: its id, the version now current and that version's definition.
public struct RequestFormRecord: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var version: Int64
    public var form: RequestForm
    public var createdAt: Date
    public var changedAt: Date

    public init(id: Int64, version: Int64, form: RequestForm, createdAt: Date, changedAt: Date) {
        self.id = id
        self.version = version
        self.form = form
        self.createdAt = createdAt
        self.changedAt = changedAt
    }
}
