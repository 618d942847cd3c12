package io.fissile.controller.archives;

import io.fissile.api.LabelSelector;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.controller.http.ApiError;
import io.fissile.controller.http.Exchange;
import io.fissile.controller.http.Route;
import io.fissile.storage.ArchiveInfo;
import io.fissile.storage.ArchivePruner;
import io.fissile.storage.ArchiveStore;
import io.fissile.store.ResourceStore;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;

import java.util.List;
import java.util.stream.Collectors;

/** The archive endpoints: upload, list, download (GET and HEAD) and delete. */
public final class ArchiveHandlers {
    private final ArchiveStore archives;
    private final ResourceStore store;
    private final long maxArchiveBytes;

    public ArchiveHandlers(ArchiveStore archives, ResourceStore store, long maxArchiveBytes) {
        this.archives = archives;
        this.store = store;
        this.maxArchiveBytes = maxArchiveBytes;
    }

    public List<Route> routes() {
        return List.of(
                Route.at("/v2/archives")
                        .on(HttpMethod.GET, this::list)
                        .on(HttpMethod.POST, this::upload),
                Route.at("/v2/archives/{id}")
                        .on(HttpMethod.GET, exchange -> download(exchange, false))
                        .on(HttpMethod.HEAD, exchange -> download(exchange, true))
                        .on(HttpMethod.DELETE, this::delete));
    }

    private void upload(Exchange exchange) {
        String expected = ArchiveIds.expectedChecksum(exchange);
        new ArchiveUploadStream(exchange, archives, maxArchiveBytes, expected).receive().onComplete(
                info -> {
                    exchange.response().putHeader(HttpHeaders.LOCATION, info.urlPath());
                    exchange.replyNow(201, ArchiveJson.uploaded(info));
                },
                exchange::fail);
    }

    private void list(Exchange exchange) {
        exchange.reply(200, () -> new ArchiveJson.Listing(archives.list().stream().map(ArchiveJson::of).toList()));
    }

    private void download(Exchange exchange, boolean headOnly) {
        new ArchiveDownload(exchange, archives).send(ArchiveIds.fromPath(exchange), headOnly);
    }

    /** Refused while a package refers to the archive: deleting it would break that package. */
    private void delete(Exchange exchange) {
        String id = ArchiveIds.fromPath(exchange);
        exchange.reply(200, () -> {
            ArchiveInfo info = archives.info(id).orElseThrow(() -> ApiError.notFound("no archive " + id));
            List<Package> users = ArchivePruner.referencing(id, store.list(Kinds.PACKAGE, null, LabelSelector.everything()).items());
            if (!users.isEmpty()) {
                throw new ApiError(409, "InUse", "archive " + id + " is used by " + users.stream()
                        .map(pkg -> "package " + pkg.namespace() + "/" + pkg.name())
                        .collect(Collectors.joining(", ")));
            }
            if (!archives.delete(id)) {
                throw ApiError.notFound("no archive " + id);
            }
            return ArchiveJson.of(info);
        });
    }
}
