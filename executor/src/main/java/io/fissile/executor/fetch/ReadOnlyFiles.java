package io.fissile.executor.fetch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Takes write permission off every file of a cached package, so that an instance cannot change the
 * cached copy through its hard link by accident (a sandboxed instance has no capability to override
 * permissions).
 */
final class ReadOnlyFiles {

    private static final Set<PosixFilePermission> WRITE = Set.of(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private ReadOnlyFiles() {
    }

    static void under(Path path) throws IOException {
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                    permissions.removeAll(WRITE);
                    Files.setPosixFilePermissions(file, permissions);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
