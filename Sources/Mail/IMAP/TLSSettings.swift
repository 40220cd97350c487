import NIOCore
import NIOSSL

/// The TLS client context for one server: the system's trust store plus an optional PEM file, full verification
/// of the certificate against the host name (or, for an IP address, against the address).
struct TLSSettings: Sendable {
    private let context: NIOSSLContext
    private let serverHostname: String?

    init(_ configuration: IMAPConfiguration) throws(IMAPError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        if let file = configuration.trustRootsFile {
            tls.additionalTrustRoots = [.file(file)]
        }
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw .tlsFailed("cannot set up TLS: \(error)")
        }
        // SNI takes names only; for an IP address NIOSSL checks the certificate against the peer's address.
        let isAddress = (try? SocketAddress(ipAddress: configuration.host, port: 0)) != nil
        serverHostname = isAddress ? nil : configuration.host
    }

    func makeHandler() throws -> NIOSSLClientHandler {
        try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
    }
}
