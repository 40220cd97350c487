import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing and checking, off the cooperative thread pool.
///
/// One bcrypt at cost 12 takes about a quarter of a second of CPU. Run inline it would hold one of the few
/// threads every `async` task shares (two on a 2-core machine), and every request would stall behind a
/// sign-in. It runs on threads of its own instead; not on `NIOThreadPool.singleton`, where the SQLite driver's
/// blocking calls run.
enum PasswordHashing {
    private static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        return pool
    }()

    static func hash(_ password: String, cost: UInt8) async throws -> String {
        try await pool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String) async throws -> Bool {
        try await pool.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
