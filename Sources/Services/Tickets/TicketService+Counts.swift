import Domain
import Store

/// How many tickets one queue holds in one state.
public struct TicketCount: Sendable, Equatable {
    public var queueId: Int64
    public var queue: String
    public var stateId: Int64
    public var state: String
    public var stateType: StateType
    public var count: Int
}

extension TicketService {
    /// The principal's tickets that are not closed, counted per queue and state (what a dashboard shows).
    public func openCounts(for principal: Principal) async throws -> [TicketCount] {
        let master = try await masterData.current(context.database)
        let states = master.states.filter { !$0.type.isClosed }
        let scope = AccessPolicy.ticketScope(for: principal)
        let rows = try await context.database.read { db in
            try await TicketRepository(db, dialect: context.database.dialect).counts(
                inQueues: master.queues.map(\.id), states: states.map(\.id), in: scope
            )
        }
        return rows.compactMap { row in
            guard let queue = master.queue(row.queueID), let state = master.state(row.stateID) else { return nil }
            return TicketCount(queueId: queue.id, queue: queue.name, stateId: state.id, state: state.name, stateType: state.type, count: row.count)
        }
    }
}
