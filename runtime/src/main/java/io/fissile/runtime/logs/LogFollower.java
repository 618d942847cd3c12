package io.fissile.runtime.logs;

import io.fissile.runtime.LogLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One {@code follow} subscription. Lines are queued and handed to the consumer on a thread of its
 * own, so a slow consumer never holds up the instance writing them; when the queue is full, lines
 * are dropped and the consumer is told how many.
 */
final class LogFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);
    private static final int QUEUE_CAPACITY = 4096;

    private final Consumer<LogLine> consumer;
    private final Collection<LogFollower> registry;
    private final BlockingQueue<LogLine> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private Thread deliverer;
    private volatile boolean closed;

    private LogFollower(Consumer<LogLine> consumer, Collection<LogFollower> registry) {
        this.consumer = consumer;
        this.registry = registry;
    }

    /** Starts delivering to {@code consumer} and adds the follower to {@code registry} until it is closed. */
    static LogFollower start(String name, Consumer<LogLine> consumer, Collection<LogFollower> registry) {
        LogFollower follower = new LogFollower(consumer, registry);
        follower.deliverer = Thread.ofVirtual().name("log-follower-" + name).start(follower::deliver);
        registry.add(follower);
        return follower;
    }

    void offer(LogLine line) {
        if (closed) return;
        if (!queue.offer(line)) dropped.incrementAndGet();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        deliverer.interrupt();
        registry.remove(this);
    }

    private void deliver() {
        try {
            while (!closed) {
                LogLine line = queue.take();
                long lost = dropped.getAndSet(0);
                if (lost > 0) consumer.accept(droppedNotice(line, lost));
                consumer.accept(line);
            }
        } catch (InterruptedException e) {
            // closed
        } catch (RuntimeException e) {
            LOG.warn("A log follower failed and was closed", e);
            close();
        }
    }

    private static LogLine droppedNotice(LogLine next, long lost) {
        return new LogLine(Instant.now(), next.namespace(), next.function(), next.instance(), LogLine.RUNTIME_STREAM,
                lost + " lines were dropped because the reader could not keep up",
                next.environmentNamespace(), next.environmentName());
    }
}
