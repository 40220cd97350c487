import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Services

/// Everything the ticket page shows, loaded through the Services with the agent's rights: the header, the SLA
/// clocks with their explanation, the article thread (oldest first), history, links, watchers and time, and the
/// forms for what the agent may do. `TicketPage+Forms` fills in the forms.
struct TicketPage {
    let services: WebServices
    let pages: PageRenderer
    let context: AppRequestContext
    let principal: Principal
    /// For the print view: quoted text is shown, not folded.
    var printing = false

    /// The data a page needs besides the ticket, loaded once.
    struct Loaded {
        var ticket: TicketView
        var master: MasterData
        var articles: [Article]
        var attachments: [Attachment]
        var history: [HistoryEntry]
        var names: DisplayNames
        var contactEmail: String?
        var time: TimeText
        var now: Date
    }

    var time: TimeText { TimeText(language: context.language, timeZone: services.context.configuration.timeZone) }
    var english: Bool { context.language == .en }

    func text(_ key: String, _ arguments: [String: String] = [:]) -> String { pages.text(key, context, arguments) }

    /// The page's view for ticket `id`; `state` is a form sent back for correction.
    func view(_ id: Int64, compose: ComposeRequest?, state: TicketFormState?) async throws -> [String: Any] {
        let tickets = services.tickets
        let ticket = try await tickets.ticket(id, for: principal)
        async let articles = tickets.articles(of: id, for: principal)
        async let attachments = tickets.attachments(of: id, for: principal)
        async let history = tickets.history(of: id, for: principal)
        async let links = tickets.links(of: id, for: principal)
        async let watchers = tickets.watchers(of: id, for: principal)
        async let timeEntries = tickets.timeEntries(of: id, for: principal)
        async let report = tickets.slaReport(of: id, for: principal)
        let master = try await services.masterData.snapshot()
        let historyEntries = try await history
        let articleList = try await articles.map(\.value)
        let watcherIDs = try await watchers
        let entries = try await timeEntries
        var userIDs = Set([ticket.ownerId, ticket.responsibleId].compactMap { $0 } + watcherIDs + entries.map(\.userID))
        userIDs.formUnion(historyEntries.compactMap(\.actorID) + articleList.compactMap(\.createdBy))
        userIDs.formUnion(historyEntries.filter { ["owner", "responsible", "watcher"].contains($0.field) }
            .flatMap { [$0.oldValue, $0.newValue] }.compactMap { $0.flatMap(Int64.init) })
        let names = try await services.people.displayNames(
            contacts: Set([ticket.contactId].compactMap { $0 }), organisations: Set([ticket.organisationId].compactMap { $0 }),
            users: userIDs, by: principal
        )
        let loaded = Loaded(
            ticket: ticket, master: master, articles: articleList, attachments: try await attachments, history: historyEntries,
            names: names, contactEmail: ticket.contactId.flatMap { names.contacts[$0]?.email }, time: time, now: services.context.now()
        )
        var view: [String: Any] = [
            "ticket": header(loaded),
            "sla": sla(try await report, loaded),
            "articles": thread(loaded, compose: compose),
            "history": historyRows(loaded),
            "links": try await linkRows(try await links, ticketID: id),
            "watchers": watcherIDs.map { ["name": names.users[$0] ?? "#\($0)"] },
            "isWatching": watcherIDs.contains(principal.userID),
            "timeEntries": entries.map { entry in
                var row: [String: Any] = ["time": loaded.time.absolute(entry.createdAt), "user": names.users[entry.userID] ?? "", "minutes": entry.minutes]
                if let note = entry.note { row["note"] = note }
                return row
            },
            "totalMinutes": entries.reduce(0) { $0 + $1.minutes },
            "hasTimeEntries": !entries.isEmpty,
            "can": rights(ticket),
        ]
        view.merge(try await forms(loaded, compose: compose, state: state)) { _, new in new }
        if state?.isStale == true { view["stale"] = staleNote(loaded) }
        return view
    }

    /// The ticket page (or with `printing` its print view) as a response; `state` is a form sent back for correction.
    func response(_ id: Int64, request: Request, compose: ComposeRequest? = nil, state: TicketFormState? = nil,
                  status: HTTPResponse.Status = .ok) async throws -> Response {
        let view = try await view(id, compose: compose, state: state)
        let header = view["ticket"] as? [String: Any] ?? [:]
        return try pages.page(
            printing ? "agent/ticket-print" : "agent/ticket", title: "ticketView.title", view: view, context: context, request: request,
            section: "tickets", status: status,
            titleArguments: ["number": header["number"] as? String ?? "", "title": header["title"] as? String ?? ""]
        )
    }

    /// Which actions the agent may take, decided by the same policy the Services enforce.
    func rights(_ ticket: TicketView) -> [String: Bool] {
        let queue = ticket.queueId
        let has = { (rights: QueueRights) in AccessPolicy.has(principal, rights, in: queue) }
        let open = ticket.mergedIntoId == nil
        return [
            "reply": open && has(.reply), "note": open && has(.note), "admin": open && has(.admin), "owner": open && has(.owner),
            "priority": open && has(.priority), "move": open && has(.move), "merge": open && has(.admin), "link": has(.admin),
            "split": open && has(.note), "time": has(.note),
            "edit": open && (has(.admin) || has(.owner) || has(.priority) || has(.move)),
        ]
    }

    private func name(_ state: TicketState?) -> String { ((english ? state?.nameEN : nil) ?? state?.name) ?? "" }

    private func header(_ loaded: Loaded) -> [String: Any] {
        let ticket = loaded.ticket
        let master = loaded.master
        let state = master.state(ticket.stateId)
        let priority = master.priority(ticket.priorityId)
        let type = ticket.typeId.flatMap(master.type)
        var header: [String: Any] = [
            "id": ticket.id, "number": ticket.number, "title": ticket.title, "version": ticket.version,
            "state": name(state), "stateType": ticket.stateType.rawValue, "queue": ticket.queue,
            "priority": ((english ? priority?.nameEN : nil) ?? priority?.name) ?? "", "priorityRank": priority?.rank ?? 3,
            "type": ((english ? type?.nameEN : nil) ?? type?.name) ?? "–", "service": ticket.service ?? "–",
            "owner": ticket.ownerId.flatMap { loaded.names.users[$0] } ?? "–",
            "responsible": ticket.responsibleId.flatMap { loaded.names.users[$0] } ?? "–",
            "organisation": ticket.organisationId.flatMap { loaded.names.organisations[$0] } ?? "–",
            "created": loaded.time.absolute(ticket.createdAt), "changed": loaded.time.absolute(ticket.changedAt),
            "fields": fieldRows(ticket),
        ]
        if let contact = ticket.contactId.flatMap({ loaded.names.contacts[$0] }) {
            header["requester"] = contact.name.isEmpty ? (contact.email ?? "") : contact.name
            if let email = contact.email { header["requesterEmail"] = email }
        }
        if let pending = ticket.pendingUntil { header["pendingUntil"] = loaded.time.absolute(pending) }
        if let merged = ticket.mergedIntoId { header["mergedIntoId"] = merged }
        return header
    }

    private func fieldRows(_ ticket: TicketView) -> [[String: String]] {
        ticket.fields.sorted { $0.key < $1.key }.map { name, value in
            let shown: String = switch value {
            case .text(let text), .selection(let text), .date(let text): text
            case .number(let number): number == number.rounded() ? String(Int64(number)) : String(number)
            case .datetime(let date): time.absolute(date)
            case .selections(let options): options.joined(separator: ", ")
            case .checkbox(let isChecked): text(isChecked ? "ticketView.yes" : "ticketView.no")
            case .reference(let id): "#\(id)"
            }
            return ["name": name, "value": shown]
        }
    }

    private func sla(_ report: TicketSLAReport, _ loaded: Loaded) -> [String: Any] {
        let time = loaded.time
        var sla: [String: Any] = [
            "name": report.sla ?? text("ticketView.sla.none"), "calendar": report.calendar, "timeZone": report.timeZoneId,
        ]
        if let status = report.status {
            sla["status"] = status.rawValue
            sla["label"] = text("sla.status.\(status.rawValue)")
        }
        if let due = report.escalationAt { sla["due"] = time.relative(due, now: loaded.now) + " (" + time.absolute(due) + ")" }
        sla["clocks"] = report.clocks.map { clock -> [String: Any] in
            let status = clock.status
            var row: [String: Any] = [
                "kind": text("ticketView.sla.clock.\(clock.kind.rawValue)"), "condition": status.condition.rawValue,
                "conditionLabel": text("ticketView.sla.condition.\(status.condition.rawValue)"),
                "consumed": time.span(TimeInterval(status.consumedSeconds)), "paused": time.span(TimeInterval(status.pausedSeconds)),
                "late": status.isBreached,
                "counted": clock.counted.map { segment in ["day": segment.date.description, "from": time.clock(segment.start), "to": time.clock(segment.end)] },
                "ahead": clock.ahead.map { segment in ["day": segment.date.description, "from": time.clock(segment.start), "to": time.clock(segment.end)] },
                "pauses": clock.pauses.map { pause in
                    ["from": time.absolute(pause.start), "to": pause.end.map(time.absolute) ?? text("ticketView.sla.ongoing"),
                     "working": time.span(TimeInterval(pause.workingSeconds))]
                },
                "holidays": clock.holidays.map { ["day": $0.date.description, "name": $0.name] },
            ]
            row["hasDetails"] = !clock.counted.isEmpty || !clock.ahead.isEmpty || !clock.pauses.isEmpty || !clock.holidays.isEmpty
            if let target = status.targetMinutes { row["target"] = time.span(TimeInterval(target * 60)) }
            if let due = status.dueAt { row["due"] = time.absolute(due) }
            if let met = status.metAt { row["met"] = time.absolute(met) }
            if let remaining = status.remainingSeconds { row["remaining"] = time.span(TimeInterval(remaining)) }
            if let overrun = status.overrunSeconds { row["overrun"] = time.span(TimeInterval(overrun)) }
            return row
        }
        return sla
    }

    /// The articles, oldest first, with their bodies made safe to show and their files.
    private func thread(_ loaded: Loaded, compose: ComposeRequest?) -> [[String: Any]] {
        let body = ArticleBody(quoteLabel: text("ticketView.article.quoted"), foldsQuotes: !printing)
        let can = rights(loaded.ticket)
        return loaded.articles.enumerated().map { index, article in
            let files = loaded.attachments.filter { $0.articleID == article.id }
            let inline = Dictionary(files.compactMap { file in file.contentID.map { ($0.trimmingCharacters(in: CharacterSet(charactersIn: "<>")), file.id) } }) { a, _ in a }
            let html = body.html(of: article, inlineImages: inline)
            let listed = files.filter { file in !(file.contentID.map { html.contains("/agent/attachments/\(file.id)\"") && !$0.isEmpty } ?? false) }
            var row: [String: Any] = [
                "id": article.id, "position": index + 1, "isInternal": !article.customerVisible,
                "sender": article.sender.rawValue, "senderLabel": text("ticketView.sender.\(article.sender.rawValue)"),
                "channel": text("ticketView.channel.\(article.channel.rawValue)"), "time": loaded.time.absolute(article.createdAt),
                "body": html,
                "attachments": listed.map { ["id": $0.id, "filename": $0.filename, "size": Self.size($0.size)] as [String: Any] },
                "hasAttachments": !listed.isEmpty,
                "canReply": can["reply"] == true && article.channel != .note, "canSplit": can["split"] == true,
                "isLast": index == loaded.articles.count - 1,
            ]
            if let from = article.from { row["from"] = from }
            else if let author = article.createdBy.flatMap({ loaded.names.users[$0] }) { row["from"] = author }
            if let subject = article.subject { row["subject"] = subject }
            if let to = article.to { row["to"] = to }
            if let cc = article.cc { row["cc"] = cc }
            return row
        }
    }

    private func historyRows(_ loaded: Loaded) -> [[String: Any]] {
        let names = loaded.names
        func shown(_ field: String, _ value: String?) -> String {
            guard let value else { return "" }
            if ["owner", "responsible", "watcher"].contains(field), let id = Int64(value) { return names.users[id] ?? value }
            if field == "pendingUntil", let date = InternetDateTime.parse(value) { return loaded.time.absolute(date) }
            return value
        }
        return loaded.history.reversed().map { entry in
            let key = "ticketView.field.\(entry.field)"
            let label = text(key)
            return [
                "time": loaded.time.absolute(entry.createdAt), "actor": entry.actorID.flatMap { names.users[$0] } ?? text("ticketView.system"),
                "field": label == key ? entry.field : label, "old": shown(entry.field, entry.oldValue), "new": shown(entry.field, entry.newValue),
            ]
        }
    }

    private func linkRows(_ links: [Link], ticketID: Int64) async throws -> [[String: Any]] {
        let items = try await affectedItems(ofTicket: ticketID, links: links)
        var rows: [[String: Any]] = []
        for link in links {
            let otherID = link.sourceTicketID == ticketID ? link.targetID : link.sourceTicketID
            var row: [String: Any] = ["id": link.id, "type": text("ticketView.linkType.\(link.type.rawValue)"), "attributes": [[String: Any]]()]
            if link.targetObject == .configItem {
                row["label"] = "#\(link.targetID)"
                row.merge(items[link.targetID] ?? [:]) { $1 }
                row["kind"] = text("ticketView.links.configItem")
            } else {
                let other = try? await services.tickets.ticket(otherID, for: principal)
                row["href"] = "/agent/tickets/\(otherID)"
                row["label"] = other.map { "\($0.number) · \($0.title)" } ?? "#\(otherID)"
                row["kind"] = text("ticketView.links.ticket")
            }
            rows.append(row)
        }
        return rows
    }

    /// "Changed meanwhile by …": who made the ticket's latest change, and when.
    private func staleNote(_ loaded: Loaded) -> String {
        guard let last = loaded.history.last else { return text("ticketView.stale.unknown") }
        let who = last.actorID.flatMap { loaded.names.users[$0] } ?? text("ticketView.system")
        return text("ticketView.stale.changedBy", ["name": who, "time": loaded.time.absolute(last.createdAt)])
    }

    /// A file size in KB or MB.
    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : "\(max(1, (bytes + 1023) / 1024)) KB"
    }
}
