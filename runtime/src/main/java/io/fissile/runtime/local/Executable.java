package io.fissile.runtime.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A program found on the server's PATH, by its real path (links resolved).
 *
 * @param path the real path of the program
 * @param nativeBinary an ELF binary, not a script: it runs in a sandbox that shows only its install prefix
 *                     (a version manager's shim script would need the manager's whole tree)
 */
record Executable(Path path, boolean nativeBinary) {

    private static final List<String> FALLBACK_DIRS = List.of("/usr/local/bin", "/usr/bin", "/bin");

    /**
     * Finds a program by name on PATH, then in the usual system directories, preferring native
     * binaries to scripts (a sandbox can run them, and they skip the shim's start-up).
     */
    static Optional<Executable> find(String name) {
        List<Executable> found = new ArrayList<>();
        for (String dir : searchPath()) {
            Path candidate = Path.of(dir, name);
            if (!Files.isRegularFile(candidate) || !Files.isExecutable(candidate)) continue;
            try {
                Path real = candidate.toRealPath();
                found.add(new Executable(real, isElf(real)));
            } catch (IOException ignored) {
                // a dangling link: not a candidate
            }
        }
        return found.stream().filter(Executable::nativeBinary).findFirst().or(() -> found.stream().findFirst());
    }

    /**
     * The directory a sandbox must show for the program to run: its install prefix (the parent of
     * its {@code bin}), or its own directory.
     */
    Path installPrefix() {
        Path dir = path.getParent();
        return dir.getFileName() != null && dir.getFileName().toString().equals("bin") && dir.getParent() != null
                ? dir.getParent() : dir;
    }

    private static Set<String> searchPath() {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) if (!dir.isBlank()) dirs.add(dir);
        }
        dirs.addAll(FALLBACK_DIRS);
        return dirs;
    }

    private static boolean isElf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }
}
