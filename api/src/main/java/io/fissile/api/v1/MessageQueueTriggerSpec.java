package io.fissile.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fissile.api.Extensible;

import java.util.Map;

/** Calls a function for each message on a topic. */
public final class MessageQueueTriggerSpec extends Extensible {
    @JsonProperty("functionref")
    private FunctionReference functionRef;
    private String messageQueueType;
    private String topic;
    private String respTopic;
    private String errorTopic;
    private Integer maxRetries;
    private String contentType;
    private Integer pollingInterval;
    private Integer cooldownPeriod;
    private Integer minReplicaCount;
    private Integer maxReplicaCount;
    private Map<String, String> metadata;
    private String secret;
    @JsonProperty("mqtkind")
    private String mqtKind;

    public FunctionReference functionRef() { return functionRef; }
    public MessageQueueTriggerSpec functionRef(FunctionReference functionRef) { this.functionRef = functionRef; return this; }

    /** kafka, nats-jetstream, rabbitmq, and the other types Fission accepts. */
    public String messageQueueType() { return messageQueueType; }
    public MessageQueueTriggerSpec messageQueueType(String messageQueueType) { this.messageQueueType = messageQueueType; return this; }

    public String topic() { return topic; }
    public MessageQueueTriggerSpec topic(String topic) { this.topic = topic; return this; }

    public String respTopic() { return respTopic; }
    public MessageQueueTriggerSpec respTopic(String respTopic) { this.respTopic = respTopic; return this; }

    public String errorTopic() { return errorTopic; }
    public MessageQueueTriggerSpec errorTopic(String errorTopic) { this.errorTopic = errorTopic; return this; }

    public Integer maxRetries() { return maxRetries; }
    public MessageQueueTriggerSpec maxRetries(Integer maxRetries) { this.maxRetries = maxRetries; return this; }

    public String contentType() { return contentType; }
    public MessageQueueTriggerSpec contentType(String contentType) { this.contentType = contentType; return this; }

    public Integer pollingInterval() { return pollingInterval; }
    public MessageQueueTriggerSpec pollingInterval(Integer pollingInterval) { this.pollingInterval = pollingInterval; return this; }

    public Integer cooldownPeriod() { return cooldownPeriod; }
    public MessageQueueTriggerSpec cooldownPeriod(Integer cooldownPeriod) { this.cooldownPeriod = cooldownPeriod; return this; }

    public Integer minReplicaCount() { return minReplicaCount; }
    public MessageQueueTriggerSpec minReplicaCount(Integer minReplicaCount) { this.minReplicaCount = minReplicaCount; return this; }

    public Integer maxReplicaCount() { return maxReplicaCount; }
    public MessageQueueTriggerSpec maxReplicaCount(Integer maxReplicaCount) { this.maxReplicaCount = maxReplicaCount; return this; }

    /** Broker settings: addresses, consumer group, and so on. */
    public Map<String, String> metadata() { return metadata; }
    public MessageQueueTriggerSpec metadata(Map<String, String> metadata) { this.metadata = metadata; return this; }

    public String secret() { return secret; }
    public MessageQueueTriggerSpec secret(String secret) { this.secret = secret; return this; }

    /** fission or keda. */
    public String mqtKind() { return mqtKind; }
    public MessageQueueTriggerSpec mqtKind(String mqtKind) { this.mqtKind = mqtKind; return this; }
}
