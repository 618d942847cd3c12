package io.fissile.triggers.mq.nats;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the NATS client's asynchronous reports to the log at debug level instead of standard error:
 * every failure that matters already surfaces as a BrokerException from poll or publish, and the
 * trigger's status says so; a trigger being stopped interrupts the client, which is no error.
 */
final class QuietErrorListener implements ErrorListener {
    private static final Logger log = LoggerFactory.getLogger(QuietErrorListener.class);

    @Override
    public void errorOccurred(Connection conn, String error) {
        log.debug("NATS server reported: {}", error);
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
        log.debug("NATS client: {}", exp.toString());
    }

    @Override
    public void messageDiscarded(Connection conn, io.nats.client.Message msg) {
        log.debug("NATS client discarded a message on {}", msg.getSubject());
    }
}
