import Foundation
import Mail

/// The aiosmtpd sink that scripts/test starts (scripts/lib/smtp.sh): where it listens and what it received.
///
/// Tests share it, so each uses recipient addresses of its own (``address(_:)``) and reads only their messages.
struct SMTPSink: Sendable, Decodable {
    let host: String
    let plain: Int
    let starttls: Int
    let tls: Int
    /// STARTTLS with only AUTH LOGIN offered.
    let login: Int
    let username: String
    let password: String
    let caFile: String
    let messages: String

    /// One accepted message: the bytes as received, the envelope, and Python's reading of it.
    struct Received: Sendable {
        let bytes: [UInt8]
        let mailFrom: String
        let rcptTos: [String]
        let listener: String
        let user: String?
        let python: PythonView?
    }

    /// What Python's `email` package read from a message (Tests/MailTests/Fixtures/check_composed.py, run by the sink).
    struct PythonView: Sendable, Decodable {
        struct Attachment: Sendable, Decodable {
            let filename: String?
            let size: Int
        }

        let subject: String?
        let to: [[String]]
        let cc: [[String]]
        let hasBcc: Bool
        let messageID: String?
        let inReplyTo: String?
        let autoSubmitted: String?
        let text: String?
        let attachments: [Attachment]
        let defects: [String]
    }

    private struct Envelope: Decodable {
        let mailFrom: String
        let rcptTos: [String]
        let listener: String
        let user: String?
        let python: PythonView?
    }

    /// The sink named by TICKETWERK_TEST_SMTP; fails the test clearly when it is not set.
    static func required() throws -> SMTPSink {
        guard let directory = ProcessInfo.processInfo.environment["TICKETWERK_TEST_SMTP"], !directory.isEmpty else {
            throw SinkMissing()
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent("sink.json"))
        return try JSONDecoder().decode(SMTPSink.self, from: data)
    }

    struct SinkMissing: Error, CustomStringConvertible {
        var description: String {
            "TICKETWERK_TEST_SMTP is not set: run the tests through scripts/test, which starts an aiosmtpd sink (scripts/lib/smtp.sh)"
        }
    }

    /// A recipient address no other test uses; `local` may start with a steering word (reject, tempfail, slow).
    static func address(_ local: String) -> String {
        "\(local)-\(UUID().uuidString.prefix(12).lowercased())@empfang.example"
    }

    /// Client settings for one of the listeners; AUTH with the sink's credentials unless `password` says otherwise.
    func settings(_ security: SMTPSecurity, password: String? = nil, trusted: Bool = true) -> SMTPSettings {
        let port = switch security {
        case .none: plain
        case .startTLS: starttls
        case .tls: tls
        }
        return SMTPSettings(
            host: host, port: port, security: security, username: security == .none ? nil : username,
            password: security == .none ? nil : (password ?? self.password), heloName: "tests.ticketwerk.example",
            trustedCertificatesFile: trusted ? caFile : nil,
            connectTimeout: .seconds(10), commandTimeout: .seconds(10), dataTimeout: .seconds(10)
        )
    }

    /// The messages received so far with `recipient` in their envelope, oldest first.
    func received(for recipient: String) throws -> [Received] {
        let names = try FileManager.default.contentsOfDirectory(atPath: messages).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        return try names.compactMap { name in
            let base = URL(fileURLWithPath: messages).appendingPathComponent(String(name.dropLast(5)))
            let envelope = try JSONDecoder().decode(Envelope.self, from: Data(contentsOf: base.appendingPathExtension("json")))
            guard envelope.rcptTos.contains(where: { $0.lowercased() == recipient.lowercased() }) else { return nil }
            return Received(bytes: [UInt8](try Data(contentsOf: base.appendingPathExtension("eml"))), mailFrom: envelope.mailFrom,
                            rcptTos: envelope.rcptTos, listener: envelope.listener, user: envelope.user, python: envelope.python)
        }
    }
}
