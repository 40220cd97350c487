import ArgumentParser
import Foundation
import Mail

/// `serve`'s outgoing-mail options. Each falls back to an environment variable; the password is read only from
/// `TICKETWERK_SMTP_PASSWORD` or a file, never from the command line (where `ps` would show it).
struct SMTPOptions: ParsableArguments {
    @Option(help: "SMTP server for outgoing mail (TICKETWERK_SMTP_HOST). Without it, mail waits in the outbox.")
    var smtpHost: String?

    @Option(help: "SMTP port (TICKETWERK_SMTP_PORT; default 587 for starttls, 465 for tls, 25 for none).")
    var smtpPort: Int?

    @Option(help: "starttls, tls or none (TICKETWERK_SMTP_SECURITY; default starttls).")
    var smtpSecurity: String?

    @Option(help: "SMTP user for AUTH PLAIN/LOGIN (TICKETWERK_SMTP_USER); password from TICKETWERK_SMTP_PASSWORD.")
    var smtpUser: String?

    @Option(help: "File holding the SMTP password (TICKETWERK_SMTP_PASSWORD_FILE).")
    var smtpPasswordFile: String?

    @Option(help: "Name sent in EHLO (TICKETWERK_SMTP_HELO; default this host's name).")
    var smtpHelo: String?

    @Option(help: "PEM file of extra CA certificates to trust (TICKETWERK_SMTP_CA_FILE).")
    var smtpCaFile: String?

    @Option(help: "MAIL FROM address for bounces (TICKETWERK_SMTP_ENVELOPE_SENDER; default each mail's From).")
    var smtpEnvelopeSender: String?

    /// The settings, or nil when no host is configured.
    func settings() throws -> SMTPSettings? {
        let environment = ProcessInfo.processInfo.environment
        func value(_ option: String?, _ name: String) -> String? {
            (option ?? environment[name]).flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let host = value(smtpHost, "TICKETWERK_SMTP_HOST") else { return nil }
        let securityName = value(smtpSecurity, "TICKETWERK_SMTP_SECURITY") ?? SMTPSecurity.startTLS.rawValue
        guard let security = SMTPSecurity(rawValue: securityName.lowercased()) else {
            throw ValidationError("--smtp-security must be starttls, tls or none.")
        }
        let portText = value(smtpPort.map(String.init), "TICKETWERK_SMTP_PORT")
        let port = try portText.map { text in
            guard let port = Int(text), (1...65535).contains(port) else { throw ValidationError("--smtp-port must be 1 to 65535.") }
            return port
        }
        var password = environment["TICKETWERK_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if let file = value(smtpPasswordFile, "TICKETWERK_SMTP_PASSWORD_FILE") {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("Cannot read the SMTP password file.")
            }
            password = text.trimmingCharacters(in: .newlines)
        }
        return SMTPSettings(
            host: host, port: port, security: security, username: value(smtpUser, "TICKETWERK_SMTP_USER"), password: password,
            envelopeSender: value(smtpEnvelopeSender, "TICKETWERK_SMTP_ENVELOPE_SENDER"),
            heloName: value(smtpHelo, "TICKETWERK_SMTP_HELO") ?? ProcessInfo.processInfo.hostName,
            trustedCertificatesFile: value(smtpCaFile, "TICKETWERK_SMTP_CA_FILE")
        )
    }
}
