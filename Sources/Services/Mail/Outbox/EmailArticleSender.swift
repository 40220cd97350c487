import Domain
import Foundation
import Mail
import SQLKit
import Store

/// Turns an agent's email article (`send: true`: a reply or a forward) into a message and queues it, inside the
/// transaction that stores the article: From is the queue's system address, the subject carries `[Ticket#…]`,
/// In-Reply-To and References thread it to the customer's last mail, attachments are the new files plus stored
/// ones of the ticket, and the queue's signature follows the text. The article is stored as sent: its addresses,
/// subject, text, Message-ID and files are the message's (Bcc recipients are only in the outbox envelope).
struct EmailArticleSender {
    let db: any SQLDatabase
    let dialect: Dialect
    let now: Date
    let configuration: ServiceContext.Configuration
    let fields: FieldService
    let sla: SLAKeeper

    func send(_ input: ArticleDraft, to ticket: Ticket, queue: Queue?, by principal: Principal) async throws -> Fielded<Article> {
        guard let queue, let systemAddress = queue.systemAddress else {
            throw DomainError.invalid(FieldIssue(field: "send", .notAllowed, detail: "The ticket's queue has no system address to send mail from."))
        }
        var draft = input
        let thread = try await ArticleRepository(db).lastWithMessageID(ofTicket: ticket.id)
        let replyTo = thread.flatMap { $0.sender == .customer ? $0.from : nil }
        let to = try Self.addresses(draft.to ?? replyTo, field: "to")
        guard !to.isEmpty else { throw DomainError.invalid(FieldIssue(field: "to", .required)) }
        let cc = try Self.addresses(draft.cc, field: "cc")
        let bcc = try Self.addresses(draft.bcc, field: "bcc")
        draft.files += try await storedFiles(draft.attachmentIDs, of: ticket)

        var subject = draft.subject ?? "Re: " + (thread?.subject ?? ticket.title)
        if !subject.localizedCaseInsensitiveContains("Ticket#\(ticket.number)") { subject = "[Ticket#\(ticket.number)] " + subject }
        if let signature = try await QueueMailTextRepository(db).texts(ofQueue: queue.id).first(where: { $0.kind == .signature }) {
            let text = MailTemplate.render(signature.body, values: [
                "ticket.number": ticket.number, "ticket.title": ticket.title, "queue.name": queue.name,
                "customer.name": to[0].name ?? to[0].address, "customer.email": to[0].address, "mail.subject": thread?.subject ?? "",
            ])
            draft.bodyText += "\n\n-- \n" + text
            draft.bodyHTML = draft.bodyHTML.map { $0 + "<p>-- <br>" + HTMLSanitizer.sanitize(Self.escaped(text)) + "</p>" }
        }
        var mail = OutgoingMail(
            from: MailAddress(systemAddress, name: queue.name), to: to, cc: cc, bcc: bcc, subject: subject,
            text: draft.bodyText, html: draft.bodyHTML,
            attachments: draft.files.map { OutgoingAttachment(filename: $0.filename, contentType: $0.contentType, bytes: $0.content, contentID: $0.contentID) }
        )
        mail.date = now
        mail.thread(after: thread)
        let composed: ComposedMail
        do {
            composed = try MailComposer(timeZone: configuration.timeZone).compose(mail)
        } catch {
            throw DomainError.invalid(FieldIssue(field: "to", .invalidAddress, detail: "The mail cannot be composed: \(error)."))
        }

        draft.from = mail.from.description
        draft.to = to.map(\.description).joined(separator: ", ")
        draft.cc = cc.isEmpty ? nil : cc.map(\.description).joined(separator: ", ")
        draft.subject = subject
        draft.messageID = composed.messageID
        draft.inReplyTo = mail.inReplyTo.first
        draft.references = mail.references.isEmpty ? nil : mail.references.joined(separator: " ")
        let article = try await ArticleWriter(db: db, dialect: dialect, now: now, fields: fields, sla: sla).write(draft, to: ticket, by: principal, touch: true)
        _ = try await OutboxRepository(db, dialect: dialect).enqueue(OutboxMessage(
            composed, ticketID: ticket.id, articleID: article.value.id, envelopeSender: configuration.smtp?.envelopeSender ?? composed.envelopeSender, at: now
        ))
        return article
    }

    /// Plain text as HTML: special characters escaped, line breaks as `<br>`.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\n", with: "<br>")
    }

    /// The addresses of a list such as `Erika <e@x.example>, k@y.example`; a part that is no address is an error.
    static func addresses(_ list: String?, field: String) throws(DomainError) -> [MailAddress] {
        guard let list, !list.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        let parsed = MailAddress.list(parsing: list)
        guard !parsed.isEmpty, parsed.count >= Self.entryCount(list), parsed.allSatisfy(Self.isPlainAddress) else {
            throw .invalid(FieldIssue(field: field, .invalidAddress))
        }
        return parsed
    }

    /// How many non-empty entries the comma-separated list has; commas in quotes, comments and angle brackets
    /// do not separate (`"Muster, Erika" <e@x.example>` is one entry).
    static func entryCount(_ list: String) -> Int {
        var count = 0, depth = 0, quoted = false, escaped = false, entryHasText = false
        for character in list {
            if escaped { escaped = false; continue }
            switch character {
            case "\\" where quoted: escaped = true
            case "\"": quoted.toggle()
            case "(", "<": if !quoted { depth += 1 }
            case ")", ">": if !quoted { depth = max(0, depth - 1) }
            case "," where !quoted && depth == 0:
                if entryHasText { count += 1 }
                entryHasText = false
                continue
            default: break
            }
            if !character.isWhitespace { entryHasText = true }
        }
        return count + (entryHasText ? 1 : 0)
    }

    private static func isPlainAddress(_ address: MailAddress) -> Bool {
        let parts = address.address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && address.address.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && !"<>()[],;:\\\"".unicodeScalars.contains($0) }
    }

    /// The stored attachments `ids`, which must belong to the ticket.
    private func storedFiles(_ ids: [Int64], of ticket: Ticket) async throws -> [ArticleDraft.File] {
        let repository = AttachmentRepository(db)
        var files: [ArticleDraft.File] = []
        for (index, id) in ids.enumerated() {
            guard let attachment = try await repository.find(id, in: .everything, includeInternal: true), attachment.ticketID == ticket.id,
                  let content = try await repository.content(digest: attachment.digest)
            else { throw DomainError.invalid(FieldIssue(field: "attachmentIds[\(index)]", .unknownReference(reference: String(id)))) }
            files.append(ArticleDraft.File(filename: attachment.filename, contentType: attachment.contentType, content: content,
                                           contentID: attachment.contentID))
        }
        return files
    }
}
