package io.fissile.runtime.logs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where each log lives: {@code <dir>/<namespace>/<function>.log} for functions,
 * {@code <dir>/<namespace>/_env/<environment>.log} for generic instances. Names are DNS labels;
 * anything else is percent-encoded, so no name can climb out of the directory or meet {@code _env}.
 */
final class LogFileNames {

    static final String DEFAULT_NAMESPACE = "default";
    private static final String ENVIRONMENTS = "_env";
    private static final String UNKNOWN = "_unknown";

    private final Path dir;

    LogFileNames(Path dir) {
        this.dir = dir;
    }

    Path function(String namespace, String function) {
        return dir.resolve(segment(namespace)).resolve(segment(function) + ".log");
    }

    Path environment(String namespace, String environment) {
        if (environment == null) return dir.resolve(UNKNOWN + ".log");
        return dir.resolve(segment(namespace)).resolve(ENVIRONMENTS).resolve(segment(environment) + ".log");
    }

    private static String segment(String name) {
        String text = name == null || name.isEmpty() ? DEFAULT_NAMESPACE : name;
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (plain) out.append(c);
            else out.append('%').append(String.format("%02X", b & 0xff));
        }
        return out.toString();
    }
}
