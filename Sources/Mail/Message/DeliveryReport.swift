/// What a delivery status notification (a bounce, RFC 3464 `multipart/report; report-type=delivery-status`)
/// says: which recipients failed or were delayed, and which message it is about.
public struct DeliveryReport: Sendable, Hashable {
    /// The status of the message for one recipient.
    public struct Recipient: Sendable, Hashable {
        /// The address the report is about (`Final-Recipient`, without its `rfc822;` type).
        public let address: String
        /// The address as originally given, if the report names it (`Original-Recipient`).
        public let originalAddress: String?
        /// `failed`, `delayed`, `delivered`, `relayed` or `expanded`, in lower case.
        public let action: String
        /// The enhanced status code, such as `5.1.1`.
        public let status: String?
        /// The remote server's answer, such as `smtp; 550 5.1.1 User unknown`.
        public let diagnostic: String?

        public init(address: String, originalAddress: String?, action: String, status: String?, diagnostic: String?) {
            self.address = address
            self.originalAddress = originalAddress
            self.action = action
            self.status = status
            self.diagnostic = diagnostic
        }

        /// Whether delivery to this recipient failed for good.
        public var isFailure: Bool { action == "failed" || status?.hasPrefix("5") == true }
    }

    /// The server that wrote the report (`Reporting-MTA`, without its `dns;` type).
    public let reportingMTA: String?
    public let recipients: [Recipient]
    /// The Message-ID (without angle brackets) of the message that could not be delivered, from the returned
    /// message or its headers; nil if the report does not include them.
    public let originalMessageID: String?
    /// The subject of the message that could not be delivered, if returned.
    public let originalSubject: String?

    public init(reportingMTA: String?, recipients: [Recipient], originalMessageID: String?, originalSubject: String?) {
        self.reportingMTA = reportingMTA
        self.recipients = recipients
        self.originalMessageID = originalMessageID
        self.originalSubject = originalSubject
    }

    /// The addresses delivery failed to for good.
    public var failedRecipients: [String] { recipients.filter(\.isFailure).map(\.address) }
}
