package io.fissile.builder.internal;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Package;
import io.fissile.runtime.CommandSpec;
import io.fissile.runtime.RuntimeKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command that builds a package: its {@code buildcmd}, else its environment's
 * {@code builder.command}, else {@code build}, run by {@code sh} in the unpacked source with
 * Fission's {@code SRC_PKG} and {@code DEPLOY_PKG}, and the builder's directory first on PATH so
 * that {@code build} is the shipped builder of the environment's kind.
 *
 * @param kind the builder that the environment's image names
 * @param image that image, for the log
 * @param command the shell command
 */
record BuildPlan(RuntimeKind kind, String image, String command) {

    /** What the builders call by name, found on the server's PATH and shown to the build. */
    private static final Map<RuntimeKind, List<String>> PROGRAMS = Map.of(
            RuntimeKind.NODEJS, List.of("node", "npm"),
            RuntimeKind.PYTHON, List.of("python3"),
            RuntimeKind.JVM, List.of("mvn", "java"),
            RuntimeKind.BINARY, List.of());
    /** Debian's Maven keeps its configuration in /etc/maven (its m2.conf and settings.xml are links there). */
    private static final Path MAVEN_CONFIG = Path.of("/etc/maven");

    /**
     * @throws BuildRefusedException when the environment cannot build it (no builder, or one Fissile does not ship)
     */
    static BuildPlan of(Package pkg, Environment env) {
        if (!env.spec().hasBuilder() || env.spec().builder().image() == null || env.spec().builder().image().isBlank()) {
            throw new BuildRefusedException("environment \"" + env.namespace() + "/" + env.name() + "\" has no builder, so "
                    + PackageKey.of(pkg) + " cannot be built from source: give the environment a builder image (e.g. "
                    + "--builder fission/node-builder), or give the package a deployment archive");
        }
        String image = env.spec().builder().image();
        RuntimeKind kind = BuilderImages.forImage(image).orElseThrow(() -> new BuildRefusedException(
                "environment \"" + env.namespace() + "/" + env.name() + "\" has the builder image \"" + image
                        + "\", which Fissile does not ship: it builds with " + BuilderImages.knownImages()));
        String command = firstGiven(pkg.spec().buildcmd(), env.spec().builder().command(), BuildScripts.DEFAULT_COMMAND);
        return new BuildPlan(kind, image, command);
    }

    CommandSpec commandSpec(BuildWorkspace workspace, Path builderDir, Path home, Path mavenRepository,
                            Duration timeLimit, long memoryLimitBytes) {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("SRC_PKG", workspace.source().toString());
        variables.put("DEPLOY_PKG", workspace.deploy().toString());
        variables.put("HOME", home.toString());
        variables.put("FISSILE_BUILDER_DIR", builderDir.toString());
        variables.put("JAVA_HOME", javaHome.toString());
        List<Path> writable = new ArrayList<>(List.of(workspace.root(), home));
        List<Path> readable = new ArrayList<>(List.of(builderDir, javaHome));
        if (kind == RuntimeKind.JVM) {
            variables.put("FISSILE_MAVEN_REPO", mavenRepository.toString());
            writable.add(mavenRepository);
            if (Files.isDirectory(MAVEN_CONFIG)) readable.add(MAVEN_CONFIG);
        }
        String script = "PATH=\"$FISSILE_BUILDER_DIR:$PATH\"; export PATH\n" + command;
        return new CommandSpec("build", List.of("/bin/sh", "-c", script), workspace.source(), variables, writable,
                readable, PROGRAMS.get(kind), timeLimit, memoryLimitBytes, 0, 0);
    }

    private static String firstGiven(String... candidates) {
        for (String candidate : candidates) if (candidate != null && !candidate.isBlank()) return candidate.strip();
        return "";
    }
}
