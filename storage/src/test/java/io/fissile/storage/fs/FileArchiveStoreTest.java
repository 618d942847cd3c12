package io.fissile.storage.fs;

import io.fissile.storage.ArchiveInfo;
import io.fissile.storage.ArchiveNotFoundException;
import io.fissile.storage.ArchiveTooLargeException;
import io.fissile.storage.ArchiveUpload;
import io.fissile.storage.ChecksumMismatchException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.fissile.storage.fs.TestArchives.filesUnder;
import static io.fissile.storage.fs.TestArchives.readAll;
import static io.fissile.storage.fs.TestArchives.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileArchiveStoreTest {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path work;
    Path directory;
    FileArchiveStore store;

    @BeforeEach
    void openStore() throws IOException {
        directory = work.resolve("archives");
        store = FileArchiveStore.open(directory);
    }

    ArchiveInfo put(byte[] bytes, String expectedSha256) throws IOException {
        return store.put(new ByteArrayInputStream(bytes), expectedSha256);
    }

    @Test
    void storesAnUploadUnderItsSha256AndReadsItBack() throws IOException {
        byte[] content = GeneratedInput.bytes(200_000, 1);

        ArchiveInfo stored = put(content, null);

        assertThat(stored.id()).isEqualTo(sha256(content));
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.urlPath()).isEqualTo("/v2/archives/" + stored.id());
        assertThat(readAll(store, stored.id())).isEqualTo(content);
        assertThat(store.info(stored.id())).contains(stored);
        assertThat(store.file(stored.id())).hasValueSatisfying(file -> assertThat(file).hasBinaryContent(content));
    }

    @Test
    void storesAnEmptyArchive() throws IOException {
        ArchiveInfo stored = put(new byte[0], EMPTY_SHA256);

        assertThat(stored.id()).isEqualTo(EMPTY_SHA256);
        assertThat(stored.size()).isZero();
        assertThat(readAll(store, EMPTY_SHA256)).isEmpty();
    }

    @Test
    void theSameBytesTwiceAreOneArchiveAndTheChecksumMayBeInAnyCase() throws IOException {
        byte[] content = "same bytes".getBytes(StandardCharsets.UTF_8);

        ArchiveInfo first = put(content, null);
        ArchiveInfo second = put(content, sha256(content).toUpperCase());

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(store.list()).extracting(ArchiveInfo::id).containsExactly(first.id());
        assertThat(filesUnder(directory)).containsExactly(store.file(first.id()).orElseThrow());
    }

    @Test
    void listsArchivesOldestFirstWithSizeAndCreationTime() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ArchiveInfo a = put("a".getBytes(StandardCharsets.UTF_8), null);
        ArchiveInfo bb = put("bb".getBytes(StandardCharsets.UTF_8), null);
        ArchiveInfo ccc = put("ccc".getBytes(StandardCharsets.UTF_8), null);
        age(bb, now.minus(Duration.ofHours(3)));
        age(ccc, now.minus(Duration.ofHours(2)));
        age(a, now.minus(Duration.ofHours(1)));

        assertThat(store.list()).containsExactly(
                new ArchiveInfo(bb.id(), 2, now.minus(Duration.ofHours(3))),
                new ArchiveInfo(ccc.id(), 3, now.minus(Duration.ofHours(2))),
                new ArchiveInfo(a.id(), 1, now.minus(Duration.ofHours(1))));
        assertThat(store.info(ccc.id())).contains(new ArchiveInfo(ccc.id(), 3, now.minus(Duration.ofHours(2))));
    }

    @Test
    void deletesAnArchiveOnceAndThenReportsItGone() throws IOException {
        ArchiveInfo kept = put("kept".getBytes(StandardCharsets.UTF_8), null);
        ArchiveInfo doomed = put("doomed".getBytes(StandardCharsets.UTF_8), null);

        assertThat(store.delete(doomed.id())).isTrue();
        assertThat(store.delete(doomed.id())).isFalse();

        assertThat(store.info(doomed.id())).isEmpty();
        assertThat(store.file(doomed.id())).isEmpty();
        assertThatThrownBy(() -> store.open(doomed.id()))
                .isInstanceOf(ArchiveNotFoundException.class).hasMessageContaining(doomed.id());
        assertThat(store.list()).containsExactly(kept);
    }

    @Test
    void uploadingTheSameBytesAgainRenewsTheCreationTime() throws IOException {
        byte[] content = "uploaded twice".getBytes(StandardCharsets.UTF_8);
        ArchiveInfo first = put(content, null);
        Instant longAgo = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        age(first, longAgo);

        ArchiveInfo again = put(content, null);

        assertThat(again.created()).isAfter(longAgo);
        assertThat(store.info(first.id()).orElseThrow().created()).isEqualTo(again.created());
    }

    @Test
    void deletesOnlyWhenCreatedBeforeTheCutoff() throws IOException {
        ArchiveInfo old = put("old".getBytes(StandardCharsets.UTF_8), null);
        ArchiveInfo fresh = put("fresh".getBytes(StandardCharsets.UTF_8), null);
        Instant cutoff = Instant.now().minus(Duration.ofHours(1));
        age(old, cutoff.minusSeconds(1));

        assertThat(store.deleteIfCreatedBefore(fresh.id(), cutoff)).isFalse();
        assertThat(store.deleteIfCreatedBefore(old.id(), cutoff)).isTrue();

        assertThat(store.list()).extracting(ArchiveInfo::id).containsExactly(fresh.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "../secret", "../../secret", "sha256/../../secret",
            "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855/..",
            "e3/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"})
    void anythingButSixtyFourLowerCaseHexDigitsNamesNoArchive(String id) throws IOException {
        put(new byte[0], null);
        Path secret = Files.writeString(work.resolve("secret"), "outside the store");

        assertThatThrownBy(() -> store.open(id)).isInstanceOf(ArchiveNotFoundException.class);
        assertThat(store.info(id)).isEmpty();
        assertThat(store.file(id)).isEmpty();
        assertThat(store.delete(id)).isFalse();
        assertThat(secret).hasContent("outside the store");
        assertThat(store.list()).extracting(ArchiveInfo::id).containsExactly(EMPTY_SHA256);
    }

    @Test
    void aChecksumMismatchStoresNothingAndLeavesTheArchiveOfThatIdIntact() throws IOException {
        byte[] content = "the real archive".getBytes(StandardCharsets.UTF_8);
        byte[] impostor = "other bytes claiming its id".getBytes(StandardCharsets.UTF_8);
        ArchiveInfo stored = put(content, null);

        assertThatThrownBy(() -> put(impostor, stored.id()))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessage("checksum mismatch: expected " + stored.id() + ", got " + sha256(impostor));
        assertThatThrownBy(() -> put(content, sha256(impostor)))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessage("checksum mismatch: expected " + sha256(impostor) + ", got " + stored.id());

        assertThat(store.list()).containsExactly(stored);
        assertThat(readAll(store, stored.id())).isEqualTo(content);
        assertThat(filesUnder(directory)).containsExactly(store.file(stored.id()).orElseThrow());
    }

    @Test
    void anUploadClosedWithoutCommitStoresNothingAndLeavesNoFile() throws IOException {
        try (ArchiveUpload upload = store.begin(0)) {
            upload.write(GeneratedInput.bytes(100_000, 2), 0, 100_000);
            assertThat(upload.size()).isEqualTo(100_000);
        }

        assertThat(store.list()).isEmpty();
        assertThat(filesUnder(directory)).isEmpty();
    }

    @Test
    void anUploadOverTheLimitFailsAsSoonAsItPassesItAndLeavesNothing() throws IOException {
        try (ArchiveUpload upload = store.begin(1000)) {
            upload.write(new byte[600], 0, 600);

            assertThatThrownBy(() -> upload.write(new byte[401], 0, 401))
                    .isInstanceOf(ArchiveTooLargeException.class)
                    .hasMessageContaining("1000 bytes");
            assertThat(filesUnder(directory)).isEmpty();
            assertThatThrownBy(() -> upload.commit(null)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(store.list()).isEmpty();
    }

    @Test
    void anUploadOfExactlyTheLimitIsStored() throws IOException {
        byte[] content = GeneratedInput.bytes(1000, 3);
        try (ArchiveUpload upload = store.begin(1000)) {
            upload.write(content, 0, content.length);

            assertThat(upload.commit(null).size()).isEqualTo(1000);
        }
    }

    @Test
    void aFileDamagedOnDiskFailsAtTheEndOfTheStreamNamingBothDigests() throws IOException {
        byte[] content = GeneratedInput.bytes(300_000, 4);
        ArchiveInfo stored = put(content, null);
        byte[] damaged = flipAByte(stored, 123_456);

        try (InputStream in = store.open(stored.id())) {
            assertThat(in.readNBytes(1000)).isEqualTo(java.util.Arrays.copyOf(content, 1000));
            assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(ChecksumMismatchException.class)
                    .hasMessageContaining("expected " + stored.id())
                    .hasMessageContaining("got " + sha256(damaged));
        }
    }

    @Test
    void uploadingTheSameBytesAgainRepairsADamagedFile() throws IOException {
        byte[] content = GeneratedInput.bytes(50_000, 5);
        ArchiveInfo stored = put(content, null);
        flipAByte(stored, 7);

        put(content, stored.id());

        assertThat(readAll(store, stored.id())).isEqualTo(content);
    }

    @Test
    void openingTheStoreRemovesUploadsLeftUnfinishedByACrash() throws IOException {
        ArchiveInfo stored = put("survives".getBytes(StandardCharsets.UTF_8), null);
        ArchiveUpload abandoned = store.begin(0);
        abandoned.write(GeneratedInput.bytes(10_000, 6), 0, 10_000);
        assertThat(filesUnder(directory)).hasSize(2);

        FileArchiveStore reopened = FileArchiveStore.open(directory);

        assertThat(filesUnder(directory)).containsExactly(reopened.file(stored.id()).orElseThrow());
        assertThat(reopened.list()).containsExactly(stored);
        abandoned.close();
    }

    private void age(ArchiveInfo archive, Instant created) throws IOException {
        Files.setLastModifiedTime(store.file(archive.id()).orElseThrow(), FileTime.from(created));
    }

    private byte[] flipAByte(ArchiveInfo archive, int position) throws IOException {
        Path file = store.file(archive.id()).orElseThrow();
        byte[] bytes = Files.readAllBytes(file);
        bytes[position] ^= 0x01;
        Files.write(file, bytes);
        return bytes;
    }
}
