package io.fissile.cli.output;

import io.fissile.client.FunctionLogLine;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A function's log line as {@code fn logs} prints it: {@code [time] text}, or with the detail
 * {@code [time] [instance stream] text}. Times are UTC to the millisecond, so that lines align.
 */
public final class LogLineText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private LogLineText() {
    }

    public static String format(FunctionLogLine line, boolean detail) {
        String time = "[" + TIME.format(line.time()) + "] ";
        return detail ? time + "[" + line.instance() + " " + line.stream() + "] " + line.text() : time + line.text();
    }
}
