import Mustache

// Templates read rows by name. Answering those names directly spares Mustache its `Mirror` walk, which
// demangles every field's type on every lookup: at 50 rows a page that was most of a list page's CPU time.
// A name a row does not have answers nil, so the lookup continues up the context stack as with `Mirror`.

extension TicketRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "number": number
        case "title": title
        case "queue": queue
        case "state": state
        case "stateType": stateType
        case "priority": priority
        case "priorityRank": priorityRank
        case "requester": requester
        case "organisation": organisation
        case "owner": owner
        case "responsible": responsible
        case "age": age
        case "created": created
        case "changed": changed
        case "sla": sla
        case "isPending": isPending
        case "pendingUntil": pendingUntil
        default: nil
        }
    }
}

extension TicketRow.SLACell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "status": status
        case "label": label
        case "due": due
        case "dueAt": dueAt
        default: nil
        }
    }
}

extension TicketTable: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rows": rows
        case "hasRows": hasRows
        case "count": count
        default: nil
        }
    }
}
