package io.fissile.cli.commands.mqtrigger;

import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.cli.commands.CommandGroup;
import io.fissile.cli.commands.resource.DeleteResource;
import io.fissile.cli.commands.resource.GetResource;
import io.fissile.cli.commands.resource.ListResources;
import io.fissile.cli.commands.resource.ResourceType;
import io.fissile.cli.output.Cells;
import io.fissile.cli.output.Column;
import picocli.CommandLine;

import java.util.List;

/** {@code fissile mqtrigger} (alias {@code mqt}, {@code messagequeue}). */
public final class MessageQueueTriggerCommands {
    public static final ResourceType<MessageQueueTrigger> TYPE = new ResourceType<>(Kinds.MESSAGE_QUEUE_TRIGGER, "trigger",
            "message queue triggers", "mqtrigger",
            List.of(Column.of("NAME", MessageQueueTrigger::name),
                    Column.of("FUNCTION_NAME", t -> t.spec().functionRef() == null ? null : t.spec().functionRef().name()),
                    Column.of("MESSAGE_QUEUE_TYPE", t -> t.spec().messageQueueType()),
                    Column.of("TOPIC", t -> t.spec().topic()),
                    Column.of("RESPONSE_TOPIC", t -> t.spec().respTopic()),
                    Column.of("ERROR_TOPIC", t -> t.spec().errorTopic()),
                    Column.of("MAX_RETRIES", t -> Cells.number(t.spec().maxRetries())),
                    Column.of("PUB_MSG_CONTENT_TYPE", t -> t.spec().contentType()),
                    Column.of("NAMESPACE", MessageQueueTrigger::namespace),
                    Column.of("STATUS", MessageQueueTriggerCommands::status)));

    private MessageQueueTriggerCommands() {
    }

    /** What the server's consumer reports ({@code status.state}, e.g. Running, Retrying, Failed), empty before it does. */
    static String status(MessageQueueTrigger trigger) {
        Object state = trigger.status() == null ? null : trigger.status().unknownField("state");
        return state == null ? "" : state.toString();
    }

    public static CommandLine commandLine() {
        return CommandGroup.of("mqtrigger", new String[]{"mqt", "messagequeue"}, "Create, update and manage message queue triggers",
                new MessageQueueTriggerCreate(),
                GetResource.command(TYPE),
                new MessageQueueTriggerUpdate(),
                DeleteResource.command(TYPE),
                ListResources.command(TYPE));
    }
}
