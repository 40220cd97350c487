import Domain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A stored file as a download: its media type, its name (ASCII and RFC 5987 UTF-8), and `nosniff`, so that
/// a browser never runs an uploaded file as a page. Used by the REST API and the agents' interface.
enum AttachmentResponse {
    static func make(_ attachment: Attachment, content: [UInt8]) -> Response {
        let filename = attachment.filename.replacingOccurrences(of: "\"", with: "'")
        let encoded = attachment.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        return Response(status: .ok, headers: [
            .contentType: attachment.contentType,
            .contentDisposition: "attachment; filename=\"\(filename.unicodeScalars.allSatisfy(\.isASCII) ? filename : "file")\"; filename*=UTF-8''\(encoded)",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            .contentSecurityPolicy: "default-src 'none'; sandbox",
        ], body: .init(byteBuffer: ByteBuffer(bytes: content)))
    }
}
