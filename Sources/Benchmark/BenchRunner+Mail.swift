import Domain
import Foundation
import Services
import Store

extension BenchRunner {
    /// `mail_intake_throughput`: messages per second through `MailIntake.ingest` — the use case behind mailgate,
    /// the IMAP poller and `POST /api/v1/mail/inbound` — from `clients` concurrent tasks, half new tickets and half
    /// follow-ups (by Message-ID or ticket number), ~5 KB each, a quarter with an attachment.
    func measureMailIntake(_ intake: MailIntake, tickets: Int, record: @Sendable (BenchFigure) -> Void) async throws {
        let total = requests(default: 2_000)
        let clients = max(configuration.clients, 1)
        let (senders, numbers) = try await context.database.read { db in
            let senders = try await db.raw("SELECT email FROM contact_emails ORDER BY contact_id LIMIT 500").all()
                .map { try $0.decode(column: "email", as: String.self) }
            let numbers = try await db.raw("SELECT number FROM tickets ORDER BY id DESC LIMIT 500").all()
                .map { try $0.decode(column: "number", as: String.self) }
            return (senders.isEmpty ? ["erika.muster@stadt.example"] : senders, numbers)
        }
        var random = SeededRandom(seed: configuration.seed ^ 0x3A11)
        let messages = BenchMailMessages(seed: configuration.seed)
        let warmup = (0..<Self.warmup(for: total)).map { messages.newMail($0, from: random.pick(senders), &random) }
        let measured: [[UInt8]] = (0..<total).map { index in
            let number = warmup.count + index
            guard index % 2 == 1 else { return messages.newMail(number, from: random.pick(senders), &random).raw }
            let byNumber = index % 4 == 3 && !numbers.isEmpty
            return messages.followUp(number, from: random.pick(senders), inReplyTo: byNumber ? nil : random.pick(warmup).messageID,
                                     ticketNumber: byNumber ? random.pick(numbers) : nil, &random)
        }
        let bytes = measured.reduce(0) { $0 + $1.count }
        log("Mail intake: \(total) messages (\(bytes / max(total, 1)) bytes on average) from \(clients) concurrent tasks …")
        _ = try await ingestConcurrently(warmup.map(\.raw), clients: clients, intake: intake)
        let clock = ContinuousClock()
        let started = clock.now
        let outcomes = try await ingestConcurrently(measured, clients: clients, intake: intake)
        let seconds = Self.seconds(clock.now - started)
        let summary = outcomes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        record(BenchFigure(
            name: "mail_intake_throughput", value: Double(total) / max(seconds, 0.000_001), unit: "messages/s", tickets: tickets,
            backend: backend, target: 500, better: .higher, samples: total,
            note: "MailIntake.ingest (parse, thread, file with original.eml) from \(clients) concurrent tasks, in process without HTTP; "
                + "\(bytes / max(total, 1)) bytes per message on average, a quarter with a 1.2 KB attachment; outcomes: \(summary)"
        ))
    }

    /// Files the messages from `clients` concurrent tasks; returns how many ended in which outcome.
    private func ingestConcurrently(_ messages: [[UInt8]], clients: Int, intake: MailIntake) async throws -> [String: Int] {
        let next = Counter()
        return try await withThrowingTaskGroup(of: [String: Int].self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var outcomes: [String: Int] = [:]
                    while true {
                        let index = next.increment()
                        guard index < messages.count else { break }
                        outcomes[try await intake.ingest(messages[index]).outcome.rawValue, default: 0] += 1
                    }
                    return outcomes
                }
            }
            var all: [String: Int] = [:]
            for try await outcomes in group { all.merge(outcomes, uniquingKeysWith: +) }
            return all
        }
    }
}
