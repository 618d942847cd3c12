/**
 * NATS JetStream for message queue triggers ({@code messageQueueType: nats-jetstream}): a durable
 * pull consumer with explicit acknowledgements, responses and errors published with JetStream
 * (acknowledged by the server), streams created for subjects no stream captures yet.
 */
package io.fissile.triggers.mq.nats;
