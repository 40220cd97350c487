import Foundation
import Hummingbird
import NIOCore
import Store

/// Health, readiness, metrics and the OpenAPI document.
struct SystemController {
    let services: WebServices

    func register(on router: Router<AppRequestContext>) {
        router.get("healthz") { _, _ in "ok" }
        router.get("readyz") { _, _ -> Response in
            let migrator = Migrator(database: services.context.database)
            let ready = (try? await migrator.currentVersion()) == Migrator.latest
            return Response(
                status: ready ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: ready ? "ready" : "not ready"))
            )
        }
        router.get("metrics") { _, _ -> Response in
            var buffer: [UInt8] = []
            services.metrics.emit(into: &buffer)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        router.get("api/v1/openapi.json") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.bytes)))
        }
    }
}

/// The OpenAPI 3.1 description of the REST API, shipped as a resource.
enum OpenAPIDocument {
    static let bytes: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "Resources/openapi", withExtension: "json"),
              let data = try? Data(contentsOf: url) else { return Array("{}".utf8) }
        return [UInt8](data)
    }()
}
