package io.fissile.cli.commands.timetrigger;

import io.fissile.api.v1.TimeTriggerSpec;
import io.fissile.cli.commands.resource.FieldFlags;
import io.fissile.cli.options.FunctionOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;

/** The flags {@code tt create} and {@code tt update} share. */
public final class TimerFlags {
    static final FieldFlags FIELDS = FieldFlags.of(
            "spec.cron", "--cron",
            "spec.functionref", "--function",
            "spec.method", "--method",
            "spec.subpath", "--subpath");

    @Option(names = "--cron", paramLabel = "SCHEDULE",
            description = "Schedule: 5 fields (minute hour day month weekday), 6 with seconds first, or '@every 5m', '@hourly'")
    String cron;

    @Mixin
    FunctionOption function;

    @Option(names = "--method", paramLabel = "METHOD", description = "HTTP method of the call (default: POST)")
    String method;

    @Option(names = "--subpath", paramLabel = "PATH", description = "Path under the function to call, for functions that route internally")
    String subpath;

    boolean anyGiven() {
        return cron != null || function.given() || method != null || subpath != null;
    }

    void applyTo(TimeTriggerSpec spec) {
        if (cron != null) spec.cron(cron);
        if (function.given()) spec.functionRef(function.reference());
        if (method != null) spec.method(method.toUpperCase(Locale.ROOT));
        if (subpath != null) spec.subpath(subpath);
    }
}
