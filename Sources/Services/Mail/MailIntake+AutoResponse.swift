import Domain

extension MailIntake {
    /// Files one raw RFC 5322 message (see `file`) and then sends the queue's automatic answer, if any
    /// (`AutoResponder`). The answer comes after the commit and never makes the intake fail. `trusted` lets
    /// postmaster filters see `X-Ticketwerk-*` control headers (IMAP accounts marked trusted).
    public func ingest(_ raw: [UInt8], queue queueName: String? = nil, trusted: Bool = false, by principal: Principal = .system) async throws -> MailIntakeResult {
        let result = try await file(raw, queue: queueName, trusted: trusted, by: principal)
        if result.outcome != .bounce {
            await AutoResponder(context: context, tickets: tickets).respond(to: raw, after: result)
        }
        return result
    }
}
