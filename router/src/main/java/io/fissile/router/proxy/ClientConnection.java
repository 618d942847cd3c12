package io.fissile.router.proxy;

import io.fissile.api.v1.Function;
import io.fissile.router.proxy.wire.BadMessageException;
import io.fissile.router.proxy.wire.Body;
import io.fissile.router.proxy.wire.HeadParser;
import io.fissile.router.proxy.wire.HeadWriter;
import io.fissile.router.proxy.wire.HeaderList;
import io.fissile.router.proxy.wire.RequestHead;
import io.fissile.router.routes.RouteMatch;
import io.fissile.router.routes.RouteTable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One client connection: reads request heads as they come, routes each, and runs one
 * {@link Exchange} at a time (a pipelining client's next request waits, read but unhandled). The
 * router's own answers (no route, health checks, bad requests) are written here. After a protocol
 * switch the connection belongs to its {@link Tunnel}.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);
    static final String HEALTH_PATH = "/router-healthz";
    /** Bytes a pipelining client may send ahead of the request being served before reading pauses. */
    private static final int MAX_HELD_BYTES = 64 * 1024;
    /** How long a closing connection goes on reading what the client still sends. */
    private static final long LINGER_MILLIS = 2_000;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final FunctionProxy proxy;
    private Channel channel;
    private InstancePool pool;
    private String remoteHost;
    private ByteBuf pending = Cumulation.EMPTY;
    private Exchange exchange;
    /** The rest of a body nobody reads: skipped, to keep the connection for the next request. */
    private Body discarding;
    private Tunnel tunnel;
    private boolean closing;
    private boolean handling;
    private boolean handleAgain;

    ClientConnection(FunctionProxy proxy) {
        this.proxy = proxy;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        pool = proxy.pool((EventLoop) ctx.executor());
        if (channel.remoteAddress() instanceof InetSocketAddress address) remoteHost = address.getAddress().getHostAddress();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf bytes = (ByteBuf) message;
        if (tunnel != null) {
            tunnel.fromClient(bytes);
            return;
        }
        if (closing) {
            bytes.release();
            return;
        }
        pending = Cumulation.append(ctx.alloc(), pending, bytes);
        handlePending();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (tunnel != null) tunnel.clientWritabilityChanged();
        else if (exchange != null) exchange.clientWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (pending != Cumulation.EMPTY) pending.release();
        pending = Cumulation.EMPTY;
        closing = true;
        if (tunnel != null) tunnel.clientClosed();
        else if (exchange != null) exchange.clientGone();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("client connection failed: {}", cause.toString());
        ctx.close();
    }

    /** Handles what was read and not handled yet; re-entered calls are folded into the running one. */
    void handlePending() {
        if (handling) {
            handleAgain = true;
            return;
        }
        handling = true;
        try {
            do {
                handleAgain = false;
                handleHeld();
            } while (handleAgain);
        } finally {
            handling = false;
        }
        pending = Cumulation.trim(pending);
        updateReading();
    }

    private void handleHeld() {
        while (pending.isReadable() && !closing) {
            if (discarding != null) {
                try {
                    pending.skipBytes(discarding.take(pending, null));
                } catch (BadMessageException e) {
                    closeNow();
                    return;
                }
                if (!discarding.ended()) return;
                discarding = null;
                continue;
            }
            if (exchange != null) {
                exchange.clientBytes(pending);
                return;
            }
            RequestHead head;
            try {
                head = HeadParser.request(pending);
            } catch (BadMessageException e) {
                refuse(e);
                return;
            }
            if (head == null) return;
            dispatch(head);
        }
    }

    /** Routes one request: to a function, or answered here. */
    private void dispatch(RequestHead head) {
        long arrivedAt = System.nanoTime();
        Body body;
        try {
            body = Body.ofRequest(head);
        } catch (BadMessageException e) {
            refuse(e);
            return;
        }
        RouteTable table = proxy.routes().table();
        String path = head.path();
        String method = head.method();
        RouteMatch match = table.find(method, table.hasHostRoutes() ? head.host() : null, path);
        if (match.found()) {
            Function function = match.route().target().pick(ThreadLocalRandom.current());
            exchange = new Exchange(this, proxy, head, body, match, function, arrivedAt);
            exchange.start();
            return;
        }
        if (!body.ended()) discarding = body;
        boolean keepAlive = head.keepAlive();
        if (method.equals("GET") && (path.equals("/") || path.equals(HEALTH_PATH))) {
            respond(200, "", null, keepAlive, head.isHttp10());
        } else if (match.outcome() == RouteMatch.Outcome.METHOD_NOT_ALLOWED) {
            reply(ErrorReply.methodNotAllowed(method, path, table.allowedMethods(head.host(), path)), keepAlive, head.isHttp10());
        } else {
            reply(ErrorReply.noRoute(method, path.isEmpty() ? head.target() : path), keepAlive, head.isHttp10());
        }
    }

    /** A request that breaks the rules: answered, then the connection closes, since where it ends is unknown. */
    private void refuse(BadMessageException e) {
        respond(e.status(), e.getMessage() + "\n", null, false, false);
    }

    /** Writes an error answer; returns the bytes of its body. */
    int reply(ErrorReply reply, boolean keepAlive, boolean http10) {
        HeaderList headers = new HeaderList(4);
        if (reply.retryLater()) headers.add("Retry-After", Integer.toString(proxy.options().retryAfterSeconds()));
        if (reply.allow() != null) headers.add("Allow", reply.allow());
        return respond(reply.status(), reply.message() + "\n", headers, keepAlive, http10);
    }

    private int respond(int status, String text, HeaderList extra, boolean keepAlive, boolean http10) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        HeaderList headers = extra == null ? new HeaderList(4) : extra;
        if (body.length > 0) headers.add("Content-Type", "text/plain; charset=utf-8");
        headers.add("Content-Length", Integer.toString(body.length));
        if (!keepAlive) headers.add("Connection", "close");
        else if (http10) headers.add("Connection", "keep-alive");
        write(HeadWriter.response(alloc(), status, HttpResponseStatus.valueOf(status).reasonPhrase(), headers));
        if (body.length > 0) write(Unpooled.wrappedBuffer(body));
        flush();
        if (!keepAlive) closeGracefully();
        return body.length;
    }

    /** An exchange is over: the next request may start. */
    void exchangeDone(Exchange done, Body unreadBody, boolean close) {
        if (exchange != done) return;
        exchange = null;
        if (close) {
            closeGracefully();
            return;
        }
        if (!unreadBody.ended()) discarding = unreadBody;
        handlePending();
    }

    /** Hands the connection to a tunnel, with whatever the client already sent past its request. */
    void startTunnel(Tunnel joined) {
        tunnel = joined;
        exchange = null;
        ByteBuf early = pending;
        pending = Cumulation.EMPTY;
        setReading(true);
        if (early.isReadable()) joined.fromClient(early);
        else early.release();
    }

    /** Reads while there is room: not while a body waits for its instance, nor with much held. */
    private void updateReading() {
        if (tunnel != null || closing) return;
        boolean read = pending.readableBytes() < MAX_HELD_BYTES && (exchange == null || !exchange.holdsClientBytes());
        setReading(read);
    }

    void setReading(boolean reading) {
        Channels.setReading(channel, reading);
    }

    void writeContinue() {
        write(Unpooled.wrappedBuffer(CONTINUE));
        flush();
    }

    void write(ByteBuf data) {
        channel.write(data, channel.voidPromise());
    }

    void flush() {
        channel.flush();
    }

    boolean isOpen() {
        return channel.isActive() && !closing;
    }

    boolean isWritable() {
        return channel.isWritable();
    }

    /** Cuts the connection with a reset: an answer already begun must not look complete. */
    void reset() {
        closing = true;
        Channels.reset(channel);
    }

    /** Closes once what was written has gone out. */
    void closeAfterWrites() {
        closing = true;
        Channels.closeAfterWrites(channel);
    }

    /**
     * Ends the connection after the answer: sends it, shuts the sending side, and reads (dropping it)
     * what the client still sends until it closes, for a while. Closing at once with bytes unread would
     * reset the connection, and the reset can destroy the answer before the client has read it.
     */
    void closeGracefully() {
        if (closing) return;
        closing = true;
        setReading(true);
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> {
            if (channel instanceof DuplexChannel duplex && channel.isActive()) duplex.shutdownOutput();
            channel.eventLoop().schedule(() -> channel.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
        });
    }

    private void closeNow() {
        closing = true;
        channel.close();
    }

    ByteBufAllocator alloc() {
        return channel.alloc();
    }

    EventLoop loop() {
        return channel.eventLoop();
    }

    InstancePool pool() {
        return pool;
    }

    Channel channel() {
        return channel;
    }

    /** The client's IP address, or null when unknown. */
    String remoteHost() {
        return remoteHost;
    }
}
