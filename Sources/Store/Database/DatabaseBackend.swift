import SQLKit

/// An engine-specific way to run reads and transactions.
protocol DatabaseBackend: Sendable {
    var dialect: Dialect { get }
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func close() async
}
