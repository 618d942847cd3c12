/**
 * What a message broker must provide for message queue triggers: connect with a trigger's settings,
 * hand over messages in order, acknowledge one once its outcome is recorded, and publish responses
 * and errors durably. Everything else (calling the function, retries, response and error topics,
 * back-off, status, metrics) is shared and lives above this package.
 */
package io.fissile.triggers.mq.spi;
