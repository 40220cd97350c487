import Domain
import Foundation

/// A ticket as callers see it: its attributes with the names of the master data they point to.
public struct TicketView: Sendable, Encodable, Equatable {
    public var id: Int64
    public var number: String
    public var title: String
    public var queueId: Int64
    public var queue: String
    public var stateId: Int64
    public var state: String
    public var stateType: StateType
    public var priorityId: Int64
    public var priority: String
    public var typeId: Int64?
    public var type: String?
    public var serviceId: Int64?
    public var service: String?
    public var ownerId: Int64?
    public var responsibleId: Int64?
    public var contactId: Int64?
    public var organisationId: Int64?
    public var pendingUntil: Date?
    public var mergedIntoId: Int64?
    public var createdAt: Date
    public var changedAt: Date
    public var version: Int64
    /// Dynamic field values by field name (customers see only customer-visible fields).
    public var fields: [String: FieldValue]
    /// Where the ticket stands against its SLA at the time of the answer.
    public var sla: SLASummaryView

    /// The SLA part of a ticket view: enough for a list row (`GET /tickets/{id}/sla` has the clocks).
    public struct SLASummaryView: Sendable, Encodable, Equatable {
        public var slaId: Int64?
        public var name: String?
        /// ok, warning, breached or paused; nil when no clock with a target is open.
        public var status: TicketSLAStatus?
        /// The earliest due time of the running clocks: the escalation time lists sort by.
        public var escalationAt: Date?
        public var warnAt: Date?
    }

    init(_ ticket: Ticket, master: MasterData, fields: [String: FieldValue], now: Date) {
        let state = master.state(ticket.stateID)
        id = ticket.id
        number = ticket.number
        title = ticket.title
        queueId = ticket.queueID
        queue = master.queue(ticket.queueID)?.name ?? ""
        stateId = ticket.stateID
        self.state = state?.name ?? ""
        stateType = state?.type ?? .open
        priorityId = ticket.priorityID
        priority = master.priority(ticket.priorityID)?.name ?? ""
        typeId = ticket.typeID
        type = ticket.typeID.flatMap(master.type)?.name
        serviceId = ticket.serviceID
        service = ticket.serviceID.flatMap(master.service)?.name
        ownerId = ticket.ownerID
        responsibleId = ticket.responsibleID
        contactId = ticket.contactID
        organisationId = ticket.organisationID
        pendingUntil = ticket.pendingUntil
        mergedIntoId = ticket.mergedIntoID
        createdAt = ticket.createdAt
        changedAt = ticket.changedAt
        version = ticket.version
        self.fields = fields
        sla = SLASummaryView(
            slaId: ticket.sla.slaID, name: ticket.sla.slaID.flatMap(master.sla)?.name, status: ticket.sla.status(at: now),
            escalationAt: ticket.sla.escalationAt, warnAt: ticket.sla.warnAt
        )
    }
}
