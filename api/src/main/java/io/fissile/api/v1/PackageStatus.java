package io.fissile.api.v1;

import io.fissile.api.Extensible;

/** Where the build of a package stands, and its log. */
public final class PackageStatus extends Extensible {
    private String buildstatus;
    private String buildlog;
    private String lastUpdateTimestamp;

    /** pending, running, succeeded, failed or none. */
    public String buildstatus() { return buildstatus; }
    public PackageStatus buildstatus(String buildstatus) { this.buildstatus = buildstatus; return this; }

    public String buildlog() { return buildlog; }
    public PackageStatus buildlog(String buildlog) { this.buildlog = buildlog; return this; }

    /** RFC 3339. */
    public String lastUpdateTimestamp() { return lastUpdateTimestamp; }
    public PackageStatus lastUpdateTimestamp(String lastUpdateTimestamp) { this.lastUpdateTimestamp = lastUpdateTimestamp; return this; }

    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String NONE = "none";
}
