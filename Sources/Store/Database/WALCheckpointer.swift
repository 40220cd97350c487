import Synchronization

/// The number of frames in an SQLite write-ahead log, as its writer last reported it.
final class WALFrameCount: Sendable {
    let value = Atomic<Int>(0)
}

/// Copies the SQLite write-ahead log back into the database file on a thread and connection of its own.
///
/// SQLite checkpoints by default in the connection that commits, once the log holds 1,000 frames: the single
/// writer then spent a tenth of its time copying pages and waiting for `fsync` while every write waited for it.
/// The writer now only reports the log's length after each commit (`SQLiteDirectConnection.reportWALFrames`), and
/// this checkpointer runs a passive checkpoint beside it, which never blocks the writer or readers. As before,
/// the log starts over from its beginning with the first write after a complete checkpoint.
final class WALCheckpointer: Sendable {
    /// Log length (in pages) from which a commit starts a checkpoint: about 16 MB with 4 KB pages.
    static let threshold = 4_000

    let frames = WALFrameCount()
    private let connection: SQLiteDirectConnection
    private let executor = ThreadExecutor(name: "sqlite-checkpoint")
    /// The checkpoint in progress, if any.
    private let running = Mutex<Task<Void, Never>?>(nil)

    init(path: String) throws {
        connection = try SQLiteDirectConnection(path: path)
    }

    /// Starts a checkpoint when the log has grown past `threshold` and none is running. Called after a commit.
    func logGrew() {
        guard frames.value.load(ordering: .relaxed) >= Self.threshold else { return }
        running.withLock { task in
            guard task == nil else { return }
            task = Task(executorPreference: executor) { [self] in
                // A failed passive checkpoint leaves the log as it is; the next commit tries again.
                try? connection.execute("PRAGMA wal_checkpoint(PASSIVE)", []) { _ in }
                running.withLock { $0 = nil }
            }
        }
    }

    /// Waits for a running checkpoint and ends the thread.
    func close() async {
        await running.withLock { $0 }?.value
        executor.stop()
    }
}
