package io.fissile.cli.commands.mqtrigger;

import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.OptionalName;
import io.fissile.cli.options.SpecOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mqt create --function F --topic T [...]}. */
@Command(name = "create", description = "Create a message queue trigger")
public final class MessageQueueTriggerCreate extends FissileCommand {
    @Mixin
    OptionalName name;

    @Mixin
    MessageQueueTriggerFlags flags;

    @Mixin
    SpecOptions specOptions;

    @Override
    protected void run() {
        if (!flags.function.given()) throw new CliException("need a function name to create a trigger, use --function");
        if (flags.topic == null || flags.topic.isBlank()) throw new CliException("need a topic to listen on, use --topic");
        MessageQueueTrigger trigger = Kinds.MESSAGE_QUEUE_TRIGGER.create(specOptions.namespace(session()), name.nameOrGenerated());
        flags.applyDefaults(trigger.spec());
        flags.applyTo(trigger.spec());
        Resources.createOrSave(session(), specOptions, MessageQueueTriggerCommands.TYPE, MessageQueueTriggerFlags.FIELDS, trigger);
    }
}
