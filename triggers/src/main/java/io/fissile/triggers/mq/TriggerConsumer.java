package io.fissile.triggers.mq;

import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.triggers.FunctionInvoker;
import io.fissile.triggers.MessageQueueTriggerOptions;
import io.fissile.triggers.mq.spi.Broker;
import io.fissile.triggers.mq.spi.BrokerConnection;
import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.Delivery;
import io.fissile.triggers.mq.spi.InvalidBrokerSettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * One version of one trigger at work, on a thread of its own: connect, then poll and handle each
 * message in order, for as long as it is not stopped. Any broker failure drops the connection (so
 * unacknowledged messages come again, in order) and reconnects after a back-off, reporting why in
 * the trigger's status and the log. A replaced consumer's successor waits for it to finish, so one
 * trigger never has two consumers at once.
 */
final class TriggerConsumer {
    private static final Logger log = LoggerFactory.getLogger(TriggerConsumer.class);

    private final MessageQueueTrigger trigger;
    private final Broker broker;
    private final TriggerSettings settings;
    private final TriggerStatusWriter status;
    private final TriggerCounters counters;
    private final MessageQueueTriggerOptions options;
    private final MessageHandler handler;
    private final TriggerConsumer predecessor;
    private final long generation;
    private final String label;
    private volatile boolean stopped;
    private Thread thread;

    TriggerConsumer(MessageQueueTrigger trigger, Broker broker, TriggerSettings settings, TriggerStatusWriter status,
                    TriggerCounters counters, FunctionInvoker invoker, MessageQueueTriggerOptions options,
                    TriggerConsumer predecessor) {
        this.trigger = trigger;
        this.broker = broker;
        this.settings = settings;
        this.status = status;
        this.counters = counters;
        this.options = options;
        this.handler = new MessageHandler(trigger, invoker, options, counters);
        this.predecessor = predecessor;
        this.generation = trigger.metadata().generation() == null ? 0 : trigger.metadata().generation();
        this.label = trigger.namespace() + "/" + trigger.name();
    }

    void start() {
        thread = Thread.ofPlatform().name("mqtrigger-" + label).daemon().start(this::run);
    }

    /** Asks the consumer to stop; a message being handled is left unacknowledged. Returns at once. */
    void stop() {
        stopped = true;
        if (thread != null) thread.interrupt();
    }

    /** Waits for the consumer's thread to end. */
    void awaitStopped(Duration timeout) throws InterruptedException {
        if (thread != null) thread.join(timeout);
    }

    private void run() {
        try {
            if (predecessor != null) predecessor.awaitStopped(Duration.ofMinutes(1));
            consume();
        } catch (InterruptedException e) {
            // stopped
        } finally {
            log.debug("message queue trigger {}: consumer stopped", label);
        }
    }

    private void consume() throws InterruptedException {
        Backoff backoff = new Backoff(options.firstBackoff(), options.maxBackoff());
        boolean first = true;
        while (!stopped) {
            BrokerConnection connection = null;
            try {
                if (first) report(TriggerState.CONNECTING, "connecting to " + trigger.spec().messageQueueType());
                connection = broker.connect(settings.of(trigger));
                report(TriggerState.RUNNING, "consuming " + trigger.spec().topic());
                log.info("message queue trigger {}: consuming {} from {}", label, trigger.spec().topic(),
                        trigger.spec().messageQueueType());
                backoff.reset();
                pollAndHandle(connection);
            } catch (InvalidTriggerException | InvalidBrokerSettingsException e) {
                report(TriggerState.FAILED, e.getMessage());
                log.warn("message queue trigger {} cannot run: {}", label, e.getMessage());
                return; // a change to the trigger or its secret starts a new consumer
            } catch (BrokerException | RuntimeException e) {
                if (stopped) return;
                Duration wait = backoff.next();
                String why = e instanceof BrokerException ? e.getMessage() : e.toString();
                report(TriggerState.RETRYING, why + "; trying again in " + wait.toMillis() / 1000.0 + "s");
                log.warn("message queue trigger {}: {}; trying again in {} ms", label, why, wait.toMillis(),
                        e instanceof BrokerException ? null : e);
                closeQuietly(connection);
                connection = null;
                Thread.sleep(wait);
            } finally {
                closeQuietly(connection);
            }
            first = false;
        }
    }

    private void pollAndHandle(BrokerConnection connection) throws BrokerException, InterruptedException {
        while (!stopped) {
            List<Delivery> deliveries = connection.poll(options.pollWait());
            for (Delivery delivery : deliveries) {
                if (stopped) return;
                handler.handle(connection, delivery);
            }
            counters.lag(connection.lag());
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }

    private void report(TriggerState state, String message) {
        status.write(trigger.namespace(), trigger.name(), generation, state, message);
    }

    /** Closes on this thread, with its interrupt cleared, so that the client can say goodbye to the broker. */
    private void closeQuietly(BrokerConnection connection) {
        if (connection == null) return;
        boolean interrupted = Thread.interrupted();
        try {
            connection.close();
        } catch (RuntimeException e) {
            log.debug("message queue trigger {}: closing the connection: {}", label, e.toString());
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
