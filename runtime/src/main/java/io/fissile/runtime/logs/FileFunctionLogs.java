package io.fissile.runtime.logs;

import io.fissile.runtime.FunctionLogs;
import io.fissile.runtime.LogLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Function logs as files: {@code <dir>/<namespace>/<function>.log}, and
 * {@code <dir>/<namespace>/_env/<environment>.log} for lines of generic instances. Each row is
 * {@code time TAB instance TAB stream TAB text} (RFC 3339 time; backslash, tab, CR and LF in the
 * text escaped as {@code \\ \t \r \n}). Each file is capped (10 MiB by default) and then rotated to
 * one previous file {@code <name>.log.1}. Thread-safe.
 */
public final class FileFunctionLogs implements FunctionLogs {

    public static final long DEFAULT_CAP_BYTES = 10L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(FileFunctionLogs.class);
    private static final int MAX_OPEN_FILES = 64;

    private final LogFileNames names;
    private final long capBytes;
    private final Map<Path, LogFile> files = new ConcurrentHashMap<>();
    private final OpenLogFiles openFiles = new OpenLogFiles(MAX_OPEN_FILES);
    private final Map<Path, List<LogFollower>> followers = new ConcurrentHashMap<>();
    private final Set<Path> failingFiles = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public FileFunctionLogs(Path dir) {
        this(dir, DEFAULT_CAP_BYTES);
    }

    /** @param capBytes the size at which a function's file is rotated; it and its one previous file are kept */
    public FileFunctionLogs(Path dir, long capBytes) {
        if (capBytes < 1024) throw new IllegalArgumentException("a log cap below 1 KiB holds nothing useful: " + capBytes);
        this.names = new LogFileNames(dir);
        this.capBytes = capBytes;
    }

    /** The file holding a function's latest lines (the previous ones are in the same name plus {@code .1}). */
    public Path functionLogFile(String namespace, String function) {
        return names.function(namespace, function);
    }

    /** The file holding the latest lines of an Environment's generic instances. */
    public Path environmentLogFile(String namespace, String environment) {
        return names.environment(namespace, environment);
    }

    @Override
    public void append(LogLine line) {
        if (closed) return;
        Path path = pathOf(line);
        LogFile file = fileAt(path, line.hasFunction() ? line.namespace() : line.environmentNamespace(), line.function());
        try {
            file.append(LogLineFormat.format(line).getBytes(StandardCharsets.UTF_8));
            if (failingFiles.remove(path)) LOG.info("Writing {} works again", path);
        } catch (IOException e) {
            // Once per failure streak: a full disk must not flood the server's own log.
            if (failingFiles.add(path)) LOG.warn("Cannot write function log {}; lines are lost until it works again", path, e);
        }
        openFiles.written(file).forEach(LogFile::closeChannel);
        List<LogFollower> listening = followers.get(path);
        if (listening != null) listening.forEach(follower -> follower.offer(line));
    }

    @Override
    public List<LogLine> tail(String namespace, String function, int count, Instant since) {
        if (count <= 0) return List.of();
        Path path = names.function(namespace, function);
        try {
            return fileAt(path, namespace, function).tail(count, since);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read function log " + path, e);
        }
    }

    @Override
    public AutoCloseable follow(String namespace, String function, Consumer<LogLine> consumer) {
        Path path = names.function(namespace, function);
        List<LogFollower> listening = followers.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
        return LogFollower.start(namespace + "/" + function, consumer, listening);
    }

    @Override
    public void close() {
        closed = true;
        followers.values().forEach(list -> List.copyOf(list).forEach(LogFollower::close));
        followers.clear();
        openFiles.removeAll().forEach(LogFile::closeChannel);
    }

    private Path pathOf(LogLine line) {
        return line.hasFunction()
                ? names.function(line.namespace(), line.function())
                : names.environment(line.environmentNamespace(), line.environmentName());
    }

    private LogFile fileAt(Path path, String namespace, String function) {
        return files.computeIfAbsent(path, p -> new LogFile(p, capBytes, namespace, function));
    }
}
