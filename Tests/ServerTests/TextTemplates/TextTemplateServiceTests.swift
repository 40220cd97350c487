import Domain
import Foundation
import Services
import Testing

@Suite("Text templates")
struct TextTemplateServiceTests {
    @Test("a template is filled in from the ticket, its requester and the agent, in the agent's language", arguments: TestBackend.available)
    func render(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, _ in
            let templates = system.services.textTemplates
            let contact = try await system.services.people.saveContact(nil, try JSONDecoder().decode(ContactInput.self, from: Data("""
                {"firstName": "Erika", "lastName": "Muster", "emails": ["erika.muster@stadt.example"]}
                """.utf8)), by: .system).value
            var input = NewTicket(title: "Drucker streikt", queue: "Netzwerk")
            input.contactId = contact.id
            let ticket = try await system.services.tickets.create(input, by: .system)
            let master = try await system.services.masterData.snapshot()
            let network = try #require(master.queues.first { $0.name == "Netzwerk" })
            let template = try await templates.create(TextTemplateInput(
                name: "Eingang", textDE: .set("Guten Tag {{customer.firstName}} {{customer.lastName}}, Ihr Ticket {{ticket.number}} ({{ticket.title}}) liegt in {{ticket.queue}}. {{agent.lastName}}"),
                textEN: .set("Dear {{ customer.lastName }}"), queueId: .set(network.id)
            ), by: .system)
            let agent = try await system.agent("k.lehmann", rights: ["Netzwerk": [.read, .note]])
            let principal = try #require(try await system.services.auth.principal(forToken: agent.token))

            let german = try await templates.render(template.record.id, forTicket: ticket.id, by: principal)
            #expect(german.language == "de")
            #expect(german.text == "Guten Tag Erika Muster, Ihr Ticket \(ticket.number) (Drucker streikt) liegt in Netzwerk. ")
            #expect(try await templates.render(template.record.id, forTicket: ticket.id, language: "en", by: principal).text == "Dear Muster")
            #expect(try await templates.list(inQueue: network.id, by: principal).map(\.name) == ["Eingang"])
            #expect(try await templates.list(inQueue: 1, by: principal).isEmpty)

            let elsewhere = try await system.services.tickets.create(NewTicket(title: "Anderswo", queue: "Servicedesk"), by: .system)
            await #expect(throws: DomainError.self) { _ = try await templates.render(template.record.id, forTicket: elsewhere.id, by: .system) }
            await #expect(throws: DomainError.self) { _ = try await templates.render(template.record.id, forTicket: elsewhere.id, by: principal) }
        }
    }

    @Test("only administrators keep templates; bad names, texts and placeholders change nothing", arguments: TestBackend.available)
    func administration(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, _ in
            let templates = system.services.textTemplates
            let agent = try await system.agent("k.lehmann", rights: ["Netzwerk": [.read, .note]])
            let principal = try #require(try await system.services.auth.principal(forToken: agent.token))
            await #expect(throws: DomainError.forbidden("Administrator rights required.")) {
                _ = try await templates.create(TextTemplateInput(name: "X", textDE: .set("x")), by: principal)
            }
            for bad in [
                TextTemplateInput(name: "", textDE: .set("x")), TextTemplateInput(name: "Leer"),
                TextTemplateInput(name: "Tippfehler", textDE: .set("{{ticket.nummer}}")), TextTemplateInput(name: "Offen", textEN: .set("{{ticket.number")),
                TextTemplateInput(name: "Queue", textDE: .set("x"), queueId: .set(987_654)),
            ] {
                await #expect(throws: DomainError.self) { _ = try await templates.create(bad, by: .system) }
            }
            #expect(try await system.count("text_templates") == 0)
            let saved = try await templates.create(TextTemplateInput(name: "Gruß", textDE: .set("MfG")), by: .system)
            await #expect(throws: DomainError.self) { _ = try await templates.create(TextTemplateInput(name: "GRUß", textDE: .set("x")), by: .system) }
            let renamed = try await templates.update(saved.record.id, TextTemplateInput(name: "Grüße", isActive: false), by: .system).record
            #expect(renamed.name == "Grüße" && renamed.textDE == "MfG" && !renamed.isActive)
            #expect(try await templates.list(by: principal).isEmpty, "agents see active templates only")
            #expect(try await templates.list(by: .system).count == 1)
        }
    }
}
