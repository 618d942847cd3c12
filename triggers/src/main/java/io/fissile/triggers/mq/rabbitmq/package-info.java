/**
 * RabbitMQ for message queue triggers ({@code messageQueueType: rabbitmq}): a durable queue consumed
 * with manual acknowledgements and a bounded prefetch, responses and errors published to durable
 * queues as persistent messages with publisher confirms.
 */
package io.fissile.triggers.mq.rabbitmq;
