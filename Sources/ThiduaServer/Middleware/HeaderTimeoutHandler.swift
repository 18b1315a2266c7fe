import NIOCore
import NIOHTTPTypes

/// Closes a connection whose next request head does not arrive in time (security review F15): counted from the moment
/// the connection opens and from the end of each response, so a client that trickles its headers, or keeps an idle
/// keep-alive connection, cannot hold a connection for ever. A body that stalls is covered by the idle timeout.
///
/// Each response moves a deadline; one timer per connection checks it. Setting and cancelling a timer on every request
/// had cost 1.5 % of a signed-in read's CPU (issue "Performance", perf): the timer now fires at most once a timeout, and
/// sets itself again for the deadline a later response has moved.
final class HeaderTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let timeout: TimeAmount
    /// When the awaited request head is due; nil while a request is read or answered (no head is awaited).
    private var deadline: NIODeadline?
    private var timer: Scheduled<Void>?

    init(timeout: TimeAmount) { self.timeout = timeout }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { awaitHead(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        awaitHead(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { deadline = nil }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { awaitHead(context) }
        context.write(data, promise: promise)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        deadline = nil
    }

    private func awaitHead(_ context: ChannelHandlerContext) {
        let due = NIODeadline.now() + timeout
        deadline = due
        if timer == nil { setTimer(context, for: due) }
    }

    private func setTimer(_ context: ChannelHandlerContext, for due: NIODeadline) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: due) { self.check(context) }
    }

    /// The timer's turn: the head is late (close), or a later response moved the deadline (wait for that), or a request
    /// is in progress (no timer until its response ends).
    private func check(_ context: ChannelHandlerContext) {
        timer = nil
        guard let deadline else { return }
        if deadline <= .now() {
            context.channel.close(promise: nil)
        } else {
            setTimer(context, for: deadline)
        }
    }
}
