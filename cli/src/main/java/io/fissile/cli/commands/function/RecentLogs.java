package io.fissile.cli.commands.function;

import io.fissile.cli.commands.Session;
import io.fissile.cli.output.LogLineText;
import io.fissile.client.FunctionLogLine;

import java.util.ArrayList;
import java.util.List;

/** A function's most recent log lines under a heading, for the message of a failed call: often they say why. */
final class RecentLogs {
    private RecentLogs() {
    }

    /** The heading and the lines (indented), or why there are none; never fails, the call's failure is the news. */
    static List<String> of(Session session, String function) {
        String namespaceFlag = session.namespace().equals(Session.DEFAULT_NAMESPACE) ? "" : " -n " + session.namespace();
        String heading = "Most recent log lines of function '" + function + "' (fissile fn logs --name " + function
                + namespaceFlag + "):";
        List<FunctionLogLine> lines;
        try {
            lines = session.client().logs(session.namespace(), function, FunctionLog.DEFAULT_RECORD_COUNT, null);
        } catch (RuntimeException e) {
            return List.of(heading, "  (cannot be read: " + e.getMessage() + ")");
        }
        List<String> text = new ArrayList<>();
        text.add(heading);
        if (lines.isEmpty()) text.add("  (none)");
        lines.forEach(line -> text.add("  " + LogLineText.format(line, true)));
        return text;
    }
}
