import Domain
import Foundation
import Services

/// The attribute form of the ticket page read as `TicketChanges`: only what differs from the ticket as it is,
/// so that the Services ask only for the rights of what the agent changed.
struct TicketChangeForm {
    let form: FormData
    let time: TimeText
    let definitions: [FieldDefinition]

    init(form: FormData, time: TimeText, fields: FieldService) async throws {
        self.form = form
        self.time = time
        definitions = try await fields.definitions(for: .ticket)
    }

    func changes(from ticket: TicketView) throws -> TicketChanges {
        var changes = TicketChanges()
        if let title = form["title"], title != ticket.title { changes.title = title }
        if let state = form.id("state"), state != ticket.stateId { changes.stateId = state }
        if let queue = form.id("queue"), queue != ticket.queueId { changes.queueId = queue }
        if let priority = form.id("priority"), priority != ticket.priorityId { changes.priorityId = priority }
        changes.typeId = change("type", from: ticket.typeId)
        changes.serviceId = change("service", from: ticket.serviceId)
        changes.ownerId = change("owner", from: ticket.ownerId)
        changes.responsibleId = change("responsible", from: ticket.responsibleId)
        if let text = form["pendingUntil"] {
            let current = ticket.pendingUntil.map(time.inputValue) ?? ""
            if text.isEmpty {
                if !current.isEmpty { changes.pendingUntil = .clear }
            } else if text != current {
                guard let date = time.date(fromInput: text) else {
                    throw DomainError.invalid(FieldIssue(field: "pendingUntil", .invalidDate(example: "2026-11-30T09:00")))
                }
                changes.pendingUntil = .set(date)
            }
        }
        let fields = FieldControls(time: time).inputs(from: form, definitions, changedFrom: ticket.fields)
        if !fields.isEmpty { changes.fields = fields }
        return changes
    }

    /// A select of an optional attribute (empty for none) as a change, or nil when the form leaves it as it is.
    private func change(_ name: String, from current: Int64?) -> Change<Int64>? {
        guard let text = form[name] else { return nil }
        let chosen = Int64(text)
        guard chosen != current else { return nil }
        return chosen.map(Change.set) ?? .clear
    }
}
