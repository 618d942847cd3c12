package io.fissile.bench.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The local runtime's instances as it keeps them on disk: {@code <data-dir>/runtime/instances/<id>/},
 * ids such as {@code nodejs-7f3a9c} (the runtime's name, a dash, hex digits), each directory with
 * a file {@code process} whose first line is the pid of the instance's process (bubblewrap's when
 * sandboxed). Combined with {@link ListeningPorts}, this gives an instance's address and tells a
 * started instance from one that is ready.
 */
public final class InstanceDirectories {
    private final Path instances;

    public InstanceDirectories(Path dataDirectory) {
        this.instances = dataDirectory.resolve("runtime").resolve("instances");
    }

    /** The ids of the instances of one runtime ({@code nodejs}, {@code python}, {@code jvm}, {@code binary}). */
    public List<String> ids(String runtime) {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(instances)) return ids;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(instances, runtime + "-*")) {
            for (Path dir : dirs) ids.add(dir.getFileName().toString());
        } catch (IOException e) {
            // the directory is being changed; the caller polls again
        }
        return ids;
    }

    public OptionalLong pid(String id) {
        try {
            byte[] content = Files.readAllBytes(instances.resolve(id).resolve("process"));
            String text = new String(content, StandardCharsets.ISO_8859_1);
            int newline = text.indexOf('\n');
            return newline < 0 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text.substring(0, newline).strip()));
        } catch (IOException | NumberFormatException notWrittenYetOrGone) {
            return OptionalLong.empty();
        }
    }

    /** The ports the instance's process listens on: empty while it starts, or once it has ended. */
    public Set<Integer> ports(String id) {
        return ports(id, ListeningPorts.snapshot());
    }

    /** How many instances of a runtime accept connections now: what the executor counts as ready. */
    public int listening(String runtime) {
        ListeningPorts snapshot = ListeningPorts.snapshot();
        int count = 0;
        for (String id : ids(runtime)) if (!ports(id, snapshot).isEmpty()) count++;
        return count;
    }

    private Set<Integer> ports(String id, ListeningPorts snapshot) {
        OptionalLong pid = pid(id);
        return pid.isEmpty() ? Set.of() : snapshot.ofProcessTree(pid.getAsLong());
    }
}
