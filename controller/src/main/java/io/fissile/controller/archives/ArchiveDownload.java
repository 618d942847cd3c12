package io.fissile.controller.archives;

import io.fissile.controller.http.ApiError;
import io.fissile.controller.http.Exchange;
import io.fissile.controller.http.SerialTasks;
import io.fissile.storage.ArchiveInfo;
import io.fissile.storage.ArchiveStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams an archive from disk to the response, a block at a time, reading the next block only
 * when the client has taken the last. The store verifies the bytes as they are read and complains
 * only at the end; so the last block is held back until the end has been read and found good. If
 * it is not, the connection is reset: with a Content-Length, a response that had all its bytes
 * would look complete, and damaged bytes must never look complete.
 */
final class ArchiveDownload {
    private static final Logger log = LoggerFactory.getLogger(ArchiveDownload.class);
    private static final int BLOCK_BYTES = 64 * 1024;
    private static final byte[] END = new byte[0];

    private final Exchange exchange;
    private final HttpServerResponse response;
    private final ArchiveStore archives;
    private final SerialTasks tasks;

    // Confined to the event loop.
    private InputStream in;
    private ArchiveInfo info;
    private Buffer heldBack;
    private long sent;
    private boolean closed;

    ArchiveDownload(Exchange exchange, ArchiveStore archives) {
        this.exchange = exchange;
        this.response = exchange.response();
        this.archives = archives;
        this.tasks = exchange.blocking().serial();
    }

    /** Answers with the archive's headers and, unless {@code headOnly}, its bytes. */
    void send(String id, boolean headOnly) {
        response.closeHandler(ignored -> closeFile());
        tasks.submit(() -> archives.info(id).orElseThrow(() -> ApiError.notFound("no archive " + id)))
                .compose(found -> {
                    info = found;
                    return headOnly ? Future.<InputStream>succeededFuture() : tasks.submit(() -> archives.open(id));
                })
                .onComplete(opened -> {
                    in = opened;
                    if (closed) {
                        closeFile();
                        return;
                    }
                    writeHeaders();
                    if (headOnly) {
                        response.end();
                    } else {
                        readNext();
                    }
                }, exchange::fail);
    }

    private void writeHeaders() {
        response.setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/octet-stream")
                .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(info.size()))
                .putHeader(ArchiveIds.CHECKSUM_HEADER, info.sha256())
                .putHeader(HttpHeaders.ETAG, "\"" + info.id() + "\"");
    }

    private void readNext() {
        tasks.submit(() -> {
            byte[] block = in.readNBytes(BLOCK_BYTES);
            return block.length == 0 ? END : block;
        }).onComplete(this::afterRead, this::broken);
    }

    private void afterRead(byte[] block) {
        if (closed) return;
        if (heldBack != null) {
            sent += heldBack.length();
            response.write(heldBack);
            heldBack = null;
        }
        if (block == END) {
            if (sent != info.size()) {
                broken(new IOException("archive " + info.id() + " has " + sent + " bytes on disk, not " + info.size()));
                return;
            }
            response.end();
            closeFile();
            return;
        }
        heldBack = Buffer.buffer(block);
        if (response.writeQueueFull()) {
            response.drainHandler(ignored -> {
                // One read at a time: the next drain must not start another.
                response.drainHandler(null);
                readNext();
            });
        } else {
            readNext();
        }
    }

    private void broken(Throwable failure) {
        closeFile();
        if (!response.headWritten()) {
            // Nothing sent yet (the first block is always held back): an honest error is still possible.
            response.headers().clear();
            exchange.fail(ApiError.internal("archive " + info.id() + " cannot be read whole: " + failure.getMessage()));
            return;
        }
        log.error("archive {} could not be sent whole; resetting the connection", info.id(), failure);
        response.reset();
    }

    private void closeFile() {
        closed = true;
        InputStream open = in;
        in = null;
        if (open != null) {
            tasks.submit(() -> {
                open.close();
                return null;
            });
        }
    }
}
