import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// An HTTP client for the server under test: bearer token, JSON bodies, fails on any unexpected status.
struct LoadClient: Sendable {
    let http: HTTPClient
    let baseURL: String
    let token: String

    /// A client keeping up to `connections` connections to the server.
    init(port: Int, token: String, connections: Int) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: max(connections, 1))
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(120))
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        baseURL = "http://127.0.0.1:\(port)"
        self.token = token
    }

    /// Sends one request and returns the whole response body; throws unless the status is `expect`.
    /// With `cookie`, the request carries that browser session instead of the bearer token.
    @discardableResult
    func send(
        _ method: HTTPMethod, _ path: String, json: ByteBuffer? = nil, cookie: String? = nil, expect: HTTPResponseStatus = .ok
    ) async throws -> ByteBuffer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let cookie {
            request.headers.add(name: "Cookie", value: cookie)
        } else {
            request.headers.add(name: "Authorization", value: "Bearer " + token)
        }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(json)
        }
        let response = try await http.execute(request, timeout: .seconds(120))
        let body = try await response.body.collect(upTo: 64 << 20)
        guard response.status == expect else {
            throw BenchError.unexpectedStatus(method: method.rawValue, path: path, status: Int(response.status.code),
                                              body: String(buffer: body).prefix(500).description)
        }
        return body
    }

    func shutdown() async throws {
        try await http.shutdown()
    }
}

/// Why a benchmark run stopped.
public enum BenchError: Error, CustomStringConvertible {
    case serverDidNotStart
    case unexpectedStatus(method: String, path: String, status: Int, body: String)
    case unexpectedResponse(String)
    case notEmpty(String)
    case notSeeded(String)

    public var description: String {
        switch self {
        case .serverDidNotStart: "The HTTP server did not start."
        case let .unexpectedStatus(method, path, status, body): "\(method) \(path) answered \(status): \(body)"
        case .unexpectedResponse(let message): message
        case .notEmpty(let message): message
        case .notSeeded(let message): message
        }
    }
}
