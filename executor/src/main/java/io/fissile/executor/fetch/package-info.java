/**
 * Deployment archives on disk: fetched and checked, then unpacked safely, by the runtime's
 * {@link io.fissile.runtime.archive} (shared with the builder); cached per package version and
 * hard-linked into instances here ({@link io.fissile.executor.fetch.PackageCache}).
 */
package io.fissile.executor.fetch;
