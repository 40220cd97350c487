import Foundation
import Testing

/// `ticketwerk mailgate` as an MTA runs it: a message on standard input, the answer in the exit status.
@Suite("ticketwerk mailgate")
struct MailgateTests {
    /// The `ticketwerk` executable built next to the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ticketwerk")
    }

    static func run(_ arguments: [String], input: [UInt8]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TICKETWERK_ADMIN_PASSWORD"] = "mailgate-test-password"
        environment.removeValue(forKey: "TICKETWERK_DATABASE_URL")
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test("exit 0 after commit, 75 when the database cannot be opened")
    func exitStatus() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable.path) else {
            Issue.record("ticketwerk is not built at \(Self.executable.path)")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mailgate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let message = Array("From: a@stadt.example\r\nTo: servicedesk@stadt.example\r\nSubject: Maus defekt\r\nMessage-ID: <m1@stadt.example>\r\n\r\nBitte tauschen.\r\n".utf8)

        let accepted = try Self.run(["mailgate", "--data", directory.path, "--queue", "Arbeitsplatz"], input: message)
        #expect(accepted.status == 0)
        #expect(accepted.output.hasPrefix("created "))
        let followUp = try Self.run(["mailgate", "--data", directory.path],
                                    input: Array("From: a@stadt.example\r\nSubject: Re: Maus\r\nIn-Reply-To: <m1@stadt.example>\r\n\r\nDanke\r\n".utf8))
        #expect(followUp.status == 0)
        #expect(followUp.output.hasPrefix("followUp "))

        let unavailable = try Self.run(["mailgate", "--data", "/proc/ticketwerk-cannot-exist"], input: message)
        #expect(unavailable.status == 75)
    }
}
