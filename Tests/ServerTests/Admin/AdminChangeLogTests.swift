import Domain
import Foundation
import Services
import Testing

@Suite("Administration use cases and the change log")
struct AdminChangeLogTests {
    @Test("every administrative change is in the change log, newest first, with who and what", arguments: TestBackend.available)
    func everyChangeIsLogged(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, _ in
            let services = system.services
            let admin = try await services.auth.signIn(login: "admin", password: "admin-password", totpCode: nil).principal
            let queue = try await services.masterData.save(Queue(id: 0, name: "Bauamt"), by: admin).record
            let role = try await services.users.createRole(RoleInput(name: "Bauamt lesen", queues: [String(queue.id): ["read"]]), by: admin)
            _ = try await services.users.updateRole(role.id, RoleInput(name: "Bauamt", queues: [String(queue.id): ["read", "note"]]), by: admin)
            let user = try await services.users.create(NewUser(login: "b.bauer", password: "bauer-passwort"), by: admin)
            var change = UserChange()
            change.roleIds = [role.id]
            _ = try await services.users.update(user.id, change, by: admin)
            try await services.users.setPassword(of: user.id, current: nil, new: "neues-passwort", by: admin)
            _ = try await services.fields.define(FieldDefinition(name: "aktenzeichen", label: "Aktenzeichen", object: .ticket, type: .text), by: admin)
            var account = MailAccountInput()
            (account.name, account.host, account.username, account.password, account.queueId) = ("Bauamt", "imap.stadt.example", "bau", "geheim", queue.id)
            let mailbox = try await services.mailAccounts.create(account, by: admin)
            try await services.mailAccounts.delete(mailbox.record.account.id, by: admin)
            var filter = MailFilterInput()
            (filter.name, filter.conditions) = ("Bauanträge", [MailFilterCondition(header: "Subject", pattern: "bauantrag")])
            filter.actions = MailFilterActions(queueID: queue.id)
            _ = try await services.mailFilters.create(filter, by: admin)
            _ = try await services.queueMailTexts.replace(ofQueue: queue.id, with: QueueMailTexts(signature: "Ihr Bauamt", autoResponses: []), by: admin)
            var off = UserChange()
            off.isActive = false
            _ = try await services.users.update(user.id, off, by: admin)

            let log = try await services.adminChanges.recent(limit: 11, by: admin)
            #expect(log.items.map { "\($0.kind) \($0.action) \($0.name ?? "")" } == [
                "user deactivated b.bauer", "queue_mail_texts updated Bauamt", "mail_filters created Bauanträge",
                "mail_accounts deleted Bauamt", "mail_accounts created Bauamt", "field created aktenzeichen", "user passwordSet b.bauer",
                "user updated b.bauer", "user created b.bauer", "role updated Bauamt", "role created Bauamt lesen",
            ])
            #expect(log.items.allSatisfy { $0.actorLogin == "admin" && $0.actorId == admin.userID })
            let next = try #require(log.next.flatMap(Int64.init))
            let older = try await services.adminChanges.recent(before: next, limit: 1, by: admin)
            #expect(older.items.map { "\($0.kind) \($0.action) \($0.objectId ?? "")" } == ["queues created \(queue.id)"])

            await #expect(throws: DomainError.self) {
                _ = try await services.auth.signIn(login: "b.bauer", password: "neues-passwort", totpCode: nil)
            }
            let agent = try await system.agent("a.agent", rights: ["Bauamt": .read])
            let principal = try await services.auth.signIn(login: "a.agent", password: "password-a.agent", totpCode: nil).principal
            #expect(agent.id == principal.userID)
            await #expect(throws: DomainError.forbidden("Administrator rights required.")) { _ = try await services.adminChanges.recent(limit: 5, by: principal) }
        }
    }

    @Test("users are found by login, name or mail address; % and _ match only themselves", arguments: TestBackend.available)
    func userSearch(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, _ in
            let users = system.services.users
            for (login, first, email) in [("k.lehmann", "Karin", "k.lehmann@stadt.example"), ("m_schulze", "Maria 100%", "m.schulze@stadt.example"),
                                          ("t.berger", "Tom", "tom@berger.example")] {
                var user = NewUser(login: login, password: "passwort-\(login)")
                (user.firstName, user.lastName, user.email) = (first, "Nachname", email)
                _ = try await users.create(user, by: .system)
            }
            func logins(_ text: String) async throws -> [String] {
                try await users.list(after: nil, limit: 10, matching: text, by: .system).items.map(\.login)
            }
            #expect(try await logins("LEHMANN") == ["k.lehmann"])
            #expect(try await logins("karin nach") == ["k.lehmann"])
            #expect(try await logins("berger.example") == ["t.berger"])
            #expect(try await logins("_") == ["m_schulze"])
            #expect(try await logins("%") == ["m_schulze"])
            #expect(try await logins("").count == 4)
            let page = try await users.list(after: nil, limit: 1, matching: "stadt", by: .system)
            #expect(page.items.map(\.login) == ["k.lehmann"] && page.next != nil)
        }
    }
}
