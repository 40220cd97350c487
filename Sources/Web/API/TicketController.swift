import Domain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Services
import Store

/// Tickets and everything hanging off them: articles, attachments, history, outgoing mail, links, merge,
/// watchers, time entries, seen marks; plus the event stream.
struct TicketController {
    let services: WebServices

    struct LinkRequest: Decodable {
        var type: LinkType
        var targetObject: LinkObject?
        var targetId: Int64
    }

    struct MergeRequest: Decodable {
        var targetId: Int64
    }

    struct WatchRequest: Decodable {
        var userId: Int64?
    }

    struct TimeRequest: Decodable {
        var minutes: Int
        var note: String?
    }

    struct Watchers: Encodable {
        var items: [Int64]
    }

    struct Seen: Encodable {
        var seenAt: Date?
    }

    func register(on api: RouterGroup<AppRequestContext>) {
        let tickets = services.tickets
        api.post("tickets") { request, context -> Response in
            let input = try await APIBody.decode(NewTicket.self, from: request)
            let ticket = try await tickets.create(input, by: try context.requirePrincipal())
            return try APIBody.response(ticket, status: .created, headers: [.eTag: Self.etag(ticket.version), .location: "/api/v1/tickets/\(ticket.id)"])
        }
        api.get("tickets") { request, context -> Response in
            let page = try await tickets.list(try Self.listRequest(request), for: try context.requirePrincipal())
            return try APIBody.response(page)
        }
        api.get("tickets/:id") { _, context -> Response in
            let ticket = try await tickets.ticket(try context.id(), for: try context.requirePrincipal())
            return try APIBody.response(ticket, headers: [.eTag: Self.etag(ticket.version)])
        }
        api.patch("tickets/:id") { request, context -> Response in
            let changes = try await APIBody.decode(TicketChanges.self, from: request)
            let ticket = try await tickets.update(
                try context.id(), changes, expectedVersion: try Self.ifMatch(request), by: try context.requirePrincipal()
            )
            return try APIBody.response(ticket, headers: [.eTag: Self.etag(ticket.version)])
        }
        api.get("tickets/:id/sla") { _, context -> Response in
            try APIBody.response(try await tickets.slaReport(of: try context.id(), for: try context.requirePrincipal()))
        }
        api.get("tickets/:id/articles") { _, context -> Response in
            try APIBody.response(ItemList(items: try await tickets.articles(of: try context.id(), for: try context.requirePrincipal())))
        }
        api.post("tickets/:id/articles") { request, context -> Response in
            let input = try await APIBody.decode(NewArticle.self, from: request)
            return try APIBody.response(try await tickets.addArticle(
                to: try context.id(), input, expectedVersion: try Self.ifMatch(request), by: try context.requirePrincipal()), status: .created)
        }
        api.get("tickets/:id/attachments") { _, context -> Response in
            try APIBody.response(ItemList(items: try await tickets.attachments(of: try context.id(), for: try context.requirePrincipal())))
        }
        api.get("attachments/:id") { _, context -> Response in
            let (attachment, content) = try await tickets.attachment(try context.id(), for: try context.requirePrincipal())
            return AttachmentResponse.make(attachment, content: content)
        }
        api.get("tickets/:id/history") { _, context -> Response in
            try APIBody.response(ItemList(items: try await tickets.history(of: try context.id(), for: try context.requirePrincipal())))
        }
        api.get("tickets/:id/outbox") { _, context -> Response in
            try APIBody.response(ItemList(items: try await services.outbox.messages(ofTicket: try context.id(), for: try context.requirePrincipal())))
        }
        api.post("tickets/:id/outbox/:outboxId/retry") { _, context -> Response in
            try APIBody.response(try await services.outbox.retry(
                try context.id("outboxId"), ofTicket: try context.id(), by: try context.requirePrincipal()))
        }
        api.get("tickets/:id/links") { _, context -> Response in
            try APIBody.response(ItemList(items: try await tickets.links(of: try context.id(), for: try context.requirePrincipal())))
        }
        api.post("tickets/:id/links") { request, context -> Response in
            let input = try await APIBody.decode(LinkRequest.self, from: request)
            let link = try await tickets.link(try context.id(), type: input.type, to: input.targetObject ?? .ticket, targetID: input.targetId, by: try context.requirePrincipal())
            return try APIBody.response(link, status: .created)
        }
        api.delete("tickets/:id/links/:linkId") { _, context -> Response in
            try await tickets.unlink(try context.id(), linkID: try context.id("linkId"), by: try context.requirePrincipal())
            return APIBody.noContent()
        }
        api.post("tickets/:id/merge") { request, context -> Response in
            let input = try await APIBody.decode(MergeRequest.self, from: request)
            let target = try await tickets.merge(
                try context.id(), into: input.targetId, expectedVersion: try Self.ifMatch(request), by: try context.requirePrincipal())
            return try APIBody.response(target, headers: [.eTag: Self.etag(target.version)])
        }
        api.post("tickets/:id/articles/:articleId/split") { request, context -> Response in
            let input = try await APIBody.decode(ArticleSplit.self, from: request)
            let ticket = try await tickets.split(
                article: try context.id("articleId"), of: try context.id(), input, expectedVersion: try Self.ifMatch(request),
                by: try context.requirePrincipal()
            )
            return try APIBody.response(ticket, status: .created, headers: [.eTag: Self.etag(ticket.version), .location: "/api/v1/tickets/\(ticket.id)"])
        }
        api.get("tickets/:id/watchers") { _, context -> Response in
            try APIBody.response(Watchers(items: try await tickets.watchers(of: try context.id(), for: try context.requirePrincipal())))
        }
        api.post("tickets/:id/watchers") { request, context -> Response in
            let input = try await APIBody.decode(WatchRequest.self, from: request)
            let watchers = try await tickets.setWatching(try context.id(), userID: input.userId, watching: true, by: try context.requirePrincipal())
            return try APIBody.response(Watchers(items: watchers))
        }
        api.delete("tickets/:id/watchers/:userId") { _, context -> Response in
            let watchers = try await tickets.setWatching(try context.id(), userID: try context.id("userId"), watching: false, by: try context.requirePrincipal())
            return try APIBody.response(Watchers(items: watchers))
        }
        api.get("tickets/:id/time-entries") { _, context -> Response in
            try APIBody.response(ItemList(items: try await tickets.timeEntries(of: try context.id(), for: try context.requirePrincipal())))
        }
        api.post("tickets/:id/time-entries") { request, context -> Response in
            let input = try await APIBody.decode(TimeRequest.self, from: request)
            let entry = try await tickets.bookTime(try context.id(), minutes: input.minutes, note: input.note, by: try context.requirePrincipal())
            return try APIBody.response(entry, status: .created)
        }
        api.get("tickets/:id/seen") { _, context -> Response in
            try APIBody.response(Seen(seenAt: try await tickets.seenAt(try context.id(), by: try context.requirePrincipal())))
        }
        api.post("tickets/:id/seen") { _, context -> Response in
            try await tickets.markSeen(try context.id(), by: try context.requirePrincipal())
            return APIBody.noContent()
        }
        api.get("events") { request, context -> Response in
            let limit = try request.queryInt("limit") ?? 100
            let events = try await tickets.events(after: Int64(try request.queryInt("after") ?? 0), limit: limit, for: try context.requirePrincipal())
            return try APIBody.response(ItemList(items: events, next: events.last.map { String($0.id) }))
        }
    }

    static func etag(_ version: Int64) -> String { "\"\(version)\"" }

    /// The version an `If-Match` header names: nil without the header or for `*` (any current version);
    /// anything but one entity tag `"N"` (or `W/"N"`) is a 412, as it cannot match.
    static func ifMatch(_ request: Request) throws -> Int64? {
        guard let header = request.headers[.ifMatch] else { return nil }
        var tag = Substring(header.trimmingCharacters(in: .whitespaces))
        if tag == "*" { return nil }
        if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
        guard tag.count >= 3, tag.first == "\"", tag.last == "\"", let version = Int64(tag.dropFirst().dropLast()) else {
            throw DomainError.stale("If-Match must be the ETag of the resource, such as \"3\".")
        }
        return version
    }

    static func listRequest(_ request: Request) throws -> TicketListRequest {
        var list = TicketListRequest(query: request.query("q"))
        list.limit = try request.queryInt("limit") ?? 50
        list.cursor = request.query("cursor")
        list.queueIDs = try request.queryIDs("queueId")
        list.stateIDs = try request.queryIDs("stateId")
        list.priorityIDs = try request.queryIDs("priorityId")
        list.ownerIDs = try request.queryIDs("ownerId")
        list.configItemID = try request.queryIDs("configItemId").last
        list.stateTypes = try request.uri.queryParameters.getAll("stateType").map { text in
            guard let type = StateType(rawValue: text) else { throw DomainError.invalid(FieldIssue(field: "stateType", .unknownReference(reference: text))) }
            return type
        }
        list.slaStatuses = try request.uri.queryParameters.getAll("slaStatus").map { text in
            guard let status = TicketSLAStatus(rawValue: text) else {
                throw DomainError.invalid(field: "slaStatus", "slaStatus is one of \(TicketSLAStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return status
        }
        if let sort = request.query("sort") {
            let descending = sort.hasPrefix("-")
            guard let key = TicketListQuery.Sort(rawValue: String(sort.drop { $0 == "-" })) else {
                throw DomainError.invalid(field: "sort", "sort is one of \(TicketListQuery.Sort.allCases.map(\.rawValue).joined(separator: ", ")), optionally with a leading '-'.")
            }
            list.sort = key
            list.descending = descending
        }
        list.fields = request.fieldConditions()
        return list
    }
}
