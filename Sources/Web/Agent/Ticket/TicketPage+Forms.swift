import Domain
import Foundation
import Services

extension TicketPage {
    /// The forms of the ticket page: compose (reply, reply all, forward, note, phone), attribute changes, merge,
    /// split, links and time; each filled with what the agent sent when it comes back for correction.
    func forms(_ loaded: Loaded, compose: ComposeRequest?, state: TicketFormState?) async throws -> [String: Any] {
        let ticket = loaded.ticket
        let templates = try await services.textTemplates.list(inQueue: ticket.queueId, by: principal)
        let definitions = try await services.fields.definitions(for: .ticket)
        let agents = try await agentOptions()
        let createQueues = loaded.master.queues.filter { $0.isActive && AccessPolicy.has(principal, .create, in: $0.id) }
        let linkValues = state?.values(of: .link)
        let timeValues = state?.values(of: .time)
        return [
            "compose": composeForm(loaded, request: compose, state: state, templates: templates),
            "attributes": attributesForm(loaded, state: state, agents: agents, definitions: definitions),
            "merge": ["targetNumber": state?.values(of: .merge)?["targetNumber"] ?? "", "issues": issues(state, .merge)] as [String: Any],
            "split": [
                "articleId": state?.values(of: .split)?.id("article") ?? 0, "title": state?.values(of: .split)?["title"] ?? "",
                "issues": issues(state, .split),
            ] as [String: Any],
            "createQueues": createQueues.map { ["id": $0.id, "name": $0.name, "selected": $0.id == ticket.queueId] as [String: Any] },
            "link": [
                "types": LinkType.allCases.map { ["value": $0.rawValue, "label": text("ticketView.linkType.\($0.rawValue)"),
                                                  "selected": (linkValues?["type"] ?? LinkType.relates.rawValue) == $0.rawValue] as [String: Any] },
                "target": linkValues?["target"] ?? "", "isConfigItem": linkValues?["targetObject"] == LinkObject.configItem.rawValue,
                "issues": issues(state, .link),
            ] as [String: Any],
            "time": ["minutes": timeValues?["minutes"] ?? "", "note": timeValues?["note"] ?? "", "issues": issues(state, .time)] as [String: Any],
        ]
    }

    /// The problems of `form` as the page lists them: the field's label and the message.
    func issues(_ state: TicketFormState?, _ form: TicketFormState.Form) -> [[String: String]] {
        guard let state, state.form == form else { return [] }
        return state.issues.map { pages.ticketIssue($0, context) }
    }

    /// The active agents, by name, for owner and responsible.
    func agentOptions() async throws -> [(id: Int64, name: String)] {
        try await AgentChoices.options(services, principal: principal)
    }

    private func composeForm(_ loaded: Loaded, request: ComposeRequest?, state: TicketFormState?, templates: [TextTemplateView]) -> [String: Any] {
        let ticket = loaded.ticket
        let can = rights(ticket)
        let sent = state?.values(of: .compose)
        let kind = sent.flatMap { ComposeRequest.Kind(rawValue: $0["kind"] ?? "") } ?? request?.kind
        let allowed: (ComposeRequest.Kind) -> Bool = { $0.isMail ? can["reply"] == true : can["note"] == true }
        var form: [String: Any] = [
            "tabs": ComposeRequest.Kind.allCases.filter(allowed).map { tab in
                ["kind": tab.rawValue, "label": text("ticketView.compose.\(tab.rawValue)"), "current": tab == kind,
                 "href": "/agent/tickets/\(ticket.id)?compose=\(tab.rawValue)#compose"] as [String: Any]
            },
            "issues": issues(state, .compose),
        ]
        guard let kind, allowed(kind) else { return form }
        let referenceID = sent?.id("article") ?? request?.articleID
        let reference = loaded.articles.first { $0.id == referenceID }
            ?? loaded.articles.last { $0.sender == .customer } ?? loaded.articles.last
        var fields = sent.map { values in
            ["to": values["to"] ?? "", "cc": values["cc"] ?? "", "bcc": values["bcc"] ?? "", "subject": values["subject"] ?? "",
             "body": values["body"] ?? "", "timeMinutes": values["timeMinutes"] ?? ""]
        } ?? prefill(kind, reference: reference, loaded)
        fields["kind"] = kind.rawValue
        form.merge(fields) { _, new in new }
        let chosenTemplate = sent?.id("template")
        let forwarded = sent.map { Set($0.ids("attachmentIds")) }
        form["active"] = true
        form["kindLabel"] = text("ticketView.compose.\(kind.rawValue)")
        form["isMail"] = kind.isMail
        form["isPhone"] = kind == .phone
        form["customerVisible"] = sent.map { $0.isChecked("customerVisible") } ?? (kind == .phone)
        form["articleId"] = reference?.id ?? 0
        form["templates"] = templates.map { ["id": $0.id, "name": $0.name, "selected": $0.id == chosenTemplate] as [String: Any] }
        form["hasTemplates"] = !templates.isEmpty
        if kind == .forward, let reference {
            form["forwardAttachments"] = loaded.attachments.filter { $0.articleID == reference.id }.map { file in
                ["id": file.id, "filename": file.filename, "checked": forwarded?.contains(file.id) ?? true] as [String: Any]
            }
        }
        return form
    }

    /// A fresh compose form: recipients, subject and quoted text taken from the article being answered.
    private func prefill(_ kind: ComposeRequest.Kind, reference: Article?, _ loaded: Loaded) -> [String: String] {
        guard kind.isMail else { return ["to": "", "cc": "", "bcc": "", "subject": "", "body": "", "timeMinutes": ""] }
        let ticket = loaded.ticket
        let subject = reference?.subject ?? ticket.title
        let customer = reference.flatMap { $0.sender == .customer ? $0.from : nil } ?? loaded.contactEmail ?? ""
        let ownAddress = loaded.master.queue(ticket.queueId)?.systemAddress?.lowercased()
        let quoted = reference.map { article in
            article.bodyText.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        } ?? ""
        let from = reference?.from ?? ""
        let date = reference.map { loaded.time.absolute($0.createdAt) } ?? ""
        switch kind {
        case .forward:
            let header = text("ticketView.compose.forwardHeader", ["from": from, "date": date, "subject": subject])
            return ["to": "", "cc": "", "bcc": "", "subject": Self.prefixed("Fwd: ", subject), "timeMinutes": "",
                    "body": "\n\n" + header + "\n\n" + (reference?.bodyText ?? "")]
        case .replyAll:
            let others = Self.addresses([reference?.to, reference?.cc].compactMap { $0 }.joined(separator: ","))
                .filter { address in !address.lowercased().contains(ownAddress ?? "\u{0}") && !customer.lowercased().contains(Self.bare(address)) }
            return ["to": customer, "cc": others.joined(separator: ", "), "bcc": "", "subject": Self.prefixed("Re: ", subject),
                    "body": "\n\n" + text("ticketView.compose.quoteHeader", ["from": from, "date": date]) + "\n" + quoted, "timeMinutes": ""]
        default:
            return ["to": customer, "cc": "", "bcc": "", "subject": Self.prefixed("Re: ", subject),
                    "body": "\n\n" + text("ticketView.compose.quoteHeader", ["from": from, "date": date]) + "\n" + quoted, "timeMinutes": ""]
        }
    }

    /// `subject` with `prefix` in front unless it starts with it already.
    static func prefixed(_ prefix: String, _ subject: String) -> String {
        subject.lowercased().hasPrefix(prefix.lowercased()) ? subject : prefix + subject
    }

    /// The entries of an address list; commas inside quotes or angle brackets do not separate.
    static func addresses(_ list: String) -> [String] {
        var entries: [String] = []
        var current = ""
        var quoted = false
        var depth = 0
        for character in list {
            switch character {
            case "\"": quoted.toggle()
            case "<": depth += 1
            case ">": depth = max(0, depth - 1)
            case "," where !quoted && depth == 0:
                entries.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        entries.append(current)
        return entries.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The mail address of an entry such as `Erika <e@x.example>`, lowercased.
    static func bare(_ entry: String) -> String {
        let inner = entry.split(separator: "<").last.map { $0.split(separator: ">").first.map(String.init) ?? String($0) } ?? entry
        return inner.trimmingCharacters(in: .whitespaces).lowercased()
    }

    private func attributesForm(_ loaded: Loaded, state: TicketFormState?, agents: [(id: Int64, name: String)], definitions: [FieldDefinition]) -> [String: Any] {
        let ticket = loaded.ticket
        let master = loaded.master
        let sent = state?.values(of: .attributes)
        func chosen(_ name: String, current: Int64?) -> Int64? { sent.map { $0.id(name) } ?? current }
        func options<Record>(_ records: [Record], _ name: String, current: Int64?, id: (Record) -> Int64, label: (Record) -> String) -> [[String: Any]] {
            let selected = chosen(name, current: current)
            return records.map { ["id": id($0), "name": label($0), "selected": id($0) == selected] }
        }
        let localized: (String, String?) -> String = { german, englishName in (self.english ? englishName : nil) ?? german }
        let states = master.states.filter { ($0.isActive && $0.type != .merged) || $0.id == ticket.stateId }
        let selectedState = chosen("state", current: ticket.stateId)
        let queues = master.queues.filter { ($0.isActive && AccessPolicy.has(principal, .create, in: $0.id)) || $0.id == ticket.queueId }
        return [
            "title": sent?["title"] ?? ticket.title,
            "states": states.map { state in
                ["id": state.id, "name": localized(state.name, state.nameEN), "selected": state.id == selectedState, "pending": state.type.isPending] as [String: Any]
            },
            "pendingUntil": sent?["pendingUntil"] ?? ticket.pendingUntil.map(loaded.time.inputValue) ?? "",
            "queues": options(queues, "queue", current: ticket.queueId, id: \.id, label: \.name),
            "priorities": options(master.priorities.filter { $0.isActive || $0.id == ticket.priorityId }, "priority", current: ticket.priorityId,
                                  id: \.id, label: { localized($0.name, $0.nameEN) }),
            "types": options(master.types.filter { $0.isActive || $0.id == ticket.typeId }, "type", current: ticket.typeId, id: \.id,
                             label: { localized($0.name, $0.nameEN) }),
            "services": options(master.services.filter { $0.isActive || $0.id == ticket.serviceId }, "service", current: ticket.serviceId,
                                id: \.id, label: \.name),
            "owners": options(agents, "owner", current: ticket.ownerId, id: \.id, label: \.name),
            "responsibles": options(agents, "responsible", current: ticket.responsibleId, id: \.id, label: \.name),
            "fields": FieldControls(time: loaded.time).controls(definitions, values: ticket.fields, draft: sent),
            "hasFields": !definitions.isEmpty,
            "issues": issues(state, .attributes),
        ]
    }
}
