package io.fissile.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The host's system directories as a sandbox shows them, read-only: {@code /usr}, the top-level
 * {@code /bin}, {@code /sbin} and {@code /lib*} (as the same links on a merged-/usr system), and from
 * {@code /etc} only what programs read to run: the dynamic linker's cache, name resolution, users
 * and groups, time zone, certificates, the alternatives links and the JDK's configuration.
 */
final class SystemView {

    private static final List<String> TOP_LEVEL = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");
    private static final List<String> ETC = List.of("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "nsswitch.conf",
            "host.conf", "hosts", "gai.conf", "resolv.conf", "services", "protocols", "passwd", "group", "localtime",
            "timezone", "ssl", "ca-certificates", "ca-certificates.conf", "pki", "crypto-policies", "alternatives",
            "mime.types", "os-release");

    private final List<String> arguments;
    private final List<Path> covered;

    private SystemView(List<String> arguments, List<Path> covered) {
        this.arguments = List.copyOf(arguments);
        this.covered = List.copyOf(covered);
    }

    static SystemView ofHost() throws IOException {
        List<String> arguments = new ArrayList<>();
        List<Path> covered = new ArrayList<>();
        for (String name : TOP_LEVEL) {
            Path path = Path.of(name);
            if (Files.isSymbolicLink(path)) {
                arguments.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), name));
            } else if (Files.isDirectory(path)) {
                arguments.addAll(List.of("--ro-bind", name, name));
                covered.add(path);
            }
        }
        for (Path entry : etcEntries()) {
            arguments.addAll(List.of("--ro-bind", entry.toString(), entry.toString()));
        }
        return new SystemView(arguments, covered);
    }

    List<String> arguments() {
        return arguments;
    }

    /** Whether the sandbox already shows {@code path}. */
    boolean covers(Path path) {
        return covered.stream().anyMatch(path::startsWith);
    }

    private static List<Path> etcEntries() throws IOException {
        List<Path> entries = new ArrayList<>();
        for (String name : ETC) {
            Path entry = Path.of("/etc", name);
            if (Files.exists(entry)) entries.add(entry);
        }
        // Debian's JDKs keep their security configuration in /etc/java-<version>-openjdk.
        try (Stream<Path> etc = Files.list(Path.of("/etc"))) {
            etc.filter(entry -> entry.getFileName().toString().startsWith("java")).sorted().forEach(entries::add);
        }
        return entries;
    }
}
