import Crypto
import Foundation
import Hummingbird

/// The stylesheet, scripts and icons of the web interface, held in memory and served under `/static/`.
///
/// `app.css` is every `static/css/*.css` and `app.js` every `static/js/*.js`, joined in file-name order, so
/// each area of the interface keeps its own file while a page loads one stylesheet and one script.
///
/// Pages link them as `/static/NAME?v=VERSION`; the version is a hash of all assets, so browsers may
/// cache them for a year and still see every change.
public struct StaticAssets: Sendable {
    struct Asset: Sendable {
        var data: ByteBuffer
        var contentType: String
    }

    let files: [String: Asset]
    /// Changes whenever any asset changes.
    let version: String

    static func load(from directory: URL) throws -> StaticAssets {
        var contents: [String: Data] = [:]
        for name in try visibleFiles(in: directory) where !name.hasSuffix("/") {
            contents[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        for (bundle, folder, fileExtension) in [("app.css", "css", "css"), ("app.js", "js", "js")] {
            let parts = try visibleFiles(in: directory.appendingPathComponent(folder)).filter { $0.hasSuffix("." + fileExtension) }
            contents[bundle] = try parts.reduce(into: Data()) { joined, name in
                joined.append(try Data(contentsOf: directory.appendingPathComponent(folder).appendingPathComponent(name)))
                joined.append(Data("\n".utf8))
            }
        }
        var files: [String: Asset] = [:]
        var digest = SHA256()
        for (name, data) in contents.sorted(by: { $0.key < $1.key }) {
            digest.update(data: data)
            files[name] = Asset(data: ByteBuffer(bytes: data), contentType: contentType(of: name))
        }
        let version = digest.finalize().prefix(6).map { String(format: "%02x", $0) }.joined()
        return StaticAssets(files: files, version: version)
    }

    /// The names in `directory`, sorted, without hidden files; sub-folders end in "/".
    private static func visibleFiles(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }.sorted().map { name in
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isFolder)
            return exists && isFolder.boolValue ? name + "/" : name
        }
    }

    private static func contentType(of name: String) -> String {
        switch (name as NSString).pathExtension {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        default: "application/octet-stream"
        }
    }

    /// Adds `GET /static/{name}`.
    func register(on router: Router<AppRequestContext>) {
        router.get("static/:name") { request, context -> Response in
            guard let name = context.parameters.get("name"), let asset = files[name] else { throw HTTPError(.notFound) }
            let etag = "\"\(version)\""
            if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: [.eTag: etag]) }
            return Response(
                status: .ok,
                headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=31536000, immutable", .eTag: etag,
                          .xContentTypeOptions: "nosniff"],
                body: .init(byteBuffer: asset.data)
            )
        }
    }
}
