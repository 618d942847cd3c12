package io.fissile.runtime.local;

import io.fissile.runtime.ExitReason;
import io.fissile.runtime.Sizes;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells why an instance ended. Exceeding the memory limit is known from the cgroup's OOM-kill
 * counter, or, without a cgroup, from the runtime's own last words about its heap; a stop on request
 * comes next; then a signal ({@code 128 + n}, as both Java and bubblewrap report it) or an exit status.
 */
final class ExitClassifier {

    /** What each runtime writes when its memory limit (-Xmx, --max-old-space-size, an rlimit) is exhausted. */
    private static final List<String> OUT_OF_MEMORY_SIGNS = List.of("javascript heap out of memory",
            "java.lang.outofmemoryerror", "memoryerror", "cannot allocate memory");

    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT",
            9, "SIGKILL", 11, "SIGSEGV", 13, "SIGPIPE", 15, "SIGTERM");

    private ExitClassifier() {
    }

    static ExitReason classify(int status, boolean stopRequested, boolean oomKilled, long memoryLimitBytes,
                               List<String> lastLines) {
        if (oomKilled || (status != 0 && memoryLimitBytes > 0 && mentionsMemory(lastLines))) {
            return new ExitReason(ExitReason.Kind.OUT_OF_MEMORY, status,
                    "ended for exceeding its memory limit of " + Sizes.format(memoryLimitBytes));
        }
        if (stopRequested) return new ExitReason(ExitReason.Kind.STOPPED, status, "stopped");
        if (status > 128 && status < 128 + 65) {
            int signal = status - 128;
            return new ExitReason(ExitReason.Kind.KILLED, status,
                    "killed by " + SIGNALS.getOrDefault(signal, "signal " + signal));
        }
        return new ExitReason(ExitReason.Kind.EXITED, status, "exited with status " + status);
    }

    private static boolean mentionsMemory(List<String> lastLines) {
        int from = Math.max(0, lastLines.size() - 20);
        return lastLines.subList(from, lastLines.size()).stream()
                .map(line -> line.toLowerCase(Locale.ROOT))
                .anyMatch(line -> OUT_OF_MEMORY_SIGNS.stream().anyMatch(line::contains));
    }
}
