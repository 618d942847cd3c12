package io.fissile.controller;

import io.fissile.client.ControllerClient;
import io.fissile.controller.ControllerFixture.Reply;
import io.fissile.store.sqlite.SqliteStoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ArchiveTest {
    private static final int LIMIT = 2 << 20;

    @RegisterExtension
    final ControllerFixture server = new ControllerFixture(
            options -> options.withMaxArchiveBytes(LIMIT), SqliteStoreOptions.defaults());

    @Test
    void anUploadWithItsChecksumIsStoredUnderThatChecksum() {
        byte[] zip = bytes(300_000, 1);
        String sha = sha256(zip);

        Reply uploaded = upload(zip, sha);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode archive = uploaded.json();
        assertThat(archive.path("id").asString()).isEqualTo(sha);
        assertThat(archive.path("size").asLong()).isEqualTo(zip.length);
        assertThat(Instant.parse(archive.path("created").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(archive.path("url").asString()).isEqualTo("/v2/archives/" + sha);
        assertThat(archive.path("checksum").path("type").asString()).isEqualTo("sha256");
        assertThat(archive.path("checksum").path("sum").asString()).isEqualTo(sha);
        assertThat(uploaded.header("Location")).isEqualTo("/v2/archives/" + sha);
        assertThat(server.archives().info(sha)).isPresent();
    }

    @Test
    void anUploadWithoutAChecksumOrWithOneInTheQueryIsStoredToo() {
        byte[] first = bytes(10_000, 2);
        byte[] second = bytes(20_000, 3);

        Reply withoutChecksum = upload(first, null);
        Reply withQueryChecksum = server.send(HttpRequest.newBuilder(server.uri("/v2/archives?checksum=" + sha256(second).toUpperCase()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(second)));

        assertThat(withoutChecksum.status()).isEqualTo(201);
        assertThat(withoutChecksum.json().path("id").asString()).isEqualTo(sha256(first));
        assertThat(withQueryChecksum.status()).as(withQueryChecksum.body()).isEqualTo(201);
        assertThat(withQueryChecksum.json().path("id").asString()).isEqualTo(sha256(second));
    }

    @Test
    void aChecksumMismatchNamesBothDigestsAndStoresNothing() {
        byte[] zip = bytes(100_000, 4);
        String wrong = sha256(bytes(10, 5));

        Reply refused = upload(zip, wrong);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("reason").asString()).isEqualTo("ChecksumMismatch");
        assertThat(refused.json().path("message").asString()).contains(wrong, sha256(zip));
        assertThat(server.archives().list()).isEmpty();
        assertThat(server.get("/v2/archives").json().path("items")).isEmpty();
    }

    @Test
    void aChecksumThatIsNoDigestIsABadRequest() {
        Reply refused = upload(bytes(1_000, 6), "not-a-digest");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("reason").asString()).isEqualTo("BadRequest");
        assertThat(server.archives().list()).isEmpty();
    }

    @Test
    void anArchiveOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() {
        byte[] tooBig = bytes(LIMIT + 500_000, 7);

        Reply declared = upload(tooBig, null);
        Reply chunked = server.send(HttpRequest.newBuilder(server.uri("/v2/archives"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig))));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().path("reason").asString()).isEqualTo("TooLarge");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.json().path("reason").asString()).isEqualTo("TooLarge");
        assertThat(server.archives().list()).isEmpty();
        assertThat(upload(bytes(LIMIT, 8), null).status()).isEqualTo(201);
    }

    @Test
    void aClientWaitingFor100ContinueIsToldToSendOrRefusedBeforeSending() {
        byte[] fits = bytes(50_000, 17);
        Reply accepted = server.send(HttpRequest.newBuilder(server.uri("/v2/archives")).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(fits)));
        Reply refused = server.send(HttpRequest.newBuilder(server.uri("/v2/archives")).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(LIMIT + 1, 18))));

        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.json().path("id").asString()).isEqualTo(sha256(fits));
        assertThat(refused.status()).isEqualTo(413);
    }

    @Test
    void aDownloadStreamsTheSameBytesWithTheirChecksumAndHeadTellsTheSameWithoutThem() throws Exception {
        byte[] zip = bytes(1_500_000, 9);
        String sha = sha256(zip);
        upload(zip, sha);

        HttpResponse<byte[]> download = server.http().send(HttpRequest.newBuilder(server.uri("/v2/archives/" + sha)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(zip);
        assertThat(download.headers().firstValue("Content-Length")).hasValue(Integer.toString(zip.length));
        assertThat(download.headers().firstValue(ControllerClient.CHECKSUM_HEADER)).hasValue(sha);
        assertThat(download.headers().firstValue("ETag")).hasValue("\"" + sha + "\"");

        HttpResponse<byte[]> head = server.http().send(HttpRequest.newBuilder(server.uri("/v2/archives/" + sha))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(zip.length));
        assertThat(head.headers().firstValue(ControllerClient.CHECKSUM_HEADER)).hasValue(sha);

        assertThat(server.get("/v2/archives/" + sha256(new byte[0])).status()).isEqualTo(404);
        assertThat(server.get("/v2/archives/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void archivesAreListed() {
        byte[] first = bytes(1_000, 10);
        byte[] second = bytes(2_000, 11);
        upload(first, null);
        upload(second, null);

        JsonNode items = server.get("/v2/archives").json().path("items");

        assertThat(items.valueStream().map(item -> item.path("id").asString()))
                .containsExactlyInAnyOrder(sha256(first), sha256(second));
        JsonNode one = items.valueStream().filter(item -> item.path("id").asString().equals(sha256(second))).findFirst().orElseThrow();
        assertThat(one.path("size").asLong()).isEqualTo(2_000);
        assertThat(one.path("url").asString()).isEqualTo("/v2/archives/" + sha256(second));
        assertThat(one.path("created").asString()).isNotEmpty();
    }

    @Test
    void anArchiveAPackageUsesCannotBeDeletedUntilThePackageIsGone() {
        byte[] zip = bytes(5_000, 12);
        String id = sha256(zip);
        upload(zip, id);
        server.post("/v2/packages?namespace=shop", Manifests.packageWithArchive("checkout-pkg", id));

        Reply inUse = server.delete("/v2/archives/" + id);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().path("reason").asString()).isEqualTo("InUse");
        assertThat(inUse.json().path("message").asString()).contains("shop/checkout-pkg");
        assertThat(server.archives().info(id)).isPresent();

        server.delete("/v2/packages/checkout-pkg?namespace=shop");
        Reply deleted = server.delete("/v2/archives/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("id").asString()).isEqualTo(id);
        assertThat(server.get("/v2/archives/" + id).status()).isEqualTo(404);
        assertThat(server.delete("/v2/archives/" + id).status()).isEqualTo(404);
    }

    @Test
    void anArchiveDamagedOnDiskIsNeverServedAsIfWhole() throws Exception {
        byte[] zip = bytes(700_000, 13);
        String id = sha256(zip);
        upload(zip, id);
        Path file = server.archives().file(id).orElseThrow();
        byte[] damaged = zip.clone();
        damaged[damaged.length - 1] ^= 0x55;
        Files.write(file, damaged);

        assertThatThrownBy(() -> server.http().send(HttpRequest.newBuilder(server.uri("/v2/archives/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aSmallArchiveDamagedOnDiskIsAnInternalError() throws Exception {
        byte[] zip = bytes(1_000, 14);
        String id = sha256(zip);
        upload(zip, id);
        byte[] damaged = zip.clone();
        damaged[0] ^= 0x55;
        Files.write(server.archives().file(id).orElseThrow(), damaged);

        Reply reply = server.get("/v2/archives/" + id);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().path("reason").asString()).isEqualTo("InternalError");
    }

    @Test
    void aClientThatLeavesMidUploadLeavesNothingBehind() throws Exception {
        try (RawHttp client = RawHttp.connect(server.controller().port(), 0)) {
            client.send("POST /v2/archives HTTP/1.1\nHost: test\nContent-Length: 1000000\n\n");
            client.send(bytes(400_000, 15));
            await().atMost(Duration.ofSeconds(10)).until(() -> temporaryFiles().findAny().isPresent());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> temporaryFiles().findAny().isEmpty());
        assertThat(server.archives().list()).isEmpty();
    }

    @Test
    void theClientTheCliUsesUploadsAndDownloadsArchives(@TempDir Path dir) throws IOException {
        byte[] zip = bytes(400_000, 16);
        Path source = Files.write(dir.resolve("code.zip"), zip);
        ControllerClient client = server.client();

        ControllerClient.ArchiveRef ref = client.uploadArchive(source);
        assertThat(ref.id()).isEqualTo(sha256(zip));
        assertThat(client.listArchives()).extracting(ControllerClient.ArchiveRef::id).containsExactly(ref.id());

        Path target = dir.resolve("back.zip");
        client.downloadArchive(ref.url(), target);
        assertThat(Files.readAllBytes(target)).isEqualTo(zip);

        client.deleteArchive(ref.id());
        assertThat(client.listArchives()).isEmpty();
    }

    /** Files anywhere in the archive directory that are not stored archives: uploads in progress. */
    private Stream<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(server.archiveDirectory())) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> server.archives().info(file.getFileName().toString()).isEmpty())
                    .toList().stream();
        }
    }

    private Reply upload(byte[] bytes, String checksum) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/v2/archives"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (checksum != null) request.header(ControllerClient.CHECKSUM_HEADER, checksum);
        return server.send(request);
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
