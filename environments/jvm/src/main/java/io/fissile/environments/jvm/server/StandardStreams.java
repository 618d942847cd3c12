package io.fissile.environments.jvm.server;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Makes System.out and System.err write UTF-8 (whatever the locale of the process) and pass
 * output on a whole line at a time, so that lines of concurrent requests do not interleave.
 */
final class StandardStreams {

    private StandardStreams() {
    }

    static void useUtf8Lines() {
        PrintStream out = lineStream(FileDescriptor.out);
        PrintStream err = lineStream(FileDescriptor.err);
        System.setOut(out);
        System.setErr(err);
        // A last line without its newline is still worth seeing.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.flush();
            err.flush();
        }, "flush-standard-streams"));
    }

    private static PrintStream lineStream(FileDescriptor descriptor) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(descriptor), 8192), true,
                StandardCharsets.UTF_8);
    }
}
