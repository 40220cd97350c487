import Foundation
import HTTPTypes
import Testing

extension JSONResponse {
    /// The `errors[].field` names of a problem document.
    var problemFields: [String] {
        (self["errors"] as? [[String: Any]] ?? []).compactMap { $0.string("field") }
    }

    var problemDetail: String? { self["detail"] as? String }

    /// A short description for failure messages.
    var summary: String {
        "\(status.code) \(String(buffer: raw).prefix(300))"
    }
}

/// Expects a 4xx `application/problem+json` answer with a `detail`, the status echoed in the body,
/// optionally a particular status, and optionally an `errors[].field` naming `field`.
func expectProblem(
    _ response: JSONResponse, _ status: HTTPResponse.Status? = nil, field: String? = nil, _ comment: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let context = comment()
    if let status {
        #expect(response.status == status, "\(context): \(response.summary)", sourceLocation: sourceLocation)
    }
    #expect((400..<500).contains(response.status.code), "\(context): \(response.summary)", sourceLocation: sourceLocation)
    #expect(response.isProblem, "\(context): content type \(response.contentType)", sourceLocation: sourceLocation)
    #expect(response.object.int("status") == Int64(response.status.code), "\(context): \(response.summary)", sourceLocation: sourceLocation)
    #expect((response.problemDetail ?? "").count >= 10, "\(context): unhelpful detail in \(response.summary)", sourceLocation: sourceLocation)
    if let field {
        #expect(response.problemFields.contains(field), "\(context): expected errors[].field \(field) in \(response.summary)",
                sourceLocation: sourceLocation)
    }
}

/// Expects a 4xx problem document of any status.
func expectProblem(_ response: JSONResponse, _ comment: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) {
    expectProblem(response, nil, field: nil, comment(), sourceLocation: sourceLocation)
}
