import Domain

/// What the postmaster filters decided for one mail: values for the ticket it opens, or that it is dropped.
struct MailFilterVerdict: Sendable {
    var queueID: Int64?
    var priorityID: Int64?
    var typeID: Int64?
    var fields: [String: String] = [:]
    /// The name of the filter that dropped the mail, if one did.
    var ignoredBy: String?

    /// Takes over what a matching filter sets; later filters override earlier ones.
    mutating func take(_ actions: MailFilterActions, from filter: MailFilter) {
        queueID = actions.queueID ?? queueID
        priorityID = actions.priorityID ?? priorityID
        typeID = actions.typeID ?? typeID
        fields.merge(actions.fields ?? [:]) { $1 }
        if actions.ignore == true, ignoredBy == nil { ignoredBy = filter.name }
    }

    /// Sets priority, type and fields on a ticket the mail opens.
    func apply(to ticket: inout NewTicket) {
        ticket.priorityId = priorityID ?? ticket.priorityId
        ticket.typeId = typeID ?? ticket.typeId
        if !fields.isEmpty { ticket.fields = fields.mapValues(FieldInput.string) }
    }
}
