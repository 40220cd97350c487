import Domain
import Foundation
import Logging
import Mail
import Store

/// What every use case needs: the database, a clock, a logger and the installation's settings.
public struct ServiceContext: Sendable {
    public let database: Database
    public let logger: Logger
    public let configuration: Configuration
    /// The current time; tests replace it.
    public let now: @Sendable () -> Date

    /// Installation settings that use cases consult.
    public struct Configuration: Sendable {
        /// Two-digit system id in ticket numbers; distinct per installation, the same for all its nodes.
        public var systemID: Int
        /// The time zone ticket-number dates are counted in.
        public var timeZone: TimeZone
        /// The largest attachment accepted, in bytes.
        public var maxAttachmentBytes: Int
        /// How long a browser session lasts without renewal.
        public var sessionLifetime: TimeInterval
        /// The bcrypt cost factor for new password hashes.
        public var bcryptCost: UInt8
        /// Ticket types (German or English name) whose open tickets put the configuration items they affect into
        /// incident state, and what depends on those into warning; empty turns this off.
        public var incidentTicketTypes: [String]
        /// The SMTP server outgoing mail is delivered to; nil to keep mail queued in the outbox.
        public var smtp: SMTPSettings?
        /// Leases, retries and backoff of outbox delivery.
        public var outbox: OutboxPolicy
        /// The most automatic answers one address gets per day (loop protection).
        public var autoResponseDailyCap: Int

        public init(
            systemID: Int = 10, timeZone: TimeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt,
            maxAttachmentBytes: Int = 20 * 1024 * 1024, sessionLifetime: TimeInterval = 8 * 3600, bcryptCost: UInt8 = 12,
            smtp: SMTPSettings? = nil, outbox: OutboxPolicy = .init(), autoResponseDailyCap: Int = 10,
            incidentTicketTypes: [String] = ["Störung", "Incident"]
        ) {
            self.systemID = systemID
            self.timeZone = timeZone
            self.maxAttachmentBytes = maxAttachmentBytes
            self.sessionLifetime = sessionLifetime
            self.bcryptCost = bcryptCost
            self.incidentTicketTypes = incidentTicketTypes
            self.smtp = smtp
            self.outbox = outbox
            self.autoResponseDailyCap = autoResponseDailyCap
        }
    }

    public init(database: Database, logger: Logger, configuration: Configuration = .init(), now: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.logger = logger
        self.configuration = configuration
        self.now = now
    }
}
