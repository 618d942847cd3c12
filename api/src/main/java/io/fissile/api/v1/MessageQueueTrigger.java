package io.fissile.api.v1;

import io.fissile.api.Resource;
import io.fissile.api.ResourceStatus;

/** Calls a function for messages on a queue. */
public final class MessageQueueTrigger extends Resource<MessageQueueTriggerSpec, ResourceStatus> {
    public MessageQueueTrigger() {
        super(Kinds.API_VERSION, "MessageQueueTrigger", new MessageQueueTriggerSpec());
    }
}
