extension IMAPConnection {
    /// The UIDs of the selected mailbox's messages not flagged `\Deleted`, in ascending order.
    public func uidSearchUndeleted() async throws(IMAPError) -> [UInt32] {
        let (untagged, _) = try await execute(IMAPCommand("UID SEARCH", .text(" UNDELETED")))
        var uids: [UInt32] = []
        for case .search(let found) in untagged { uids += found }
        return uids.sorted()
    }

    /// The sizes (RFC822.SIZE) of the given messages, by UID; messages gone meanwhile are missing.
    public func uidFetchSizes(_ uids: [UInt32]) async throws(IMAPError) -> [UInt32: Int] {
        guard !uids.isEmpty else { return [:] }
        let (untagged, _) = try await execute(IMAPCommand("UID FETCH", .text(" \(Self.set(uids)) (UID RFC822.SIZE)")))
        var sizes: [UInt32: Int] = [:]
        for case .fetch(_, let attributes) in untagged {
            if let uid = attributes["UID"]?.number.flatMap(UInt32.init(exactly:)), let size = attributes["RFC822.SIZE"]?.number {
                sizes[uid] = size
            }
        }
        return sizes
    }

    /// The whole message with this UID, exactly as stored, without marking it `\Seen`; nil if it is gone.
    public func uidFetchMessage(_ uid: UInt32) async throws(IMAPError) -> [UInt8]? {
        let (untagged, _) = try await execute(IMAPCommand("UID FETCH", .text(" \(uid) (UID BODY.PEEK[])")))
        for case .fetch(_, let attributes) in untagged where attributes["UID"]?.number == Int(uid) {
            if let bytes = attributes["BODY[]"]?.bytes { return bytes }
        }
        return nil
    }

    /// Flags the messages `\Deleted` and expunges them: only these (`UID EXPUNGE`) when the server has UIDPLUS,
    /// else every message flagged `\Deleted` in the mailbox.
    public func uidDelete(_ uids: [UInt32]) async throws(IMAPError) {
        guard !uids.isEmpty else { return }
        _ = try await execute(IMAPCommand("UID STORE", .text(" \(Self.set(uids)) +FLAGS.SILENT (\\Deleted)")))
        if capabilities.contains("UIDPLUS") {
            _ = try await execute(IMAPCommand("UID EXPUNGE", .text(" \(Self.set(uids))")))
        } else {
            _ = try await execute(IMAPCommand("EXPUNGE"))
        }
    }

    /// Moves the messages to another mailbox (`UID MOVE`, or `UID COPY` and delete on servers without MOVE),
    /// creating the mailbox when the server says it does not exist.
    public func uidMove(_ uids: [UInt32], to mailbox: String) async throws(IMAPError) {
        guard !uids.isEmpty else { return }
        let hasMove = capabilities.contains("MOVE")
        let command = IMAPCommand(hasMove ? "UID MOVE" : "UID COPY", .text(" \(Self.set(uids))")).with(IMAPCommand.mailbox(mailbox))
        do {
            _ = try await execute(command)
        } catch .commandFailed(_, "NO", let text) where text.uppercased().hasPrefix("[TRYCREATE]") {
            try await create(mailbox)
            _ = try await execute(command)
        }
        if !hasMove { try await uidDelete(uids) }
    }

    /// A UID set such as `3:5,9`.
    static func set(_ uids: [UInt32]) -> String {
        var ranges: [String] = []
        var sorted = uids.sorted()[...]
        while let first = sorted.popFirst() {
            var last = first
            while let next = sorted.first, next == last + 1 || next == last {
                last = next
                sorted.removeFirst()
            }
            ranges.append(first == last ? "\(first)" : "\(first):\(last)")
        }
        return ranges.joined(separator: ",")
    }
}
