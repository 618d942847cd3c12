package io.fissile.storage.fs;

import io.fissile.storage.ArchiveInfo;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Run in a JVM whose heap is far smaller than the archive: stores a generated archive and reads
 * it back, which can only succeed if neither way holds the archive in memory. Exits 0 when the
 * bytes read back are the bytes sent.
 */
public final class StreamingCheck {
    private StreamingCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        long heap = Runtime.getRuntime().maxMemory();
        if (heap >= size) {
            fail("the heap (" + heap + " bytes) could hold the whole archive, which proves nothing");
        }

        FileArchiveStore store = FileArchiveStore.open(directory);
        DigestInputStream sent = new DigestInputStream(new GeneratedInput(size, 7), MessageDigest.getInstance("SHA-256"));
        ArchiveInfo stored = store.put(sent, null);
        String sentSha256 = HexFormat.of().formatHex(sent.getMessageDigest().digest());
        if (!stored.id().equals(sentSha256) || stored.size() != size) {
            fail("stored " + stored + " but sent " + size + " bytes with SHA-256 " + sentSha256);
        }

        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long receivedSize = 0;
        try (InputStream in = store.open(stored.id())) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.update(buffer, 0, n);
                receivedSize += n;
            }
        }
        String receivedSha256 = HexFormat.of().formatHex(received.digest());
        if (!receivedSha256.equals(sentSha256) || receivedSize != size) {
            fail("read back " + receivedSize + " bytes with SHA-256 " + receivedSha256);
        }
        System.out.println("streamed " + size + " bytes through a heap of " + heap + " bytes");
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
