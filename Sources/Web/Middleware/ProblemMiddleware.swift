import Domain
import Foundation
import Hummingbird
import Logging

/// Turns every error into an `application/problem+json` response (RFC 9457). Use-case failures become 4xx;
/// anything unexpected becomes a 500 whose details go to the log only.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as DomainError {
            return Problem(error).response()
        } catch let error as HTTPError {
            var response = Problem(status: error.status, title: error.status.reasonPhrase, detail: error.body ?? error.status.reasonPhrase).response()
            response.headers.append(contentsOf: error.headers)
            return response
        } catch {
            context.logger.error("Unhandled error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return Problem(status: .internalServerError, title: "Internal Server Error", detail: "An unexpected error occurred; it has been logged.").response()
        }
    }
}

/// An RFC 9457 problem document with field-level details.
struct Problem: Encodable {
    var type = "about:blank"
    var title: String
    var status: Int
    var detail: String
    var errors: [FieldIssue]?

    init(status: HTTPResponse.Status, title: String, detail: String, errors: [FieldIssue]? = nil) {
        self.title = title
        self.status = status.code
        self.detail = detail
        self.errors = errors
    }

    init(_ error: DomainError) {
        let known: [HTTPResponse.Status] = [
            .unauthorized, .forbidden, .notFound, .unprocessableContent, .conflict, .preconditionFailed, .contentTooLarge, .tooManyRequests,
        ]
        let status = known.first { $0.code == error.httpStatus } ?? .init(code: error.httpStatus)
        var issues: [FieldIssue]?
        if case .invalid(_, let list) = error { issues = list }
        self.init(status: status, title: status.reasonPhrase, detail: error.message, errors: issues)
    }

    func response() -> Response {
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if status == 401 { headers[.wwwAuthenticate] = "Bearer" }
        let data = (try? APIBody.encoder.encode(self)) ?? Data()
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: .init(bytes: data)))
    }
}

/// `code` is the issue's code name, `invalid` for an issue only its message describes; `parameters` (only when the
/// code has some) are the values its text fills in.
extension FieldIssue: Encodable {
    private enum CodingKeys: String, CodingKey { case field, code, parameters, message }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(codeName, forKey: .code)
        if !parameters.isEmpty { try container.encode(parameters, forKey: .parameters) }
        try container.encode(message, forKey: .message)
    }
}
