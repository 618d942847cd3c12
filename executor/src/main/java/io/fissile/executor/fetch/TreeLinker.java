package io.fissile.executor.fetch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Places a cached package into an instance: directories are made, files hard-linked (instant, no
 * extra disk) or copied where links cannot be made (another file system), symbolic links recreated.
 */
final class TreeLinker {

    private static final Logger LOG = LoggerFactory.getLogger(TreeLinker.class);

    /** Cleared after the first link that fails, so that a cache on another file system is not tried again and again. */
    private volatile boolean linksWork = true;

    void place(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            placeFile(source, target);
            return;
        }
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path placed = target.resolve(source.relativize(file).toString());
                if (attributes.isSymbolicLink()) {
                    Files.createSymbolicLink(placed, Files.readSymbolicLink(file));
                } else {
                    placeFile(file, placed);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void placeFile(Path file, Path placed) throws IOException {
        if (linksWork) {
            try {
                Files.createLink(placed, file);
                return;
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (IOException | UnsupportedOperationException e) {
                linksWork = false;
                LOG.info("Cannot hard-link packages into instances ({}); copying them instead", e.toString());
            }
        }
        Files.copy(file, placed, StandardCopyOption.COPY_ATTRIBUTES);
    }
}
