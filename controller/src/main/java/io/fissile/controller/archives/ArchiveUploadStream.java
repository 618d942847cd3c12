package io.fissile.controller.archives;

import io.fissile.controller.http.Exchange;
import io.fissile.controller.http.RequestBodies;
import io.fissile.controller.http.SerialTasks;
import io.fissile.storage.ArchiveInfo;
import io.fissile.storage.ArchiveStore;
import io.fissile.storage.ArchiveUpload;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Streams a request body into an {@link ArchiveUpload}. Bytes gather on the event loop while the
 * previous batch is written on a worker; when too many gather, the request is paused until the
 * disk catches up, so memory stays bounded whatever the client's speed. If the client leaves, the
 * body grows past the limit, or the checksum differs, the upload is discarded and nothing is stored.
 */
final class ArchiveUploadStream {
    private static final Logger log = LoggerFactory.getLogger(ArchiveUploadStream.class);
    private static final int HIGH_WATER_BYTES = 256 * 1024;

    private final HttpServerRequest request;
    private final ArchiveStore archives;
    private final long maxBytes;
    private final String expectedSha256;
    private final SerialTasks tasks;
    private final Promise<ArchiveInfo> result = Promise.promise();

    /** Set and used only by the serial tasks, one after another. */
    private volatile ArchiveUpload upload;

    // Confined to the event loop.
    private Buffer pending = Buffer.buffer();
    private long received;
    private boolean writing;
    private boolean paused;
    private boolean bodyEnded;
    private boolean done;

    /** @param expectedSha256 the digest the bytes must have, or null to take them as they come */
    ArchiveUploadStream(Exchange exchange, ArchiveStore archives, long maxBytes, String expectedSha256) {
        this.request = exchange.request();
        this.archives = archives;
        this.maxBytes = maxBytes;
        this.expectedSha256 = expectedSha256;
        this.tasks = exchange.blocking().serial();
    }

    /** Receives the whole body and commits it; the result is the stored archive. */
    Future<ArchiveInfo> receive() {
        request.pause();
        RequestBodies.admit(request, maxBytes, "the archive");
        request.response().closeHandler(ignored -> abandon(new IOException("the client left during the upload")));
        request.exceptionHandler(this::abandon);
        tasks.submit(() -> upload = archives.begin(maxBytes)).onComplete(
                started -> {
                    // Abandoned meanwhile: the discard queued behind this step closes it.
                    if (done) return;
                    request.handler(this::receiveChunk);
                    request.endHandler(ignored -> {
                        bodyEnded = true;
                        writeOrCommit();
                    });
                    request.resume();
                },
                this::abandon);
        return result.future();
    }

    private void receiveChunk(Buffer chunk) {
        if (done) return;
        received += chunk.length();
        if (received > maxBytes) {
            abandon(RequestBodies.tooLarge("the archive", -1, maxBytes));
            return;
        }
        pending.appendBuffer(chunk);
        if (pending.length() >= HIGH_WATER_BYTES && !paused) {
            paused = true;
            request.pause();
        }
        writeOrCommit();
    }

    /** Starts writing what has gathered, unless a write is under way; once all is written after the end, commits. */
    private void writeOrCommit() {
        if (writing || done) return;
        if (pending.length() > 0) {
            Buffer batch = pending;
            pending = Buffer.buffer();
            writing = true;
            tasks.submit(() -> {
                upload.write(batch.getBytes(), 0, batch.length());
                return null;
            }).onComplete(ignored -> afterWrite(), this::abandon);
        } else if (bodyEnded) {
            done = true;
            tasks.submit(() -> upload.commit(expectedSha256))
                    .eventually(this::discard)
                    .onComplete(result::tryComplete, result::tryFail);
        }
    }

    private void afterWrite() {
        writing = false;
        if (paused) {
            paused = false;
            request.resume();
        }
        writeOrCommit();
    }

    private void abandon(Throwable why) {
        if (done) return;
        done = true;
        log.debug("upload of {} bytes abandoned: {}", received, why.toString());
        request.handler(null);
        discard();
        result.tryFail(why);
    }

    /** Closes the upload after any step under way; closing an uncommitted upload deletes its bytes. */
    private Future<Void> discard() {
        return tasks.submit(() -> {
            if (upload != null) upload.close();
            return null;
        });
    }
}
