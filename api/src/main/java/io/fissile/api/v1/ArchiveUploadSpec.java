package io.fissile.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fissile.api.Extensible;

import java.util.List;

/** Files of a spec directory to pack into an archive, referred to as {@code archive://name}. */
public final class ArchiveUploadSpec extends Extensible {
    private String apiVersion;
    private String kind;
    private String name;
    @JsonProperty("rootdir")
    private String rootDir;
    private List<String> include;
    private List<String> exclude;

    public String apiVersion() { return apiVersion; }
    public ArchiveUploadSpec apiVersion(String apiVersion) { this.apiVersion = apiVersion; return this; }

    public String kind() { return kind; }
    public ArchiveUploadSpec kind(String kind) { this.kind = kind; return this; }

    public String name() { return name; }
    public ArchiveUploadSpec name(String name) { this.name = name; return this; }

    public String rootDir() { return rootDir; }
    public ArchiveUploadSpec rootDir(String rootDir) { this.rootDir = rootDir; return this; }

    /** Globs, relative to the directory spec apply runs in. */
    public List<String> include() { return include; }
    public ArchiveUploadSpec include(List<String> include) { this.include = include; return this; }

    public List<String> exclude() { return exclude; }
    public ArchiveUploadSpec exclude(List<String> exclude) { this.exclude = exclude; return this; }

    public static final String KIND = "ArchiveUploadSpec";

    public ArchiveUploadSpec() { this.kind = KIND; }
}
