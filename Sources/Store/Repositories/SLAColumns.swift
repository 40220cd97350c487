import Domain
import Foundation
import SQLKit

/// How `TicketSLASummary` and `TicketSLAClocks` map to the `tickets` columns of migration 5.
public enum SLAColumns {
    /// `escalation_at` of a ticket without a due time: far in the future (year 2255), so it sorts last.
    public static let noEscalation: Int64 = 9_000_000_000_000

    static func summary(_ row: any SQLRow) throws -> TicketSLASummary {
        let escalation = try row.int64("escalation_at")
        return TicketSLASummary(
            slaID: try row.int64OrNil("sla_id"),
            escalationAt: escalation >= noEscalation ? nil : Date(millis: escalation),
            warnAt: try row.dateOrNil("sla_warn_at"),
            isBreached: try row.bool("sla_breached"),
            isPaused: try row.bool("sla_paused"),
            nextDeadline: try row.dateOrNil("sla_next_deadline")
        )
    }

    /// The summary columns with their values, in a fixed order.
    static func values(_ summary: TicketSLASummary) -> [(String, any Encodable & Sendable)] {
        [
            ("sla_id", summary.slaID), ("escalation_at", summary.escalationAt?.millis ?? noEscalation),
            ("sla_warn_at", summary.warnAt?.millis), ("sla_breached", summary.isBreached),
            ("sla_paused", summary.isPaused), ("sla_next_deadline", summary.nextDeadline?.millis),
        ]
    }

    /// The SQL condition for tickets in `status` at `instant`, as `TicketSLASummary.status(at:)` decides it.
    static func condition(_ status: TicketSLAStatus, at instant: Date) -> SQLQueryString {
        let breached: SQLQueryString = "(t.sla_breached = \(bind: true) OR t.escalation_at <= \(bind: instant.millis))"
        let calm: SQLQueryString = "NOT \(breached) AND t.sla_paused = \(bind: false)"
        switch status {
        case .breached:
            return breached
        case .paused:
            return "(NOT \(breached) AND t.sla_paused = \(bind: true))"
        case .warning:
            return "(\(calm) AND t.sla_warn_at <= \(bind: instant.millis))"
        case .ok:
            return """
                (\(calm) AND t.escalation_at < \(bind: noEscalation) \
                AND (t.sla_warn_at IS NULL OR t.sla_warn_at > \(bind: instant.millis)))
                """
        }
    }

    static func encode(_ clocks: TicketSLAClocks) -> String {
        clocks.jsonText
    }

    static func decode(_ text: String) throws -> TicketSLAClocks {
        try decoder.decode(TicketSLAClocks.self, from: Data(text.utf8))
    }

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()
}
