package io.fissile.runtime.local;

import io.fissile.runtime.InstanceStartException;
import io.fissile.runtime.RuntimeKind;
import io.fissile.runtime.archive.FileTrees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Extracts each shipped runtime from the server's classpath into {@code <runtimes>/<kind>-<hash>/}
 * once per server start. The directory is named by a hash of the files' names and contents, so a
 * restart with the same jars reuses it, and it appears whole or not at all (written aside, then renamed).
 */
final class RuntimeInstaller {

    private static final String COMPLETE_MARKER = ".complete";

    private final Path runtimesDir;
    private final ClassLoader loader;
    private final Map<RuntimeKind, InstalledRuntime> installed = new ConcurrentHashMap<>();

    RuntimeInstaller(Path runtimesDir, ClassLoader loader) {
        this.runtimesDir = runtimesDir;
        this.loader = loader;
    }

    InstalledRuntime install(RuntimeKind kind) {
        return installed.computeIfAbsent(kind, this::extract);
    }

    private InstalledRuntime extract(RuntimeKind kind) {
        try {
            RuntimeSource.Contents contents = RuntimeSource.of(kind).read(loader);
            String hash = hash(contents.files());
            Path dir = runtimesDir.resolve(kind.fissileName() + "-" + hash);
            if (!Files.exists(dir.resolve(COMPLETE_MARKER))) write(contents.files(), dir);
            removeOtherVersions(kind, dir);
            return new InstalledRuntime(kind, dir, contents.classpath(), hash);
        } catch (IOException e) {
            throw new InstanceStartException("Cannot extract the " + kind.fissileName() + " runtime into " + runtimesDir
                    + ": " + e.getMessage(), e);
        }
    }

    private void write(SortedMap<String, byte[]> files, Path dir) throws IOException {
        Path staging = runtimesDir.resolve("." + dir.getFileName() + "-" + UUID.randomUUID() + ".tmp");
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = staging.resolve(file.getKey()).normalize();
                if (!target.startsWith(staging)) throw new IOException("A runtime file climbs out of its directory: " + file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            FileTrees.delete(dir); // an incomplete directory from an interrupted extraction
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another server sharing the directory extracted the same files first.
        } finally {
            FileTrees.delete(staging);
        }
    }

    /** Earlier versions of the runtime (and extractions a crash interrupted): no instance of this server uses them. */
    private void removeOtherVersions(RuntimeKind kind, Path current) throws IOException {
        String prefix = kind.fissileName() + "-";
        try (Stream<Path> entries = Files.list(runtimesDir)) {
            entries.filter(entry -> !entry.equals(current))
                    .filter(entry -> {
                        String name = entry.getFileName().toString();
                        return name.startsWith(prefix) || (name.startsWith("." + prefix) && name.endsWith(".tmp"));
                    })
                    .forEach(FileTrees::delete);
        }
    }

    private static String hash(SortedMap<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Long.toString(file.getValue().length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
                digest.update(file.getValue());
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
