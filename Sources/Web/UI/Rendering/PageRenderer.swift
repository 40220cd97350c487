import Domain
import Foundation
import Hummingbird
import Mustache

/// Renders server-side pages: a Mustache template inside the shared layout, in the request's language,
/// with the security headers every page carries.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let translations: Translations
    let assets: StaticAssets

    /// Loads the templates, texts and static assets bundled with the web module.
    public static func bundled() throws -> PageRenderer {
        let root = try resourceRoot()
        return PageRenderer(
            library: try templates(in: root.appendingPathComponent("templates")), translations: try .bundled(),
            assets: try .load(from: root.appendingPathComponent("static"))
        )
    }

    /// The folder holding `templates/`, `static/` and `i18n/`.
    static func resourceRoot() throws -> URL {
        guard let root = Bundle.module.url(forResource: "Resources", withExtension: nil) else { throw UIResourceError.missing("Resources") }
        return root
    }

    /// Every `.mustache` file below `directory`, named by its relative path without extension (`agent/dashboard`).
    private static func templates(in directory: URL) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        let base = directory.standardizedFileURL.path + "/"
        guard let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            throw UIResourceError.missing("templates")
        }
        for case let file as URL in files where file.pathExtension == "mustache" {
            let name = String(file.standardizedFileURL.deletingPathExtension().path.dropFirst(base.count))
            try library.register(String(contentsOf: file, encoding: .utf8), named: name)
        }
        return library
    }

    /// Sent with every page: scripts, styles and images only from this server; no framing; forms only to this server.
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        .xContentTypeOptions: "nosniff",
        .init("Referrer-Policy")!: "same-origin",
        .cacheControl: "no-store",
    ]

    /// A whole page: `template` (a path under `Resources/templates` without extension) rendered with `view`
    /// inside the layout. `title` is a translation key; `section` marks the navigation entry that is current.
    func page(
        _ template: String, title: String, view: Any = [String: Any](), context: AppRequestContext, request: Request,
        section: String? = nil, status: HTTPResponse.Status = .ok, titleArguments: [String: String] = [:]
    ) throws -> Response {
        let language = context.language
        var root: [String: Any] = [
            "lang": language.rawValue,
            "t": translations.templateNode(language),
            "title": translations.text(title, in: language, titleArguments),
            "csrf": context.csrfToken ?? "",
            "asset": assets.version,
            "view": view,
            "path": request.uri.path,
            "otherLanguage": language == .de ? "en" : "de",
        ]
        if let principal = context.principal, !principal.isSystem {
            root["me"] = [
                "login": principal.login, "isAdmin": principal.isAdmin, "isAgent": principal.isAgent, "id": principal.userID,
                "readsCMDB": AccessPolicy.canReadCMDB(principal), "writesCMDB": AccessPolicy.canWriteCMDB(principal),
            ] as [String: Any]
        }
        if let section { root["section"] = [section: true] }
        if let notice = request.uri.queryParameters["notice"].map(String.init), let text = translations.catalog(language)["notice.\(notice)"] {
            root["notice"] = text
        }
        guard let html = library.render(root, withTemplate: template) else { throw UIResourceError.template(template) }
        var headers = Self.securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A 303 redirect after a form, optionally with a notice (a key under `notice.` in the texts) for the next page.
    static func redirect(to path: String, notice: String? = nil) -> Response {
        var target = path
        if let notice { target += (path.contains("?") ? "&" : "?") + "notice=\(notice)" }
        return Response(status: .seeOther, headers: [.location: target, .cacheControl: "no-store"])
    }

    /// One interface text in the request's language.
    func text(_ key: String, _ context: AppRequestContext, _ arguments: [String: String] = [:]) -> String {
        translations.text(key, in: context.language, arguments)
    }
}
