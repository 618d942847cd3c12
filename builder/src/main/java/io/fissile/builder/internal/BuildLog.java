package io.fissile.builder.internal;

import io.fissile.runtime.CommandResult;

import java.time.Duration;

/** The text of a package's {@code status.buildlog}: what ran, everything it wrote, and how it ended. */
final class BuildLog {

    private final StringBuilder text = new StringBuilder();

    BuildLog line(String line) {
        text.append(line).append('\n');
        return this;
    }

    BuildLog output(CommandResult result) {
        if (result.cutBytes() > 0) line("[the first " + result.cutBytes() + " bytes of output are not kept]");
        text.append(result.output());
        if (!result.output().isEmpty() && !result.output().endsWith("\n")) text.append('\n');
        return this;
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
