/** Kafka for message queue triggers, with the Apache Kafka client: manual commits, an idempotent producer. */
package io.fissile.triggers.mq.kafka;
