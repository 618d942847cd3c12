package io.fissile.runtime.local;

import io.fissile.runtime.RuntimeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * One class-data sharing archive per JVM runtime, so that JVM instances after the first start faster.
 * The JVM writes an archive when it exits ({@code -XX:+AutoCreateSharedArchive}); it is adopted as
 * the runtime's archive only from an instance that never ran a function, so no function can plant
 * classes in other instances. The name holds the runtime's content hash, the JVM's build and whether
 * instances are sandboxed, since an archive matches only the exact classpath and JVM that made it.
 */
final class SharedArchives {

    private static final Logger LOG = LoggerFactory.getLogger(SharedArchives.class);
    private static final String INSTANCE_ARCHIVE = "shared.jsa";

    private final Path dir;
    private final String variant;

    SharedArchives(Path dir, boolean sandboxed) {
        this.dir = dir;
        this.variant = (sandboxed ? "sandbox" : "host") + "-" + jvmBuild();
    }

    /** The archive for a new instance, or empty when the runtime is not a JVM. */
    Optional<SharedArchive> forInstance(InstalledRuntime runtime, InstanceDirectory instance) throws IOException {
        if (!isJvm(runtime.kind())) return Optional.empty();
        Path adopted = adoptedFile(runtime);
        if (Files.isRegularFile(adopted)) return Optional.of(new SharedArchive(adopted, false));
        Files.createDirectories(instance.sharedArchiveDir());
        return Optional.of(new SharedArchive(instance.sharedArchiveDir().resolve(INSTANCE_ARCHIVE), true));
    }

    /** Keeps the archive a clean instance wrote as the runtime's, unless there is one already. */
    void adopt(InstalledRuntime runtime, SharedArchive archive) {
        if (!archive.writable() || !Files.isRegularFile(archive.hostFile())) return;
        Path adopted = adoptedFile(runtime);
        if (Files.exists(adopted)) return;
        try {
            Files.createDirectories(dir);
            Path staging = Files.createTempFile(dir, ".archive", ".tmp");
            Files.copy(archive.hostFile(), staging, StandardCopyOption.REPLACE_EXISTING);
            // Two instances may race here; both archives are equally good, and the rename is atomic.
            Files.move(staging, adopted, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("Could not keep the shared archive of the {} runtime; the next instance makes one", runtime.kind(), e);
        }
    }

    private Path adoptedFile(InstalledRuntime runtime) {
        return dir.resolve(runtime.kind().fissileName() + "-" + runtime.contentHash() + "-" + variant + ".jsa");
    }

    private static boolean isJvm(RuntimeKind kind) {
        return kind == RuntimeKind.JVM || kind == RuntimeKind.BINARY;
    }

    private static String jvmBuild() {
        String build = System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
        return Integer.toHexString(build.hashCode());
    }
}
