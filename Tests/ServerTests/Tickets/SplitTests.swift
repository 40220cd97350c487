import Domain
import Foundation
import Services
import Testing

@Suite("Splitting an article off into a new ticket")
struct SplitTests {
    @Test("the new ticket carries the article's content and attachments, both tickets are linked and record the split", arguments: TestBackend.available)
    func split(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, _ in
            let tickets = system.services.tickets
            var input = NewTicket(title: "Zwei Anliegen", queue: "Servicedesk", customer: "erika.muster@stadt.example")
            input.type = "Störung"
            let original = try await tickets.create(input, by: .system)
            var second = NewArticle(subject: "Außerdem: Drucker", body: "<p>Der Drucker <b>streikt</b>.</p>", contentType: "text/html", customerVisible: true)
            second.attachments = [NewAttachment(filename: "fehler.txt", contentType: "text/plain", contentBase64: Data("Fehler 42".utf8).base64EncodedString())]
            let article = try await tickets.addArticle(to: original.id, second, by: .system).value
            let version = try await tickets.ticket(original.id, for: .system).version

            let created = try await tickets.split(article: article.id, of: original.id, ArticleSplit(), expectedVersion: version, by: .system)
            #expect(created.title == "Außerdem: Drucker")
            #expect(created.contactId == original.contactId && created.typeId == original.typeId && created.queueId == original.queueId)
            let copied = try #require(try await tickets.articles(of: created.id, for: .system).first?.value)
            #expect(copied.bodyHTML == article.bodyHTML && copied.bodyText == article.bodyText && copied.customerVisible)
            let files = try await tickets.attachments(of: created.id, for: .system)
            #expect(files.map(\.filename) == ["fehler.txt"])
            #expect(try await tickets.links(of: original.id, for: .system).map(\.targetID) == [created.id])
            #expect(try await tickets.history(of: original.id, for: .system).contains { $0.field == "split" && $0.newValue == created.number })
            #expect(try await tickets.history(of: created.id, for: .system).contains { $0.field == "splitFrom" && $0.newValue?.hasPrefix(original.number) == true })
            #expect(try await tickets.articles(of: original.id, for: .system).map(\.value.id) == [article.id], "the original keeps its article")
        }
    }

    @Test("a stale version, an unknown article or missing rights split nothing", arguments: TestBackend.available)
    func refused(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, _ in
            let tickets = system.services.tickets
            let original = try await tickets.create(NewTicket(title: "Eins", queue: "Servicedesk", article: NewArticle(body: "Text")), by: .system)
            let articleID = try #require(try await tickets.articles(of: original.id, for: .system).first?.value.id)
            let before = try await system.count("tickets")
            await #expect(throws: DomainError.self) {
                _ = try await tickets.split(article: articleID, of: original.id, ArticleSplit(), expectedVersion: original.version + 1, by: .system)
            }
            await #expect(throws: DomainError.self) {
                _ = try await tickets.split(article: 987_654, of: original.id, ArticleSplit(), expectedVersion: nil, by: .system)
            }
            let reader = try await system.agent("nur.lesen", rights: ["Servicedesk": [.read, .note]])
            let principal = try #require(try await system.services.auth.principal(forToken: reader.token))
            await #expect(throws: DomainError.self) {
                _ = try await tickets.split(article: articleID, of: original.id, ArticleSplit(), expectedVersion: nil, by: principal)
            }
            #expect(try await system.count("tickets") == before)
            #expect(try await system.count("links") == 0)
        }
    }
}
