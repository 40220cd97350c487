import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Sends requests like `TestClientProtocol.call` and expects every response to agree with the OpenAPI document;
/// remembers which operations answered with which statuses.
struct ContractClient {
    let client: any TestClientProtocol
    let contract: OpenAPIContract
    let log = ContractLog()

    /// Loads the document the server serves.
    init(client: any TestClientProtocol) async throws {
        self.client = client
        let response = try await client.call(.get, "/api/v1/openapi.json", token: nil)
        contract = OpenAPIContract(document: try JSONValue(parsing: Data(buffer: response.raw)))
    }

    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ uri: String, token: String?, json: Any? = nil, raw: [UInt8]? = nil, headers: HTTPFields = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> JSONResponse {
        let response = try await client.call(method, uri, token: token, json: json, raw: raw, headers: headers)
        let violations = contract.violations(of: response, to: method, uri)
        #expect(violations.isEmpty, "\(method) \(uri) → \(response.status.code): \(violations.joined(separator: "; "))", sourceLocation: sourceLocation)
        if let operation = contract.operation(method, uri) {
            await log.record(operation, status: response.status.code)
        }
        return response
    }
}

/// The statuses each documented operation answered with.
actor ContractLog {
    private(set) var statuses: [OpenAPIContract.Operation: Set<Int>] = [:]

    func record(_ operation: OpenAPIContract.Operation, status: Int) {
        statuses[operation, default: []].insert(status)
    }
}
