/**
 * Package archives on disk: fetching them ({@link io.fissile.runtime.archive.ArchiveFetcher}), unpacking
 * and zipping them safely ({@link io.fissile.runtime.archive.PackageArchives}), and removing the trees
 * they become ({@link io.fissile.runtime.archive.FileTrees}). Shared by the executor and the builder.
 */
package io.fissile.runtime.archive;
