import Domain
import Foundation
import Store

extension MasterDataService {
    /// Which SLA applies where: readable by agents, since it explains their tickets' due times.
    public func slaConfiguration(for principal: Principal) async throws -> SLAConfiguration {
        try AccessPolicy.requireAgent(principal)
        return try await snapshot().slaConfiguration
    }

    /// Replaces the SLA bindings and default calendar after checking that every id they name exists and no
    /// binding repeats another's scope, type and priority. Tickets pick the new assignment up with their next
    /// change of queue, service, type or priority; new tickets at once.
    public func saveSLAConfiguration(_ configuration: SLAConfiguration, by principal: Principal) async throws -> SLAConfiguration {
        try AccessPolicy.requireAdmin(principal)
        let master = try await snapshot()
        var issues = SLAAssignment.validate(configuration.bindings)
        if let id = configuration.defaultCalendarID, master.calendar(id) == nil {
            issues.append(FieldIssue(field: "defaultCalendarId", .unknownReference(reference: String(id))))
        }
        if let id = configuration.escalationRoleID {
            let exists = try await context.database.read { db in try await RoleRepository(db).find(id) != nil }
            if !exists { issues.append(FieldIssue(field: "escalationRoleId", .unknownReference(reference: String(id)))) }
        }
        for (index, binding) in configuration.bindings.enumerated() {
            let field = "bindings[\(index)]"
            switch binding.scope {
            case .service(let id) where master.service(id) == nil:
                issues.append(FieldIssue(field: field + ".scopeId", .unknownReference(reference: String(id))))
            case .queue(let id) where master.queue(id) == nil:
                issues.append(FieldIssue(field: field + ".scopeId", .unknownReference(reference: String(id))))
            default:
                break
            }
            if let id = binding.typeID, master.type(id) == nil {
                issues.append(FieldIssue(field: field + ".typeId", .unknownReference(reference: String(id))))
            }
            if let id = binding.priorityID, master.priority(id) == nil {
                issues.append(FieldIssue(field: field + ".priorityId", .unknownReference(reference: String(id))))
            }
            if master.sla(binding.slaID) == nil {
                issues.append(FieldIssue(field: field + ".slaId", .unknownReference(reference: String(binding.slaID))))
            }
        }
        guard issues.isEmpty else { throw DomainError.invalid("The SLA assignment is not valid.", issues: issues) }
        let now = context.now()
        try await context.database.transaction { db in
            try await SLAConfigurationStore(db).save(configuration)
            try await EventRepository(db).append(
                type: EventType.masterDataChanged, ticketID: nil, actorID: principal.userID,
                payload: EventPayload.json(["kind": "slaConfiguration", "action": "updated"]), at: now
            )
        }
        await cache.invalidate()
        return configuration
    }
}
