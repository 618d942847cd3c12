package io.fissile.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes zips as Unix zip tools do, with file modes in the central directory (which
 * {@code java.util.zip} cannot write): executables, directories, symbolic links, and any entry name,
 * unsafe ones included, to test what unpacking accepts (runtime and executor tests share it).
 */
public final class ZipBuilder {

    private record Entry(String name, byte[] data, int mode) {
    }

    private static final int MADE_ON_UNIX = 3 << 8 | 20;
    private static final int UTF8_NAMES = 0x0800;
    private static final int DOS_DATE_1980 = 1 << 5 | 1;

    private final List<Entry> entries = new ArrayList<>();

    public ZipBuilder file(String name, String content) {
        return add(name, content, 0100644);
    }

    public ZipBuilder executable(String name, String content) {
        return add(name, content, 0100755);
    }

    public ZipBuilder bytes(String name, byte[] content) {
        entries.add(new Entry(name, content, 0100644));
        return this;
    }

    public ZipBuilder directory(String name) {
        return add(name.endsWith("/") ? name : name + "/", "", 040755);
    }

    public ZipBuilder symlink(String name, String target) {
        return add(name, target, 0120777);
    }

    public byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (Entry entry : entries) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(entry.data());
            int offset = out.size();
            ByteBuffer local = little(30 + name.length)
                    .putInt(0x04034b50).putShort((short) 20).putShort((short) UTF8_NAMES).putShort((short) 0)
                    .putShort((short) 0).putShort((short) DOS_DATE_1980).putInt((int) crc.getValue())
                    .putInt(entry.data().length).putInt(entry.data().length)
                    .putShort((short) name.length).putShort((short) 0).put(name);
            out.writeBytes(local.array());
            out.writeBytes(entry.data());
            ByteBuffer central = little(46 + name.length)
                    .putInt(0x02014b50).putShort((short) MADE_ON_UNIX).putShort((short) 20).putShort((short) UTF8_NAMES)
                    .putShort((short) 0).putShort((short) 0).putShort((short) DOS_DATE_1980).putInt((int) crc.getValue())
                    .putInt(entry.data().length).putInt(entry.data().length)
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(entry.mode() << 16).putInt(offset).put(name);
            directory.writeBytes(central.array());
        }
        int directoryOffset = out.size();
        out.writeBytes(directory.toByteArray());
        ByteBuffer end = little(22)
                .putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) entries.size()).putShort((short) entries.size())
                .putInt(directory.size()).putInt(directoryOffset).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    private ZipBuilder add(String name, String content, int mode) {
        entries.add(new Entry(name, content.getBytes(StandardCharsets.UTF_8), mode));
        return this;
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
