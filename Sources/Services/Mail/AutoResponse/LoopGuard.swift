import Foundation
import Mail

/// Decides whether an inbound mail may get an automatic answer (RFC 3834 and what mail loops teach): never to
/// automatic or bulk mail, mailing lists, bounces, mail that has passed through us, or our own addresses.
enum LoopGuard {
    /// Why a mail gets no automatic answer.
    enum Reason: String, Sendable {
        case noSender = "no sender address"
        case autoSubmitted = "Auto-Submitted"
        case precedence = "Precedence bulk/junk/list"
        case xLoop = "X-Loop names us"
        case mailingList = "mailing list"
        case bounce = "bounce or delivery report"
        case ownAddress = "sent from our own address"
    }

    /// The first reason `mail` from `sender` must not be answered automatically, nil when it may be.
    /// `ownAddresses` are the system addresses of all queues, lower case.
    static func reason(against mail: MailMessage, sender: String?, ownAddresses: Set<String>) -> Reason? {
        guard let sender, !sender.isEmpty else { return .noSender }
        if let auto = mail.autoSubmitted, auto.lowercased() != "no" { return .autoSubmitted }
        if let precedence = mail.precedence, ["bulk", "junk", "list"].contains(precedence.lowercased()) { return .precedence }
        let loops = mail.headers.values(named: "X-Loop").map { $0.lowercased() }
        if loops.contains(where: { loop in ownAddresses.contains { loop.contains($0) } }) { return .xLoop }
        if mail.hasListHeaders { return .mailingList }
        let local = sender.split(separator: "@").first.map { $0.lowercased() } ?? ""
        let returnPath = mail.headers["Return-Path"]?.trimmingCharacters(in: .whitespaces)
        if mail.isDeliveryReport || ["mailer-daemon", "postmaster"].contains(local) || returnPath == "<>" { return .bounce }
        if ownAddresses.contains(sender.lowercased()) { return .ownAddress }
        return nil
    }
}
