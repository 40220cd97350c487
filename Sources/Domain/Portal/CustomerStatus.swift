/// A ticket's state as requesters read it, in plain words.
public enum CustomerStatus: String, Sendable, Codable, CaseIterable {
    case received
    case inProgress
    case waitingForYou
    case solved
    case closed

    /// The status of a ticket in `state`: the portal's solved state is `solved`, other finished states `closed`,
    /// new ones `received`, waiting states that pause the SLA (waiting for the requester) `waitingForYou`, the
    /// rest `inProgress`.
    public init(state: TicketState, solvedStateID: Int64?) {
        if state.id == solvedStateID {
            self = .solved
        } else if state.type.isClosed {
            self = .closed
        } else if state.type == .new {
            self = .received
        } else if state.type.isPending, state.suspendsSLA {
            self = .waitingForYou
        } else {
            self = .inProgress
        }
    }

    /// Whether a change into this status is worth a mail to the requester.
    public var isNotified: Bool { self == .inProgress || self == .waitingForYou || self == .solved }

    /// The plain words in `language` (`de` or `en`).
    public func label(in language: String) -> String {
        switch (self, language == "en") {
        case (.received, false): "Eingegangen"
        case (.received, true): "Received"
        case (.inProgress, false): "In Bearbeitung"
        case (.inProgress, true): "In progress"
        case (.waitingForYou, false): "Wartet auf Ihre Antwort"
        case (.waitingForYou, true): "Waiting for your reply"
        case (.solved, false): "Gelöst"
        case (.solved, true): "Solved"
        case (.closed, false): "Abgeschlossen"
        case (.closed, true): "Closed"
        }
    }
}
