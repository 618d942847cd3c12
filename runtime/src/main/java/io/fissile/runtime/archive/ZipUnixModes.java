package io.fissile.runtime.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Unix file modes a zip records for its entries (in the central directory's external
 * attributes, when the zip was made on Unix). {@code java.util.zip} does not expose them, yet they
 * tell which entries are symbolic links and which files are executable. {@link ZipTreeWriter} writes
 * them the same way.
 */
final class ZipUnixModes {

    static final int TYPE_MASK = 0170000;
    static final int SYMLINK = 0120000;
    static final int REGULAR_FILE = 0100000;
    static final int DIRECTORY = 0040000;
    static final int UNIX_HOST = 3;

    static final int LOCAL_HEADER_SIGNATURE = 0x04034b50;
    static final int ENTRY_SIGNATURE = 0x02014b50;
    static final int END_SIGNATURE = 0x06054b50;
    static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    static final int ZIP64_END_SIGNATURE = 0x06064b50;
    static final int END_SIZE = 22;

    private static final int MAX_COMMENT = 0xFFFF;
    /** Permission bits from the lowest (others' execute) up, as a mode holds them. */
    private static final PosixFilePermission[] PERMISSION_BITS = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};

    private ZipUnixModes() {
    }

    /** Entry name to mode, for the entries made on Unix; empty when the zip records none. */
    static Map<String, Integer> read(Path zip) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = channel.size();
            int tailLength = (int) Math.min(size, END_SIZE + MAX_COMMENT);
            ByteBuffer tail = readAt(channel, size - tailLength, tailLength);
            int end = findEnd(tail);
            if (end < 0) throw new InvalidArchiveException("not a zip archive: no end of central directory");
            long entries = Short.toUnsignedInt(tail.getShort(end + 10));
            long directorySize = Integer.toUnsignedLong(tail.getInt(end + 12));
            long directoryOffset = Integer.toUnsignedLong(tail.getInt(end + 16));
            if (entries == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
                long endPosition = size - tailLength + end;
                ByteBuffer locator = readAt(channel, endPosition - 20, 20);
                if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) throw new InvalidArchiveException("damaged zip64 archive");
                ByteBuffer end64 = readAt(channel, locator.getLong(8), 56);
                if (end64.getInt(0) != ZIP64_END_SIGNATURE) throw new InvalidArchiveException("damaged zip64 archive");
                entries = end64.getLong(32);
                directorySize = end64.getLong(40);
                directoryOffset = end64.getLong(48);
            }
            if (directorySize > Integer.MAX_VALUE || directoryOffset + directorySize > size) {
                throw new InvalidArchiveException("damaged zip archive: central directory out of bounds");
            }
            return modes(readAt(channel, directoryOffset, (int) directorySize), entries);
        }
    }

    static boolean isSymlink(Integer mode) {
        return mode != null && (mode & TYPE_MASK) == SYMLINK;
    }

    /** The mode's permission bits, always readable and writable by the owner so that the files can be copied and removed. */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        for (int bit = 0; bit < PERMISSION_BITS.length; bit++) {
            if ((mode & (1 << bit)) != 0) permissions.add(PERMISSION_BITS[bit]);
        }
        return permissions;
    }

    /** The permission bits of a mode for these permissions. */
    static int bits(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (int bit = 0; bit < PERMISSION_BITS.length; bit++) {
            if (permissions.contains(PERMISSION_BITS[bit])) bits |= 1 << bit;
        }
        return bits;
    }

    private static Map<String, Integer> modes(ByteBuffer directory, long entries) throws InvalidArchiveException {
        Map<String, Integer> modes = new HashMap<>();
        int at = 0;
        for (long i = 0; i < entries; i++) {
            if (at + 46 > directory.limit() || directory.getInt(at) != ENTRY_SIGNATURE) {
                throw new InvalidArchiveException("damaged zip archive: bad central directory entry");
            }
            int madeBy = Short.toUnsignedInt(directory.getShort(at + 4)) >>> 8;
            int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
            int external = directory.getInt(at + 38);
            if (at + 46 + nameLength > directory.limit()) throw new InvalidArchiveException("damaged zip archive: name out of bounds");
            byte[] name = new byte[nameLength];
            directory.get(at + 46, name);
            int mode = external >>> 16;
            // java.util.zip reads every name as UTF-8 by default; so does this, so that names match.
            if (madeBy == UNIX_HOST && mode != 0) modes.put(new String(name, StandardCharsets.UTF_8), mode);
            at += 46 + nameLength + extraLength + commentLength;
        }
        return modes;
    }

    private static int findEnd(ByteBuffer tail) {
        for (int at = tail.limit() - END_SIZE; at >= 0; at--) {
            if (tail.getInt(at) == END_SIGNATURE) return at;
        }
        return -1;
    }

    private static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        if (position < 0) throw new InvalidArchiveException("damaged zip archive: offset out of bounds");
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new InvalidArchiveException("damaged zip archive: ends early");
            }
        }
        return buffer.flip();
    }
}
