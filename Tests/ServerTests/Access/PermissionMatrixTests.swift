import Foundation
import HTTPTypes
import Testing

/// Nobody reads what they must not, through any path: single objects answer exactly as if they did not
/// exist (404), lists and search leave them out, and customers never see internal articles, attachments or fields.
@Suite("Permission matrix: reads")
struct PermissionMatrixTests {
    /// A read of something hanging off one ticket.
    struct ReadPath: Sendable {
        var name: String
        /// Whether only agents may use the path at all (customers get 403 whatever the ticket).
        var agentsOnly = false
        var path: @Sendable (AccessWorld, _ ticket: Int64?) -> String
    }

    static let nonexistent: Int64 = 987_654_321

    static let readPaths: [ReadPath] = [
        ReadPath(name: "ticket") { "/api/v1/tickets/\($1 ?? nonexistent)" },
        ReadPath(name: "articles") { "/api/v1/tickets/\($1 ?? nonexistent)/articles" },
        ReadPath(name: "attachments") { "/api/v1/tickets/\($1 ?? nonexistent)/attachments" },
        ReadPath(name: "attachment download") { world, ticket in
            let attachments = [world.a1: world.a1PublicAttachment, world.a2: world.a2PublicAttachment, world.b: world.bPublicAttachment]
            return "/api/v1/attachments/\(ticket.flatMap { attachments[$0] } ?? nonexistent)"
        },
        ReadPath(name: "history", agentsOnly: true) { "/api/v1/tickets/\($1 ?? nonexistent)/history" },
        ReadPath(name: "links") { "/api/v1/tickets/\($1 ?? nonexistent)/links" },
        ReadPath(name: "watchers", agentsOnly: true) { "/api/v1/tickets/\($1 ?? nonexistent)/watchers" },
        ReadPath(name: "time entries", agentsOnly: true) { "/api/v1/tickets/\($1 ?? nonexistent)/time-entries" },
        ReadPath(name: "seen mark") { "/api/v1/tickets/\($1 ?? nonexistent)/seen" },
    ]

    @Test("single-object reads: visible → 200, invisible → 404 exactly like a ticket that does not exist", arguments: TestBackend.available)
    func singleObjectReads(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await AccessWorld.build(system, client)
            for actor in Actor.allCases {
                for read in Self.readPaths {
                    let missing = try await client.call(.get, read.path(world, nil), token: world.token(actor))
                    for ticket in world.tickets {
                        let response = try await client.call(.get, read.path(world, ticket), token: world.token(actor))
                        let expected: HTTPResponse.Status = if actor == .anonymous {
                            .unauthorized
                        } else if actor.isCustomer, read.agentsOnly {
                            .forbidden
                        } else {
                            world.sees(actor, ticket) ? .ok : .notFound
                        }
                        #expect(response.status == expected, "\(actor) \(read.name) of ticket \(ticket): \(response.summary)")
                        if response.status != .ok {
                            expectProblem(response, "\(actor) \(read.name) of ticket \(ticket)")
                            // The answer for an invisible ticket is the answer for one that does not exist.
                            #expect(response.status == missing.status, "\(actor) \(read.name): \(response.status) vs \(missing.status) for a missing ticket")
                            #expect(response.problemDetail?.contains(world.numbers[ticket] ?? "-") != true)
                        }
                    }
                }
            }
        }
    }

    @Test("visible tickets: customers get no internal notes, internal attachments, internal fields or links to others' tickets", arguments: TestBackend.available)
    func contentOfVisibleTickets(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await AccessWorld.build(system, client)
            for actor in Actor.allCases where world.sees(actor, world.a1) {
                let token = world.token(actor)
                let articles = try await client.call(.get, "/api/v1/tickets/\(world.a1)/articles", token: token).items
                let attachments = try await client.call(.get, "/api/v1/tickets/\(world.a1)/attachments", token: token).items.compactMap { $0.string("filename") }
                let ticket = try await client.call(.get, "/api/v1/tickets/\(world.a1)", token: token)
                let fields = (ticket["fields"] as? [String: Any]).map { Set($0.keys) }
                let download = try await client.call(.get, "/api/v1/attachments/\(world.a1InternalAttachment)", token: token)
                let publicDownload = try await client.call(.get, "/api/v1/attachments/\(world.a1PublicAttachment)", token: token)
                #expect(publicDownload.status == .ok, "\(actor)")
                if actor.isCustomer {
                    #expect(articles.count == 1, "\(actor)")
                    #expect(articles.allSatisfy { $0["customerVisible"] as? Bool == true }, "\(actor)")
                    #expect(!articles.contains { ($0.string("bodyText") ?? "").contains(AccessWorld.internalNoteWord) }, "\(actor)")
                    #expect(attachments == ["Anschreiben Servicedesk.pdf"], "\(actor)")
                    #expect(fields == ["public_ref"], "\(actor)")
                    expectProblem(download, .notFound, "\(actor) downloads an internal attachment")
                } else {
                    #expect(articles.count == 2, "\(actor)")
                    #expect(attachments == ["Anschreiben Servicedesk.pdf", "Passwoerter Liste.pdf"], "\(actor)")
                    #expect(fields == ["internal_code", "public_ref"], "\(actor)")
                    #expect(download.status == .ok, "\(actor)")
                    #expect(String(buffer: download.raw) == "%PDF-1.4 intern", "\(actor)")
                }
            }

            // A link shows only when the ticket at its other end is visible too.
            let expectedLinks: [(Actor, Int64, Set<Int64>)] = [
                (.admin, world.a1, [world.linkA1toB, world.linkA1toA2]), (.admin, world.b, [world.linkA1toB]),
                (.readA, world.a1, [world.linkA1toA2]), (.allA, world.a2, [world.linkA1toA2]),
                (.customerOwn, world.a1, []), (.customerOrg, world.a1, [world.linkA1toB]), (.customerOrg, world.b, [world.linkA1toB]),
                (.customerOther, world.a2, []),
            ]
            for (actor, ticket, expected) in expectedLinks {
                let links = try await client.call(.get, "/api/v1/tickets/\(ticket)/links", token: world.token(actor))
                #expect(Set(links.items.compactMap { $0.int("id") }) == expected, "\(actor) links of \(ticket)")
            }
        }
    }

    @Test("lists, every filter, search and pages contain only visible tickets", arguments: TestBackend.available)
    func listsAndSearch(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await AccessWorld.build(system, client)
            let master = try await system.services.masterData.snapshot()
            let open = try #require(master.states.first { $0.name == "offen" }?.id)
            let normal = try #require(master.priorities.first { $0.name == "3 normal" }?.id)
            let all: Set<Int64> = Set(world.tickets)
            let (a1, a2, b) = (world.a1, world.a2, world.b)
            func q(_ text: String) -> String { "q=" + encode(text) }
            // Query string → tickets it matches for agents, and for customers where that differs (internal text).
            let cases: [(String, Set<Int64>, Set<Int64>?)] = [
                ("", all, nil), ("limit=1000", all, nil),
                ("queueId=\(world.queueBID)", [b], nil), ("queueId=\(world.queueAID)&queueId=\(world.queueBID)", all, nil),
                ("stateType=open", [a1, b], nil), ("stateType=new", [a2], nil), ("stateId=\(open)", [a1, b], nil),
                ("priorityId=\(normal)", all, nil), ("ownerId=\(world.userIDs[.admin] ?? 0)", [a1, b], nil),
                ("field.public_ref=" + encode("Zeichen \(AccessWorld.publicFieldWord)"), [a1], nil),
                (q(AccessWorld.ticketBWord), [b], nil), (q("quok*"), [b], nil), (q("\"wartungsfenster \(AccessWorld.ticketBWord)\""), [b], nil),
                (q(AccessWorld.ticketA2Word), [a2], nil), (q("-\(AccessWorld.ticketA2Word)"), [a1, b], nil), (q("port 443"), [b], nil),
                (q("queue:Netzwerk"), [b], nil), (q("-queue:Netzwerk"), [a1, a2], nil), (q("customer:bernd.berg@buergeramt.example"), [b], nil),
                (q("organisation:Bürgeramt"), [a1, b], nil), (q("number:\(world.numbers[b] ?? "")"), [b], nil), (q(world.numbers[b] ?? ""), [b], nil),
                (q("owner:admin"), [a1, b], nil), (q("state:offen"), [a1, b], nil), (q("statetype:new"), [a2], nil),
                (q("field.public_ref:\"Zeichen \(AccessWorld.publicFieldWord)\""), [a1], nil), (q(AccessWorld.publicFieldWord), [a1], nil),
                (q("anschreiben"), all, nil), (q("papier"), [a1], nil),
                // Words that occur only in a1's internal note, internal attachment and internal field.
                (q(AccessWorld.internalNoteWord), [a1], []), (q("passwoerter"), [a1], []), (q(AccessWorld.internalFieldWord), [a1], []),
                (q("drucker \(AccessWorld.internalNoteWord)"), [a1], []), (q("kellersch*"), [a1], []),
                ("sort=-title", all, nil), ("sort=priority", all, nil), ("sort=-changed", all, nil), ("sort=number", all, nil),
                ("sort=pendingUntil", all, nil), ("sort=created&" + q("anschreiben"), all, nil),
            ]
            for actor in Actor.allCases where actor != .anonymous {
                let visible = world.visible(to: actor)
                for (query, agentsMatch, customersMatch) in cases {
                    let response = try await client.call(.get, "/api/v1/tickets?" + query, token: world.token(actor))
                    #expect(response.status == .ok, "\(actor) ?\(query): \(response.summary)")
                    let ids = response.items.compactMap { $0.int("id") }
                    let expected = (actor.isCustomer ? customersMatch ?? agentsMatch : agentsMatch).intersection(visible)
                    #expect(Set(ids) == expected, "\(actor) ?\(query)")
                    #expect(ids.count == Set(ids).count, "\(actor) ?\(query) repeats a ticket")
                    #expect(response["next"] == nil, "\(actor) ?\(query) promises another page")
                }

                // Page by page, one ticket at a time: the pages hold the visible tickets, and no more pages than that.
                for paging in ["sort=id", "sort=-title", "sort=changed", "sort=priority", q("anschreiben")] {
                    var seen: [Int64] = []
                    var pages = 0
                    var cursor: String?
                    repeat {
                        let page = try await client.call(.get, "/api/v1/tickets?limit=1&\(paging)" + (cursor.map { "&cursor=\($0)" } ?? ""), token: world.token(actor))
                        #expect(page.status == .ok, "\(actor) \(paging)")
                        seen += page.items.compactMap { $0.int("id") }
                        cursor = page.object.string("next")
                        pages += 1
                    } while cursor != nil && pages <= 10
                    #expect(Set(seen) == visible && seen.count == visible.count, "\(actor) pages of \(paging)")
                    #expect(pages == max(1, visible.count), "\(actor) \(paging): \(pages) pages for \(visible.count) tickets")
                }

                // Filtering by a field the actor cannot see is refused as if the field did not exist.
                let internalFilter = try await client.call(.get, "/api/v1/tickets?" + q("field.internal_code:x"), token: world.token(actor))
                if actor.isCustomer {
                    expectProblem(internalFilter, .unprocessableContent, field: "field.internal_code", "\(actor)")
                } else {
                    #expect(internalFilter.status == .ok, "\(actor)")
                }
            }
            let anonymous = try await client.call(.get, "/api/v1/tickets?" + q(AccessWorld.ticketBWord), token: nil)
            expectProblem(anonymous, .unauthorized)
            #expect(anonymous.headers[.wwwAuthenticate] == "Bearer")
        }
    }

    @Test("the event stream carries only events of visible tickets", arguments: TestBackend.available)
    func events(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await AccessWorld.build(system, client)
            for actor in Actor.allCases {
                let response = try await client.call(.get, "/api/v1/events?after=0&limit=1000", token: world.token(actor))
                switch actor {
                case .anonymous:
                    expectProblem(response, .unauthorized)
                case .customerOwn, .customerOrg, .customerOther:
                    expectProblem(response, .forbidden, "\(actor)")
                case .admin:
                    let tickets = response.items.map { $0.int("ticketId") }
                    #expect(Set(tickets.compactMap { $0 }) == Set(world.tickets))
                    #expect(tickets.contains(nil), "master-data events")
                case .readA, .noteA, .allA, .noRole:
                    #expect(response.status == .ok, "\(actor)")
                    let tickets = response.items.map { $0.int("ticketId") }
                    #expect(Set(tickets.compactMap { $0 }) == world.visible(to: actor), "\(actor)")
                    #expect(!tickets.contains(nil), "\(actor) sees master-data events")
                }
            }
        }
    }
}

/// Percent-encodes a query parameter value.
func encode(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
}
