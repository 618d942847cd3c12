package io.fissile.runtime.archive;

import io.fissile.runtime.Sizes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a zip into a new directory, as Fission's fetcher does, but refusing anything that would
 * reach outside it: entries whose path leaves the directory (zip-slip), and symbolic links that point
 * outside it, directly or through other links. Links are made last, so that no file is ever written
 * through one. The bytes written are counted as they are written (not taken from the zip's own
 * claims), and unpacking stops at the size limit. Unix permissions recorded in the zip are kept.
 */
final class ZipUnpacker {

    private static final int MAX_LINK_TARGET = 4096;
    private static final int BUFFER_SIZE = 64 * 1024;

    private final long maxBytes;
    private long written;

    /** @param maxBytes the most bytes the unpacked files may hold together, 0 or less for no limit */
    ZipUnpacker(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void unpack(Path zip, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path root = directory.toRealPath();
        Map<String, Integer> modes = ZipUnixModes.read(zip);
        List<Link> links = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = inside(root, entry.getName());
                if (target.equals(root)) continue;
                Integer mode = modes.get(entry.getName());
                if (ZipUnixModes.isSymlink(mode)) {
                    links.add(new Link(entry.getName(), target, linkTarget(file, entry)));
                } else if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                        copy(entry.getName(), in, out);
                    }
                    if (mode != null) Files.setPosixFilePermissions(target, ZipUnixModes.permissions(mode));
                }
            }
        }
        for (Link link : links) link.create(root);
        for (Link link : links) link.verify(root);
    }

    private void copy(String name, InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int n; (n = in.read(buffer)) > 0; ) {
            written += n;
            if (maxBytes > 0 && written > maxBytes) {
                throw new InvalidArchiveException("zip entry \"" + name + "\" takes the unpacked archive over its size limit of "
                        + Sizes.format(maxBytes));
            }
            out.write(buffer, 0, n);
        }
    }

    private static Path inside(Path root, String name) throws InvalidArchiveException {
        if (name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0) {
            throw new InvalidArchiveException("zip entry \"" + name + "\" has an unsafe path");
        }
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            throw new InvalidArchiveException("zip entry \"" + name + "\" would be written outside the package directory");
        }
        return target;
    }

    private static String linkTarget(ZipFile file, ZipEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(MAX_LINK_TARGET + 1);
            if (bytes.length > MAX_LINK_TARGET) throw new InvalidArchiveException("zip link \"" + entry.getName() + "\" is too long");
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private record Link(String name, Path path, String target) {

        void create(Path root) throws IOException {
            if (target.isEmpty() || target.startsWith("/") || target.indexOf('\0') >= 0
                    || !path.getParent().resolve(target).normalize().startsWith(root)) {
                throw outside();
            }
            Files.createDirectories(path.getParent());
            Files.deleteIfExists(path);
            Files.createSymbolicLink(path, path.getFileSystem().getPath(target));
        }

        /** Once all links exist: one that leads outside through others, or nowhere, is refused too. */
        void verify(Path root) throws IOException {
            Path real;
            try {
                real = path.toRealPath();
            } catch (NoSuchFileException e) {
                throw new InvalidArchiveException("zip link \"" + name + "\" points to nothing in the package: " + target);
            } catch (IOException e) {
                throw new InvalidArchiveException("zip link \"" + name + "\" cannot be followed: " + e.getMessage());
            }
            if (!real.startsWith(root)) throw outside();
        }

        private InvalidArchiveException outside() {
            return new InvalidArchiveException("zip link \"" + name + "\" points outside the package directory: " + target);
        }
    }
}
