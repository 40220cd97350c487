/// The failures a use case reports to its caller.
///
/// Every layer above Services maps these to its own medium: the REST API to
/// `application/problem+json` responses, the CLI to exit codes and messages.
/// None of them is a server fault; a use case that hits an unexpected error
/// lets it propagate untyped instead.
public enum DomainError: Error, Sendable, Equatable {
    /// The caller is not signed in, or the credentials are wrong.
    case unauthenticated(String)
    /// The caller is signed in but lacks a right.
    case forbidden(String)
    /// The object does not exist, or the caller may not know that it exists.
    case notFound(String)
    /// The input is malformed or breaks a rule; `issues` name the offending fields.
    case invalid(String, issues: [FieldIssue])
    /// The change collides with existing data (a duplicate unique name, for example).
    case conflict(String)
    /// The caller's `If-Match` version is no longer current.
    case stale(String)
    /// The input is larger than allowed.
    case tooLarge(String)
    /// Too many attempts in a short time.
    case rateLimited(String)

    /// A validation failure with a single field issue.
    public static func invalid(field: String, _ message: String) -> DomainError {
        .invalid(message, issues: [FieldIssue(field: field, message: message)])
    }

    /// The human-readable summary.
    public var message: String {
        switch self {
        case .unauthenticated(let m), .forbidden(let m), .notFound(let m), .invalid(let m, _),
             .conflict(let m), .stale(let m), .tooLarge(let m), .rateLimited(let m):
            m
        }
    }

    /// The HTTP status every web surface answers this failure with (the REST API, pages, bulk outcomes).
    public var httpStatus: Int {
        switch self {
        case .unauthenticated: 401
        case .forbidden: 403
        case .notFound: 404
        case .invalid: 422
        case .conflict: 409
        case .stale: 412
        case .tooLarge: 413
        case .rateLimited: 429
        }
    }
}
