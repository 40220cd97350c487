import Foundation
import Mail
import Testing

/// Messages we compose parse back to what was sent: with our parser, and with Python's `email` package as an
/// independent reader.
@Suite struct RoundTripTests {
    private let composer = MailComposer(messageIDDomain: "ticketwerk.stadt.example")

    @Test(arguments: RoundTripSamples.all.map(\.name))
    func ourParserReadsWhatWeWrite(sample: String) throws {
        let mail = try #require(RoundTripSamples.all.first { $0.name == sample }?.mail)
        let composed = try composer.compose(mail)
        let message = MIMEParser.parse(composed.bytes)
        #expect(message.parseProblems.isEmpty)
        #expect(message.subject == RoundTripSamples.expectedSubject(mail))
        #expect(message.from.map(\.address) == [mail.from.address])
        #expect(message.from.map(\.name) == [RoundTripSamples.expectedName(mail.from)])
        #expect(message.to.map(\.address) == mail.to.map(\.address))
        #expect(message.to.map(\.name) == mail.to.map(RoundTripSamples.expectedName))
        #expect(message.cc.map(\.address) == mail.cc.map(\.address))
        #expect(message.cc.map(\.name) == mail.cc.map(RoundTripSamples.expectedName))
        #expect(message.replyTo.map(\.address) == mail.replyTo.map(\.address))
        #expect(!message.headers.contains("Bcc"))
        #expect(message.messageID == composed.messageID)
        #expect(message.inReplyTo == mail.inReplyTo)
        #expect(message.references == mail.references)
        #expect(message.autoSubmitted == mail.autoSubmitted?.rawValue)
        #expect(message.textBody == RoundTripSamples.expectedText(mail.text) || (mail.text.isEmpty && message.textBody == nil))
        #expect(message.htmlBody == mail.html)
        #expect(message.attachments.map(\.filename) == mail.attachments.map { RoundTripSamples.expectedFilename($0.filename) })
        #expect(message.attachments.map(\.bytes) == mail.attachments.map(\.bytes))
        #expect(message.attachments.map(\.contentID) == mail.attachments.map(\.contentID))
    }

    /// Python's view of one composed message, as `Fixtures/check_composed.py` prints it.
    private struct PythonSummary: Decodable {
        struct Attachment: Decodable {
            var filename: String?
            var contentType: String
            var size: Int
            var contentID: String?
        }

        var subject: String?
        var from: [[String]]
        var to: [[String]]
        var cc: [[String]]
        var hasBcc: Bool
        var messageID: String?
        var inReplyTo: String?
        var autoSubmitted: String?
        var text: String?
        var html: String?
        var attachments: [Attachment]
        var defects: [String]
        var linesOver998: Int
        var bareLineFeeds: Int
    }

    @Test(.enabled(if: Python.isAvailable, "python3 is not installed"))
    func pythonEmailPackageReadsWhatWeWrite() throws {
        let samples = RoundTripSamples.all
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mail-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        var composedMessages: [ComposedMail] = []
        for (index, sample) in samples.enumerated() {
            let composed = try composer.compose(sample.mail)
            let file = directory.appendingPathComponent("\(index).eml")
            try Data(composed.bytes).write(to: file)
            files.append(file.path)
            composedMessages.append(composed)
        }

        let output = try Python.run(script: Python.checkerScript, arguments: files)
        let summaries = try JSONDecoder().decode([PythonSummary].self, from: output)
        try #require(summaries.count == samples.count)

        for ((name, mail), (summary, composed)) in zip(samples, zip(summaries, composedMessages)) {
            #expect(summary.defects.isEmpty, "\(name): \(summary.defects)")
            #expect(summary.linesOver998 == 0, "\(name)")
            #expect(summary.bareLineFeeds == 0, "\(name)")
            #expect(summary.subject == RoundTripSamples.expectedSubject(mail), "\(name)")
            #expect(summary.from == [[RoundTripSamples.expectedName(mail.from) ?? "", mail.from.address]], "\(name)")
            #expect(summary.to == mail.to.map { [RoundTripSamples.expectedName($0) ?? "", $0.address] }, "\(name)")
            #expect(summary.cc == mail.cc.map { [RoundTripSamples.expectedName($0) ?? "", $0.address] }, "\(name)")
            #expect(!summary.hasBcc, "\(name)")
            #expect(summary.messageID == composed.messageID, "\(name)")
            #expect(summary.inReplyTo == mail.inReplyTo.first, "\(name)")
            #expect(summary.autoSubmitted == mail.autoSubmitted?.rawValue, "\(name)")
            #expect(summary.text == RoundTripSamples.expectedText(mail.text), "\(name)")
            #expect(summary.html == mail.html, "\(name)")
            #expect(summary.attachments.map(\.filename) == mail.attachments.map { RoundTripSamples.expectedFilename($0.filename) },
                    "\(name)")
            #expect(summary.attachments.map(\.size) == mail.attachments.map(\.bytes.count), "\(name)")
            #expect(summary.attachments.map(\.contentType) == mail.attachments.map(\.contentType), "\(name)")
            #expect(summary.attachments.map(\.contentID) == mail.attachments.map(\.contentID), "\(name)")
        }
    }
}

/// Running the Python checker next to the tests.
enum Python {
    static let isAvailable: Bool = (try? run(script: nil, arguments: ["--version"])) != nil

    /// `Fixtures/check_composed.py`, found next to this file.
    static var checkerScript: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/check_composed.py").path
    }

    /// Runs `python3 [script] arguments…` and returns its standard output; throws if it fails.
    static func run(script: String?, arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + (script.map { [$0] } ?? []) + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonError(message: String(decoding: errorText, as: UTF8.self))
        }
        return data
    }

    struct PythonError: Error, CustomStringConvertible {
        var message: String
        var description: String { "python3 failed: \(message)" }
    }
}
