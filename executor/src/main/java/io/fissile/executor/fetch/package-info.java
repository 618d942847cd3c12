/**
 * Deployment archives on disk: fetched (literal, local archive store, or download) and checked
 * ({@link io.fissile.executor.fetch.ArchiveFetcher}), unpacked safely, cached per package version and
 * hard-linked into instances ({@link io.fissile.executor.fetch.PackageCache}).
 */
package io.fissile.executor.fetch;
