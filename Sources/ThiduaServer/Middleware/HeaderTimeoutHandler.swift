import NIOCore
import NIOHTTPTypes

/// Closes a connection whose next request head does not arrive in time (security review F15): counted from the moment
/// the connection opens and from the end of each response, so a client that trickles its headers, or keeps an idle
/// keep-alive connection, cannot hold a connection for ever. A body that stalls is covered by the idle timeout.
final class HeaderTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let timeout: TimeAmount
    private var pending: Scheduled<Void>?

    init(timeout: TimeAmount) { self.timeout = timeout }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            pending?.cancel()
            pending = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { arm(context) }
        context.write(data, promise: promise)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        pending?.cancel()
        pending = nil
    }

    private func arm(_ context: ChannelHandlerContext) {
        pending?.cancel()
        let channel = context.channel
        pending = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }
}
