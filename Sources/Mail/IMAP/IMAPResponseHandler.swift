import NIOCore
import NIOSSL

/// The connection's one inbound handler: frames and parses the server's bytes and hands each response to the
/// waiting command (or keeps it until one asks). A wait fails when the server stays silent longer than the
/// timeout, or when the connection breaks; after that every wait fails with the same error.
final class IMAPResponseHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private var processor: NIOSingleStepByteToMessageProcessor<IMAPFrameDecoder>
    private var ready = CircularBuffer<IMAPResponse>()
    private var failure: IMAPError?
    private var waiting: EventLoopPromise<IMAPResponse>?
    private var lastActivity = NIODeadline.now()
    private var timeoutTask: Scheduled<Void>?
    private var context: ChannelHandlerContext?
    private let timeout: TimeAmount

    init(timeout: TimeAmount, maximumLiteralBytes: Int) {
        self.timeout = timeout
        processor = NIOSingleStepByteToMessageProcessor(IMAPFrameDecoder(maximumLiteralBytes: maximumLiteralBytes))
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastActivity = .now()
        do {
            try processor.process(buffer: unwrapInboundIn(data)) { record in
                deliver(try IMAPResponseParser.parse(record))
            }
        } catch {
            fail(error as? IMAPError ?? .protocolViolation("\(error)"))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.connectionClosed("the server closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        switch error {
        case let error as IMAPError: fail(error)
        case is NIOSSLError, is BoringSSLError: fail(.tlsFailed("\(error)"))
        default: fail(.connectionClosed("\(error)"))
        }
        context.close(promise: nil)
    }

    /// The next response; call on the channel's event loop `loop` only.
    func next(on loop: any EventLoop) -> EventLoopFuture<IMAPResponse> {
        if let response = ready.popFirst() { return loop.makeSucceededFuture(response) }
        if let failure { return loop.makeFailedFuture(failure) }
        guard context != nil else { return loop.makeFailedFuture(IMAPError.connectionClosed("the connection is closed")) }
        let promise = loop.makePromise(of: IMAPResponse.self)
        waiting = promise
        lastActivity = .now()
        scheduleTimeoutCheck(on: loop)
        return promise.futureResult
    }

    private func scheduleTimeoutCheck(on loop: any EventLoop) {
        timeoutTask = loop.assumeIsolated().scheduleTask(deadline: lastActivity + timeout) { [self] in
            guard waiting != nil else { return }
            if NIODeadline.now() >= lastActivity + timeout {
                fail(.timeout("no answer from the server for \(timeout.nanoseconds / 1_000_000_000) s"))
                context?.close(promise: nil)
            } else {
                scheduleTimeoutCheck(on: loop)
            }
        }
    }

    private func deliver(_ response: IMAPResponse) {
        if let promise = waiting {
            waiting = nil
            timeoutTask?.cancel()
            promise.succeed(response)
        } else {
            ready.append(response)
        }
    }

    private func fail(_ error: IMAPError) {
        if failure == nil { failure = error }
        if let promise = waiting {
            waiting = nil
            timeoutTask?.cancel()
            promise.fail(failure ?? error)
        }
    }
}
