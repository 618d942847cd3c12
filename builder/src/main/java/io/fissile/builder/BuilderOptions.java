package io.fissile.builder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PackageBuilder} builds.
 *
 * @param workDir a directory of its own under the server's data directory: the builder scripts, each
 *                build's work directory, and the package managers' caches (a build's {@code HOME})
 * @param timeLimit how long a build may run before it is ended and marked failed (default 10 min)
 * @param parallelBuilds how many packages build at once (default 2)
 * @param maxArchiveBytes the largest source archive, unpacked source and deployment archive accepted
 *                        (default 1 GiB)
 * @param mavenRepository the local Maven repository JVM builds use and fill (default {@code ~/.m2/repository})
 * @param memoryLimitBytes a build's memory limit where cgroups work, 0 for none (default 2 GiB)
 */
public record BuilderOptions(Path workDir, Duration timeLimit, int parallelBuilds, long maxArchiveBytes,
                             Path mavenRepository, long memoryLimitBytes) {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(10);
    public static final int DEFAULT_PARALLEL_BUILDS = 2;
    public static final long DEFAULT_MAX_ARCHIVE_BYTES = 1L << 30;
    public static final long DEFAULT_MEMORY_LIMIT = 2L << 30;

    public BuilderOptions {
        Objects.requireNonNull(workDir, "workDir");
        timeLimit = timeLimit == null || timeLimit.isZero() || timeLimit.isNegative() ? DEFAULT_TIME_LIMIT : timeLimit;
        parallelBuilds = parallelBuilds <= 0 ? DEFAULT_PARALLEL_BUILDS : parallelBuilds;
        maxArchiveBytes = maxArchiveBytes <= 0 ? DEFAULT_MAX_ARCHIVE_BYTES : maxArchiveBytes;
        mavenRepository = mavenRepository == null
                ? Path.of(System.getProperty("user.home"), ".m2", "repository") : mavenRepository;
        memoryLimitBytes = Math.max(0, memoryLimitBytes);
    }

    public static BuilderOptions defaults(Path workDir) {
        return new BuilderOptions(workDir, null, 0, 0, null, DEFAULT_MEMORY_LIMIT);
    }

    public BuilderOptions withTimeLimit(Duration limit) {
        return new BuilderOptions(workDir, limit, parallelBuilds, maxArchiveBytes, mavenRepository, memoryLimitBytes);
    }

    public BuilderOptions withParallelBuilds(int builds) {
        return new BuilderOptions(workDir, timeLimit, builds, maxArchiveBytes, mavenRepository, memoryLimitBytes);
    }

    public BuilderOptions withMaxArchiveBytes(long bytes) {
        return new BuilderOptions(workDir, timeLimit, parallelBuilds, bytes, mavenRepository, memoryLimitBytes);
    }

    public BuilderOptions withMavenRepository(Path repository) {
        return new BuilderOptions(workDir, timeLimit, parallelBuilds, maxArchiveBytes, repository, memoryLimitBytes);
    }

    public BuilderOptions withMemoryLimit(long bytes) {
        return new BuilderOptions(workDir, timeLimit, parallelBuilds, maxArchiveBytes, mavenRepository, bytes);
    }
}
