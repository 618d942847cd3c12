package io.fissile.runtime.archive;

import io.fissile.runtime.Sizes;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Zips a directory tree the way {@link ZipUnpacker} unpacks it: Unix modes recorded (executables stay
 * executable), symbolic links kept as links (as {@code npm install} makes them), empty directories
 * kept. {@code java.util.zip} can write neither modes nor links, hence this small writer. Entries are
 * in name order with one fixed time, so the same tree always gives the same bytes. Links that lead
 * outside the tree, or nowhere, are refused, since the package would be refused when it is unpacked.
 */
final class ZipTreeWriter {

    private static final int VERSION = 20;
    private static final int VERSION_ZIP64 = 45;
    private static final int MADE_BY_UNIX = ZipUnixModes.UNIX_HOST << 8 | VERSION;
    private static final int FLAG_DATA_DESCRIPTOR = 1 << 3;
    private static final int FLAG_UTF8_NAMES = 1 << 11;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int DATA_DESCRIPTOR_SIGNATURE = 0x08074b50;
    /** 1980-01-01 00:00, the earliest time a zip can hold. */
    private static final int DOS_TIME = 0;
    private static final int DOS_DATE = 1 << 5 | 1;
    private static final long MAX_32 = 0xFFFFFFFFL;
    private static final int MAX_16 = 0xFFFF;

    private record TreeEntry(String name, Path path, int mode, String linkTarget) {
        boolean isFile() {
            return (mode & ZipUnixModes.TYPE_MASK) == ZipUnixModes.REGULAR_FILE;
        }
    }

    private record Written(TreeEntry entry, int flags, int method, long crc, long compressedSize, long size, long offset) {
    }

    private final long maxBytes;

    /** @param maxBytes the most bytes the zip may hold, 0 or less for no limit */
    ZipTreeWriter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void write(Path directory, Path target) throws IOException {
        List<TreeEntry> entries = collect(directory.toRealPath());
        try (LimitedOutput out = new LimitedOutput(new BufferedOutputStream(Files.newOutputStream(target), 64 * 1024), maxBytes)) {
            List<Written> written = new ArrayList<>(entries.size());
            for (TreeEntry entry : entries) {
                out.entry = entry.name();
                written.add(entry.isFile() ? writeFile(out, entry) : writeStored(out, entry));
            }
            out.entry = null;
            long directoryOffset = out.count;
            for (Written entry : written) writeDirectoryEntry(out, entry);
            writeEnd(out, written.size(), directoryOffset, out.count - directoryOffset);
        }
    }

    private static List<TreeEntry> collect(Path root) throws IOException {
        List<TreeEntry> entries = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(root)) entries.add(new TreeEntry(name(root, dir) + "/", dir, ZipUnixModes.DIRECTORY | bits(dir), null));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = name(root, file);
                if (attributes.isSymbolicLink()) {
                    entries.add(new TreeEntry(name, file, ZipUnixModes.SYMLINK | 0777, linkInside(root, file, name)));
                } else if (attributes.isRegularFile()) {
                    entries.add(new TreeEntry(name, file, ZipUnixModes.REGULAR_FILE | bits(file), null));
                } else {
                    throw new InvalidArchiveException("\"" + name + "\" is neither a file, a directory nor a link");
                }
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(Comparator.comparing(TreeEntry::name));
        return entries;
    }

    private static String name(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static int bits(Path path) throws IOException {
        return ZipUnixModes.bits(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    /** The link's target, if it leads to something inside the tree. */
    private static String linkInside(Path root, Path link, String name) throws IOException {
        Path target = Files.readSymbolicLink(link);
        if (target.isAbsolute() || !link.getParent().resolve(target).normalize().startsWith(root)) {
            throw new InvalidArchiveException("link \"" + name + "\" points outside the directory: " + target);
        }
        try {
            if (!link.toRealPath().startsWith(root)) {
                throw new InvalidArchiveException("link \"" + name + "\" points outside the directory: " + target);
            }
        } catch (NoSuchFileException e) {
            throw new InvalidArchiveException("link \"" + name + "\" points to nothing in the directory: " + target);
        }
        return target.toString();
    }

    /** A regular file, deflated as it is read; its checksum and sizes follow it in a data descriptor. */
    private static Written writeFile(LimitedOutput out, TreeEntry entry) throws IOException {
        long offset = out.count;
        int flags = FLAG_UTF8_NAMES | FLAG_DATA_DESCRIPTOR;
        writeLocalHeader(out, entry, flags, DEFLATED, 0, 0, 0);
        CRC32 crc = new CRC32();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try (InputStream in = Files.newInputStream(entry.path())) {
            byte[] input = new byte[64 * 1024];
            byte[] output = new byte[64 * 1024];
            for (int n; (n = in.read(input)) > 0; ) {
                crc.update(input, 0, n);
                deflater.setInput(input, 0, n);
                while (!deflater.needsInput()) out.write(output, 0, deflater.deflate(output));
            }
            deflater.finish();
            while (!deflater.finished()) out.write(output, 0, deflater.deflate(output));
            long compressed = deflater.getBytesWritten();
            long size = deflater.getBytesRead();
            if (size > MAX_32 || compressed > MAX_32) {
                throw new InvalidArchiveException("\"" + entry.name() + "\" is larger than a zip entry can be here (4 GiB)");
            }
            out.writeInt(DATA_DESCRIPTOR_SIGNATURE);
            out.writeInt(crc.getValue());
            out.writeInt(compressed);
            out.writeInt(size);
            return new Written(entry, flags, DEFLATED, crc.getValue(), compressed, size, offset);
        } finally {
            deflater.end();
        }
    }

    /** A directory (no data) or a link (its target as data), stored as they are. */
    private static Written writeStored(LimitedOutput out, TreeEntry entry) throws IOException {
        long offset = out.count;
        byte[] data = entry.linkTarget() == null ? new byte[0] : entry.linkTarget().getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(data);
        writeLocalHeader(out, entry, FLAG_UTF8_NAMES, STORED, crc.getValue(), data.length, data.length);
        out.write(data);
        return new Written(entry, FLAG_UTF8_NAMES, STORED, crc.getValue(), data.length, data.length, offset);
    }

    private static void writeLocalHeader(LimitedOutput out, TreeEntry entry, int flags, int method, long crc,
                                         long compressedSize, long size) throws IOException {
        byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
        out.writeInt(ZipUnixModes.LOCAL_HEADER_SIGNATURE);
        out.writeShort(VERSION);
        out.writeShort(flags);
        out.writeShort(method);
        out.writeShort(DOS_TIME);
        out.writeShort(DOS_DATE);
        out.writeInt(crc);
        out.writeInt(compressedSize);
        out.writeInt(size);
        out.writeShort(name.length);
        out.writeShort(0);
        out.write(name);
    }

    private static void writeDirectoryEntry(LimitedOutput out, Written written) throws IOException {
        if (written.offset() > MAX_32) throw new InvalidArchiveException("the archive is larger than this writer supports (4 GiB)");
        byte[] name = written.entry().name().getBytes(StandardCharsets.UTF_8);
        out.writeInt(ZipUnixModes.ENTRY_SIGNATURE);
        out.writeShort(MADE_BY_UNIX);
        out.writeShort(VERSION);
        out.writeShort(written.flags());
        out.writeShort(written.method());
        out.writeShort(DOS_TIME);
        out.writeShort(DOS_DATE);
        out.writeInt(written.crc());
        out.writeInt(written.compressedSize());
        out.writeInt(written.size());
        out.writeShort(name.length);
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(0);
        out.writeInt((long) written.entry().mode() << 16);
        out.writeInt(written.offset());
        out.write(name);
    }

    /** The end of the central directory; zip64's too when there are more entries than the classic one can count. */
    private static void writeEnd(LimitedOutput out, int entries, long directoryOffset, long directorySize) throws IOException {
        boolean zip64 = entries >= MAX_16 || directoryOffset >= MAX_32 || directorySize >= MAX_32;
        if (zip64) {
            long end64Offset = out.count;
            out.writeInt(ZipUnixModes.ZIP64_END_SIGNATURE);
            out.writeLong(44);
            out.writeShort(MADE_BY_UNIX);
            out.writeShort(VERSION_ZIP64);
            out.writeInt(0);
            out.writeInt(0);
            out.writeLong(entries);
            out.writeLong(entries);
            out.writeLong(directorySize);
            out.writeLong(directoryOffset);
            out.writeInt(ZipUnixModes.ZIP64_LOCATOR_SIGNATURE);
            out.writeInt(0);
            out.writeLong(end64Offset);
            out.writeInt(1);
        }
        out.writeInt(ZipUnixModes.END_SIGNATURE);
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(Math.min(entries, MAX_16));
        out.writeShort(Math.min(entries, MAX_16));
        out.writeInt(Math.min(directorySize, MAX_32));
        out.writeInt(Math.min(directoryOffset, MAX_32));
        out.writeShort(0);
    }

    /** Little-endian output that counts its bytes and stops at the size limit, naming the entry being written. */
    private static final class LimitedOutput extends FilterOutputStream {
        private final long maxBytes;
        long count;
        String entry;

        LimitedOutput(OutputStream out, long maxBytes) {
            super(out);
            this.maxBytes = maxBytes;
        }

        @Override
        public void write(int b) throws IOException {
            grow(1);
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            grow(length);
            out.write(bytes, offset, length);
        }

        void writeShort(int value) throws IOException {
            write(value & 0xFF);
            write(value >>> 8 & 0xFF);
        }

        void writeInt(long value) throws IOException {
            writeShort((int) (value & 0xFFFF));
            writeShort((int) (value >>> 16 & 0xFFFF));
        }

        void writeLong(long value) throws IOException {
            writeInt(value & MAX_32);
            writeInt(value >>> 32);
        }

        private void grow(int length) throws InvalidArchiveException {
            count += length;
            if (maxBytes > 0 && count > maxBytes) {
                throw new InvalidArchiveException((entry == null ? "the archive's directory" : "\"" + entry + "\"")
                        + " takes the archive over its size limit of " + Sizes.format(maxBytes));
            }
        }
    }
}
