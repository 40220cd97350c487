import Domain
import Foundation
import Logging
import Mail
import Store

/// The postmaster-filter step of `MailIntake`: takes the filters from the master data snapshot (refreshed like
/// the other master data: at once on this node after a change, within seconds on others), decides for one mail, and keeps a
/// dropped mail in the ignore list. Field values a filter sets that no longer fit their definition are left out
/// (and logged), so that a stale filter never makes mail unfileable.
struct MailFilterStage: Sendable {
    let context: ServiceContext
    let fields: FieldService
    let masterData: MasterDataCache

    func verdict(for mail: MailMessage, trusted: Bool) async throws -> MailFilterVerdict {
        let filters = try await masterData.current(context.database).mailFilters
        guard filters.contains(where: \.isActive) else { return MailFilterVerdict() }
        var verdict = MailFilterMatcher.verdict(filters, for: mail, trusted: trusted)
        if !verdict.fields.isEmpty {
            let definitions = try await fields.definitions(for: .ticket)
            verdict.fields = verdict.fields.filter { name, value in
                let fits = definitions.first { $0.name == name }.map { (try? $0.validate(.string(value)).get()) != nil } ?? false
                if !fits { context.logger.warning("mail filter value left out", metadata: ["field": "\(name)"]) }
                return fits
            }
        }
        return verdict
    }

    /// Keeps the mail, raw, in the ignore list; no ticket is made.
    func keepIgnored(_ mail: MailMessage, by filterName: String) async throws -> MailIntakeResult {
        let now = context.now()
        let record = IgnoredMail(
            id: 0, receivedAt: now, filterName: filterName, subject: mail.subject.map { String($0.prefix(998)) },
            from: mail.from.first.map { String($0.description.prefix(998)) }, messageID: mail.messageID.map { String($0.prefix(998)) },
            size: mail.raw.count)
        let id = try await context.database.transaction { db in try await MailFilterRepository(db).insertIgnored(record, raw: mail.raw) }
        return MailIntakeResult(outcome: .ignored, ignoredId: id)
    }
}
