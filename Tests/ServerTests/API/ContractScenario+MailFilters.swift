import Foundation
import HTTPTypes
import Testing

/// The postmaster-filter part of the walk: filters saved and refused, a mail dropped into the ignore list.
extension ContractScenario {
    func mailFilters(_ people: People) async throws {
        let spam = try await api.call(.post, "/api/v1/mail/filters", token: admin, json: [
            "name": "Spam", "conditions": [["header": "X-Spam-Flag", "pattern": "^yes$"]], "actions": ["ignore": true],
        ])
        #expect(spam.status == .created)
        let spamID = try #require(spam.object.int("id"))
        let routing = try await api.call(.post, "/api/v1/mail/filters", token: admin, json: [
            "name": "Verträge", "position": 5,
            "conditions": [["header": "Subject", "pattern": "vertrag"], ["pattern": "kündigung", "negate": true]],
            "actions": ["queueId": 1, "priorityId": 4, "fields": ["vertragsnummer": "V-1234"]],
        ])
        #expect(routing.status == .created)
        #expect(try await api.call(.get, "/api/v1/mail/filters", token: admin).items.compactMap { $0.string("name") } == ["Verträge", "Spam"])
        let refused = try await api.call(.post, "/api/v1/mail/filters", token: admin, json: [
            "name": "Kaputt", "conditions": [["header": "Sub ject", "pattern": "(unclosed"]],
            "actions": ["typeId": 987654, "fields": ["vertragsnummer": "falsch", "unbekannt": "x"]],
        ])
        #expect(refused.status == .unprocessableContent)
        #expect(Set(refused.problemFields) == [
            "conditions[0].header", "conditions[0].pattern", "actions.typeId", "actions.fields.vertragsnummer", "actions.fields.unbekannt",
        ])
        #expect(try await api.call(.post, "/api/v1/mail/filters", token: admin,
                                   json: ["name": "spam", "conditions": [["pattern": "x"]], "actions": ["ignore": true]]).status == .conflict)
        #expect(try await api.call(.patch, "/api/v1/mail/filters/\(spamID)", token: admin, json: ["position": 1]).object.int("position") == 1)
        #expect(try await api.call(.get, "/api/v1/mail/filters/\(spamID)", token: admin).status == .ok)
        #expect(try await api.call(.get, "/api/v1/mail/filters", token: people.agentToken).status == .forbidden)

        let raw = Array("From: werbung@spam.example\r\nX-Spam-Flag: YES\r\nSubject: Gewinn!\r\nMessage-ID: <spam-1@spam.example>\r\n\r\nKlicken!\r\n".utf8)
        let dropped = try await api.call(.post, "/api/v1/mail/inbound", token: admin, raw: raw, headers: [.contentType: "message/rfc822"])
        #expect(dropped.status == .created && dropped.object.string("outcome") == "ignored")
        let ignoredID = try #require(dropped.object.int("ignoredId"))
        let ignored = try await api.call(.get, "/api/v1/mail/ignored?limit=10", token: admin)
        #expect(ignored.items.first?.string("filterName") == "Spam" && ignored.items.first?.string("messageId") == "spam-1@spam.example")
        let download = try await api.call(.get, "/api/v1/mail/ignored/\(ignoredID)/raw", token: admin)
        #expect(Array(buffer: download.raw) == raw)
        #expect(try await api.call(.get, "/api/v1/mail/ignored/987654/raw", token: admin).status == .notFound)
        #expect(try await api.call(.get, "/api/v1/mail/ignored?limit=0", token: admin).status == .unprocessableContent)
        #expect(try await api.call(.delete, "/api/v1/mail/filters/\(spamID)", token: admin).status == .noContent)
        #expect(try await api.call(.delete, "/api/v1/mail/filters/\(spamID)", token: admin).status == .notFound)
    }
}
