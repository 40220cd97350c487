import Foundation

/// The REST API's paths and their methods as the OpenAPI document lists them (a contract test proves the
/// document matches the router). Path templates such as `/api/v1/tickets/{id}` match any single segment.
struct DocumentedRoutes: Sendable {
    private struct Route: Sendable {
        /// Literal segments, nil where the template has a parameter.
        var segments: [String?]
        var methods: [String]
    }

    private let routes: [Route]

    /// The routes of the bundled OpenAPI document.
    static let api = DocumentedRoutes(openAPI: OpenAPIDocument.bytes)

    init(openAPI bytes: [UInt8]) {
        let document = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
        let paths = document?["paths"] as? [String: Any] ?? [:]
        let verbs = ["get", "put", "post", "delete", "patch", "head", "options"]
        routes = paths.compactMap { template, item in
            guard let operations = item as? [String: Any] else { return nil }
            let methods = verbs.filter { operations[$0] != nil }.map { $0.uppercased() }
            let segments = Self.segments(of: template).map { $0.hasPrefix("{") ? nil : String($0) }
            return Route(segments: segments, methods: methods)
        }
    }

    /// The methods documented for `path`; empty when no template matches. Like the router, a literal segment
    /// wins over a parameter: `/api/v1/tickets/bulk` has only the methods of that route, not those of
    /// `/api/v1/tickets/{id}`.
    func methods(forPath path: String) -> [String] {
        let segments = Self.segments(of: path)
        let matches = routes.filter { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { literal, segment in literal.map { $0 == segment } ?? true }
        }
        func literals(_ route: Route) -> [Bool] { route.segments.map { $0 != nil } }
        guard let best = matches.map(literals).max(by: { $0.lexicographicallyPrecedes($1) { !$0 && $1 } }) else { return [] }
        var methods = Set(matches.filter { literals($0) == best }.flatMap(\.methods))
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods.sorted()
    }

    private static func segments(of path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}
