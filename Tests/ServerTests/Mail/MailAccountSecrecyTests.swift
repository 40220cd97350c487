import Foundation
import Services
import Testing

@Suite("Mail account passwords stay secret")
struct MailAccountSecrecyTests {
    @Test("neither the API nor the account's description or dump shows the password")
    func passwordNeverShows() async throws {
        try await TestSystem.run(.sqlite) { system, client in
            let created = try await client.call(.post, "/api/v1/mail/accounts", token: system.adminToken, json: [
                "name": "Geheim", "host": "imap.stadt.example", "username": "sd", "password": "streng-geheim-42", "queueId": 1,
            ])
            let list = try await client.call(.get, "/api/v1/mail/accounts", token: system.adminToken)
            #expect(!String(buffer: created.raw).contains("streng-geheim-42") && !String(buffer: list.raw).contains("streng-geheim-42"))
            let ledger = MailPollLedger(context: system.services.context)
            let lease = try #require(try await ledger.claimDue(owner: "test", until: Date().addingTimeInterval(60), limit: 1).first)
            #expect(lease.account.password == "streng-geheim-42")
            var dump = ""
            Swift.dump(lease.account, to: &dump)
            #expect(!"\(lease.account)".contains("streng-geheim-42") && !String(reflecting: lease.account).contains("streng-geheim-42"))
            #expect(!dump.contains("streng-geheim-42") && dump.contains("imap.stadt.example"))
        }
    }
}
