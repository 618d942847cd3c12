package io.fissile.router.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One event loop's kept-alive connections to instances, per instance address, within a limit per
 * instance; requests beyond it wait their turn. Used only on its loop's thread, so it needs no locks,
 * and a request and the connection it uses share that thread.
 */
final class InstancePool {
    private static final long SWEEP_SECONDS = 1;

    private final EventLoop loop;
    private final int maxPerInstance;
    private final long keepAliveNanos;
    /** Connects on this loop; used by this loop's thread alone, so one serves every connect. */
    private final Bootstrap connector;
    private final Map<InetSocketAddress, Slot> slots = new HashMap<>();
    private boolean sweeping;

    InstancePool(EventLoop loop, Transport transport, int maxPerInstance, int keepAliveSeconds, int connectTimeoutMillis) {
        this.loop = loop;
        this.maxPerInstance = maxPerInstance;
        this.keepAliveNanos = TimeUnit.SECONDS.toNanos(keepAliveSeconds);
        this.connector = new Bootstrap()
                .group(loop)
                .channel(transport.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis);
    }

    /**
     * Hands a connection to the instance to {@code ready}: a kept-alive one at once, a new one once
     * connected, or the next one free when the limit is reached. A failed connect hands the cause.
     */
    void acquire(InetSocketAddress address, BiConsumer<InstanceConnection, Throwable> ready) {
        Slot slot = slots.computeIfAbsent(address, Slot::new);
        InstanceConnection idle;
        while ((idle = slot.idle.pollLast()) != null) {
            if (idle.isOpen()) {
                ready.accept(idle, null);
                return;
            }
            slot.open--;
        }
        if (slot.open < maxPerInstance) connect(slot, ready);
        else slot.waiting.add(ready);
    }

    /** Takes a connection back after an exchange; one that cannot carry another is closed. */
    void release(InstanceConnection connection, boolean reusable) {
        Slot slot = connection.slot();
        if (!reusable || !connection.isOpen()) {
            connection.close();
            slot.open--;
            BiConsumer<InstanceConnection, Throwable> next = slot.waiting.poll();
            if (next != null) connect(slot, next);
            return;
        }
        BiConsumer<InstanceConnection, Throwable> next = slot.waiting.poll();
        if (next != null) {
            next.accept(connection, null);
            return;
        }
        connection.idleSince(System.nanoTime());
        slot.idle.addLast(connection);
        if (!sweeping) {
            sweeping = true;
            loop.scheduleWithFixedDelay(this::closeIdle, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** A pooled connection the instance closed while it was idle. */
    void closedWhileIdle(InstanceConnection connection) {
        Slot slot = connection.slot();
        if (slot.idle.remove(connection)) slot.open--;
    }

    private void connect(Slot slot, BiConsumer<InstanceConnection, Throwable> ready) {
        slot.open++;
        InstanceConnection connection = new InstanceConnection(this, slot);
        ChannelFuture connecting = connector.handler(connection).connect(slot.address);
        connecting.addListener(done -> {
            if (done.isSuccess()) {
                ready.accept(connection, null);
                return;
            }
            slot.open--;
            ready.accept(null, done.cause());
            BiConsumer<InstanceConnection, Throwable> next = slot.waiting.poll();
            if (next != null) connect(slot, next);
        });
    }

    /** Closes connections idle longer than the keep-alive, and forgets instances with none left. */
    private void closeIdle() {
        long now = System.nanoTime();
        slots.values().removeIf(slot -> {
            while (!slot.idle.isEmpty() && now - slot.idle.peekFirst().idleSince() > keepAliveNanos) {
                slot.idle.pollFirst().close();
                slot.open--;
            }
            return slot.open == 0 && slot.waiting.isEmpty();
        });
    }

    /** The connections to one instance. */
    static final class Slot {
        final InetSocketAddress address;
        /** The instance's {@code host:port}, as the Host header of every request to it. */
        final String hostHeader;
        final ArrayDeque<InstanceConnection> idle = new ArrayDeque<>();
        final ArrayDeque<BiConsumer<InstanceConnection, Throwable>> waiting = new ArrayDeque<>();
        int open;

        Slot(InetSocketAddress address) {
            this.address = address;
            String host = address.getHostString();
            this.hostHeader = (host.indexOf(':') >= 0 ? '[' + host + ']' : host) + ':' + address.getPort();
        }
    }
}
