package io.fissile.cli.commands.mqtrigger;

import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mqt update --name N [flags to change]}. */
@Command(name = "update", description = "Update a message queue trigger")
public final class MessageQueueTriggerUpdate extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    MessageQueueTriggerFlags flags;

    @Override
    protected void run() {
        if (!flags.anyGiven()) throw new CliException("nothing to update; see --help for the flags");
        MessageQueueTrigger trigger = Resources.require(session(), MessageQueueTriggerCommands.TYPE, name.name());
        flags.applyTo(trigger.spec());
        MessageQueueTriggerFlags.FIELDS.check(trigger);
        Resources.update(session(), MessageQueueTriggerCommands.TYPE, trigger);
    }
}
