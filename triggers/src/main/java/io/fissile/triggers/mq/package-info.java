/**
 * How message queue triggers work, whatever the broker: {@link io.fissile.triggers.mq.TriggerSupervisor}
 * keeps one consumer per trigger in step with the store; each consumer connects through a
 * {@link io.fissile.triggers.mq.spi.Broker}, hands each message to the function, publishes the
 * answer or the error, acknowledges, and reports its state in the trigger's status.
 */
package io.fissile.triggers.mq;
