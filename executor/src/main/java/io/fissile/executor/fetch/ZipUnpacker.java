package io.fissile.executor.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a zip into a new directory, as Fission's fetcher does for a deployment archive, but
 * refusing anything that would reach outside it: entries whose path leaves the directory (zip-slip),
 * and symbolic links that point outside it, directly or through other links. Links are made last, so
 * that no file is ever written through one. Unix permissions recorded in the zip are kept (executables
 * stay executable).
 */
final class ZipUnpacker {

    private static final int MAX_LINK_TARGET = 4096;

    private ZipUnpacker() {
    }

    /** True when the file starts like a zip (a local entry, or an empty zip's end record). */
    static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K'
                    && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
        }
    }

    static void unpack(Path zip, Path directory) throws IOException {
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
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (mode != null) Files.setPosixFilePermissions(target, permissions(mode));
                }
            }
        }
        for (Link link : links) link.create(root);
        for (Link link : links) link.verify(root);
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

    /** The mode's permission bits, always readable by the owner so that the package can be copied and removed. */
    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        PosixFilePermission[] bits = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) permissions.add(bits[bit]);
        }
        return permissions;
    }

    private record Link(String name, Path path, String target) {

        void create(Path root) throws IOException {
            if (target.isEmpty() || target.startsWith("/") || target.indexOf('\0') >= 0) {
                throw new InvalidArchiveException("zip link \"" + name + "\" points outside the package directory: " + target);
            }
            if (!path.getParent().resolve(target).normalize().startsWith(root)) {
                throw new InvalidArchiveException("zip link \"" + name + "\" points outside the package directory: " + target);
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
            if (!real.startsWith(root)) {
                throw new InvalidArchiveException("zip link \"" + name + "\" points outside the package directory: " + target);
            }
        }
    }
}
