package io.fissile.storage.fs;

import io.fissile.storage.ArchiveInfo;
import io.fissile.storage.ArchiveUpload;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.fissile.storage.fs.TestArchives.filesUnder;
import static io.fissile.storage.fs.TestArchives.readAll;
import static io.fissile.storage.fs.TestArchives.sha256;
import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentUploadTest {
    private static final int SIZE = 256 * 1024;
    private static final int CHUNK = 4096;

    @TempDir
    Path directory;

    @RepeatedTest(3)
    void concurrentUploadsOfDifferentAndIdenticalContentAllLandWhole() throws Exception {
        FileArchiveStore store = FileArchiveStore.open(directory);
        byte[] shared = GeneratedInput.bytes(SIZE, 100);
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            contents.add(i % 2 == 0 ? shared : GeneratedInput.bytes(SIZE, i));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ArchiveInfo>> results = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(contents.size())) {
            for (byte[] content : contents) {
                results.add(pool.submit(upload(store, content, start)));
            }
            start.countDown();

            for (int i = 0; i < contents.size(); i++) {
                assertThat(results.get(i).get().id()).isEqualTo(sha256(contents.get(i)));
            }
        }

        List<String> expectedIds = contents.stream().map(TestArchives::sha256).distinct().toList();
        assertThat(store.list()).extracting(ArchiveInfo::id).containsExactlyInAnyOrderElementsOf(expectedIds);
        for (byte[] content : contents) {
            assertThat(readAll(store, sha256(content))).isEqualTo(content);
        }
        assertThat(filesUnder(directory)).hasSize(expectedIds.size());
    }

    // Small chunks, so that the uploads interleave on the way to the same id.
    private static Callable<ArchiveInfo> upload(FileArchiveStore store, byte[] content, CountDownLatch start) {
        return () -> {
            start.await();
            try (ArchiveUpload upload = store.begin(0)) {
                for (int offset = 0; offset < content.length; offset += CHUNK) {
                    upload.write(content, offset, Math.min(CHUNK, content.length - offset));
                }
                return upload.commit(null);
            }
        };
    }
}
