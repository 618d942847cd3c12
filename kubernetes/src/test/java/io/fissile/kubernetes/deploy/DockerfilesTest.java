package io.fissile.kubernetes.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Runtime;
import io.fissile.kubernetes.model.FetcherSidecar;
import io.fissile.kubernetes.model.ImageNames;
import io.fissile.kubernetes.model.PodContract;
import io.fissile.kubernetes.model.PoolDeployment;
import io.fissile.runtime.RuntimeKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfiles under deploy/docker, which cannot be built here: one per image name the chart and
 * the Kubernetes runtime use, base images by name, COPY sources that exist in the repository (or that
 * the Maven build produces), commands that run files the image holds, the ports the chart and the pod
 * contract use, and a non-root user.
 */
class DockerfilesTest {

    private static final int RUNTIME_PORT = PodContract.RUNTIME_PORT;
    private static final String PLATFORM_CLASSPATH = FetcherSidecar.CLASSPATH;
    /** Where the server's pom assembles its jars (copy-dependencies and the jar plugin). */
    private static final String SERVER_LIB = "server/target/fissile/lib";

    private static final Path ROOT = Repository.root();
    private static final Path DOCKER = Repository.deploy().resolve("docker");

    /** Image name (without prefix and tag) to its Dockerfile. */
    private static Map<String, Dockerfile> images() {
        Map<String, Dockerfile> images = new TreeMap<>();
        try (Stream<Path> files = Files.list(DOCKER)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals("Dockerfile")) images.put("fissile", Dockerfile.read(file));
                else if (name.endsWith(".Dockerfile")) images.put(name.substring(0, name.length() - ".Dockerfile".length()), Dockerfile.read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return images;
    }

    private static List<String> shippedRuntimes() {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("environments"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void thereIsThePlatformImageAndOneImagePerShippedRuntime() {
        List<String> expected = new ArrayList<>(List.of("fissile"));
        shippedRuntimes().forEach(runtime -> expected.add("fissile-env-" + runtime));

        assertThat(shippedRuntimes()).containsExactly("binary", "jvm", "nodejs", "python");
        assertThat(images().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void baseImagesAreNamedWithoutARegistryAndJavaOnesAreAtLeast21() {
        images().forEach((image, dockerfile) -> {
            assertThat(dockerfile.from()).as(image).singleElement().satisfies(from -> {
                String reference = from.split("\\s+")[0];
                String first = reference.split("/")[0];
                assertThat(reference.contains("/") && (first.contains(".") || first.contains(":") || first.equals("localhost")))
                        .as("%s: %s names a registry host", image, reference).isFalse();
                assertThat(reference).as(image).doesNotContain("$").contains(":");
                Matcher temurin = Pattern.compile("eclipse-temurin:(\\d+)-jre").matcher(reference);
                if (temurin.matches()) assertThat(Integer.parseInt(temurin.group(1))).as(image).isGreaterThanOrEqualTo(21);
            });
        });
    }

    @Test
    void everyCopySourceIsInTheRepositoryOrBuiltByTheServerAndNotDockerIgnored() throws IOException {
        String serverPom = Files.readString(ROOT.resolve("server/pom.xml"));
        assertThat(serverPom).contains("<outputDirectory>${project.build.directory}/fissile/lib</outputDirectory>");

        for (Map.Entry<String, Dockerfile> entry : images().entrySet()) {
            Dockerfile dockerfile = entry.getValue();
            List<String> reincluded = dockerIgnoreExceptions(dockerfile);
            assertThat(dockerfile.copies()).as(entry.getKey()).isNotEmpty();
            for (Dockerfile.Copy copy : dockerfile.copies()) {
                assertThat(copy.flags()).as("%s copies from the build context only", entry.getKey()).noneMatch(f -> f.startsWith("--from"));
                for (String source : copy.sources()) {
                    String where = entry.getKey() + ": COPY " + source;
                    assertThat(reincluded).as("%s: the .dockerignore lets it through", where)
                            .anyMatch(kept -> source.equals(kept) || source.startsWith(kept.endsWith("/") ? kept : kept + "/")
                                    || source.equals(kept + "/"));
                    if (source.startsWith(SERVER_LIB)) {
                        assertBuiltIntoServerLib(where, source);
                    } else {
                        assertThat(ROOT.resolve(source)).as(where).exists();
                    }
                }
            }
        }
    }

    /** A jar glob of the server's lib dir names a module of this repository that the server bundles. */
    private static void assertBuiltIntoServerLib(String where, String source) throws IOException {
        if (source.equals(SERVER_LIB) || source.equals(SERVER_LIB + "/")) return;
        Matcher jar = Pattern.compile(Pattern.quote(SERVER_LIB) + "/([a-z-]+)-\\*\\.jar").matcher(source);
        assertThat(jar.matches()).as("%s: a <artifactId>-*.jar of %s", where, SERVER_LIB).isTrue();
        String artifact = jar.group(1);
        assertThat(moduleDirectory(artifact)).as("%s: a module with artifactId %s", where, artifact).isPresent();
        Path lib = ROOT.resolve(SERVER_LIB);
        if (Files.isDirectory(lib)) {
            // Built here: the glob matches exactly one jar (a second version would be copied too).
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + artifact + "-*.jar");
            try (Stream<Path> jars = Files.list(lib)) {
                assertThat(jars.filter(p -> matcher.matches(p.getFileName()))).as(where).hasSize(1);
            }
        }
    }

    @Test
    void commandsRunFilesTheImagesHold() throws IOException {
        for (Map.Entry<String, Dockerfile> entry : images().entrySet()) {
            Dockerfile dockerfile = entry.getValue();
            List<String> command = dockerfile.command();
            assertThat(command).as(entry.getKey()).isNotEmpty();
            switch (command.getFirst()) {
                case "java" -> {
                    String classpath = command.get(command.indexOf("-cp") + 1);
                    assertThat(classpath).as(entry.getKey()).endsWith("/*");
                    String classpathDir = classpath.substring(0, classpath.length() - 1);
                    assertThat(dockerfile.copies()).as("%s copies jars into %s", entry.getKey(), classpathDir)
                            .anyMatch(copy -> copy.destination().equals(classpathDir));
                    String mainClass = command.get(command.indexOf("-cp") + 2);
                    assertThat(sourceOfClass(mainClass)).as("%s: the source of %s", entry.getKey(), mainClass).isPresent();
                }
                case "node", "python3" -> {
                    String script = command.getLast();
                    assertThat(repositoryFileOf(dockerfile, script)).as("%s: %s comes from the repository", entry.getKey(), script)
                            .isPresent().get().satisfies(file -> assertThat(file).isRegularFile());
                }
                default -> throw new AssertionError(entry.getKey() + " runs " + command.getFirst() + ", which this test does not know");
            }
        }
        // The fetcher sidecar runs `java -cp /opt/fissile/lib/* ...Fetcher` in the platform image.
        Dockerfile platform = images().get("fissile");
        assertThat(platform.command()).contains(PLATFORM_CLASSPATH, "io.fissile.server.Main");
        assertThat(sourceOfClass(FetcherSidecar.MAIN_CLASS)).isPresent();
    }

    /**
     * The pods the Kubernetes runtime makes, with the image names the chart gives the control plane:
     * each container's image is one of these Dockerfiles, which exposes the container's ports and
     * whose defaults agree with the variables the pod sets; the fetcher's command runs jars and a
     * class the platform image holds.
     */
    @Test
    void everyContainerOfAPoolPodRunsAnImageBuiltHereThatExposesItsPorts() throws IOException {
        RenderedObjects chart = RenderedObjects.render(Map.of("image", Map.of("prefix", "acme/functions", "tag", "1.2.3")));
        Container server = chart.named(Deployment.class, "fissile-controlplane").getSpec().getTemplate().getSpec().getContainers().getFirst();
        ImageNames names = new ImageNames(HelmChartTest.env(server, "FISSILE_IMAGE_PREFIX"), HelmChartTest.env(server, "FISSILE_IMAGE_TAG"));
        assertThat(names.platform()).isEqualTo(server.getImage());

        Map<String, Dockerfile> images = images();
        for (RuntimeKind kind : RuntimeKind.values()) {
            Environment environment = new Environment();
            environment.metadata().namespace("default").name(kind.fissileName());
            environment.spec().version(2).poolsize(1).runtime(new Runtime().image("fissile/" + kind.fissileName()));
            Deployment pool = PoolDeployment.of(environment, names);
            for (Container container : pool.getSpec().getTemplate().getSpec().getContainers()) {
                String where = kind + " pool container " + container.getName();
                String image = container.getImage();
                assertThat(image).as(where).startsWith("acme/functions/").endsWith(":1.2.3");
                String name = image.substring("acme/functions/".length(), image.length() - ":1.2.3".length());
                Dockerfile dockerfile = images.get(name);
                assertThat(dockerfile).as("%s: a Dockerfile builds %s", where, name).isNotNull();
                assertThat(dockerfile.exposedPorts()).as(where)
                        .containsAll(container.getPorts().stream().map(ContainerPort::getContainerPort).toList());
                Map<String, String> defaults = dockerfile.environment();
                for (EnvVar variable : container.getEnv()) {
                    if (defaults.containsKey(variable.getName())) {
                        assertThat(defaults.get(variable.getName())).as("%s: %s", where, variable.getName()).isEqualTo(variable.getValue());
                    }
                }
                if (!container.getCommand().isEmpty()) {
                    List<String> command = container.getCommand();
                    assertThat(command.getFirst()).as(where).isEqualTo("java");
                    String classpath = command.get(command.indexOf("-cp") + 1);
                    String classpathDir = classpath.substring(0, classpath.length() - 1);
                    assertThat(dockerfile.copies()).as("%s: %s holds the jars of %s", where, name, classpath)
                            .anyMatch(copy -> copy.destination().equals(classpathDir));
                    String mainClass = command.get(command.indexOf("-cp") + 2);
                    assertThat(sourceOfClass(mainClass)).as("%s: the source of %s", where, mainClass).isPresent();
                }
            }
        }
    }

    @Test
    void portsAreTheChartsAndThePodContracts() {
        RenderedObjects chart = RenderedObjects.renderDefaults();
        Dockerfile platform = images().get("fissile");
        assertThat(platform.exposedPorts()).contains(chart.<Integer>value("ports.router"), chart.<Integer>value("ports.controller"),
                PodContract.FETCHER_PORT);
        assertThat(platform.command()).containsSequence("server", "--kubernetes").containsSequence("--address", "0.0.0.0");

        images().forEach((image, dockerfile) -> {
            if (image.equals("fissile")) return;
            Map<String, String> env = dockerfile.environment();
            assertThat(dockerfile.exposedPorts()).as(image).containsExactly(RUNTIME_PORT);
            assertThat(env).as(image).containsEntry("PORT", Integer.toString(RUNTIME_PORT)).containsEntry("HOST", "0.0.0.0")
                    .containsEntry("USERFUNC_DIR", PodContract.USERFUNC).containsEntry("SECRETS_DIR", PodContract.SECRETS)
                    .containsEntry("CONFIGS_DIR", PodContract.CONFIGS);
        });
    }

    @Test
    void everyImageRunsAsTheNonRootUserTheChartExpects() {
        Long chartUser = RenderedObjects.renderDefaults().all().stream().map(RenderedObjects.Parsed::object)
                .filter(io.fabric8.kubernetes.api.model.apps.Deployment.class::isInstance)
                .map(d -> ((io.fabric8.kubernetes.api.model.apps.Deployment) d).getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                .distinct().reduce((a, b) -> {
                    throw new AssertionError("the Deployments run as different users: " + a + ", " + b);
                }).orElseThrow();
        images().forEach((image, dockerfile) ->
                assertThat(dockerfile.lastUser()).as(image).isEqualTo(chartUser + ":" + chartUser));
    }

    @Test
    void theBuildScriptBuildsEveryDockerfileWithTheChartsImageNames() throws IOException {
        Path script = DOCKER.resolve("build-images.sh");
        String text = Files.readString(script);

        assertThat(Files.isExecutable(script)).isTrue();
        assertThat(text).contains("\"$PREFIX/fissile:$TAG\"", "deploy/docker/fissile-env-*.Dockerfile",
                "\"$PREFIX/$(basename \"$dockerfile\" .Dockerfile):$TAG\"", "deploy/charts/fissile/Chart.yaml",
                "-pl server -am package");
    }

    /** The {@code !path} lines of the Dockerfile's own .dockerignore, which must start by ignoring everything. */
    private static List<String> dockerIgnoreExceptions(Dockerfile dockerfile) {
        Path ignore = dockerfile.file().resolveSibling(dockerfile.file().getFileName() + ".dockerignore");
        assertThat(ignore).as("%s has its own .dockerignore (the context is the repository root)", dockerfile.file()).isRegularFile();
        List<String> patterns = ChartRenderer.read(ignore).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(patterns).first().isEqualTo("*");
        return patterns.stream().filter(p -> p.startsWith("!")).map(p -> p.substring(1)).toList();
    }

    /** The repository file an absolute path in the image comes from, through the COPY whose destination holds it. */
    private static Optional<Path> repositoryFileOf(Dockerfile dockerfile, String imagePath) {
        for (Dockerfile.Copy copy : dockerfile.copies()) {
            if (copy.sources().size() == 1 && copy.destination().endsWith("/") && imagePath.startsWith(copy.destination())) {
                return Optional.of(ROOT.resolve(copy.sources().getFirst()).resolve(imagePath.substring(copy.destination().length())));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> sourceOfClass(String className) throws IOException {
        String relative = "src/main/java/" + className.replace('.', '/') + ".java";
        try (Stream<Path> modules = Stream.concat(Files.list(ROOT), Files.list(ROOT.resolve("environments")))) {
            return modules.map(m -> m.resolve(relative)).filter(Files::isRegularFile).findFirst();
        }
    }

    private static Optional<Path> moduleDirectory(String artifactId) throws IOException {
        try (Stream<Path> modules = Stream.concat(Files.list(ROOT), Files.list(ROOT.resolve("environments")))) {
            return modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml")))
                    .filter(m -> artifactId.equals(projectArtifactId(ChartRenderer.read(m.resolve("pom.xml")))))
                    .findFirst();
        }
    }

    /** The module's own artifactId: the first one after its parent section. */
    private static String projectArtifactId(String pom) {
        Matcher matcher = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(pom.substring(Math.max(0, pom.indexOf("</parent>"))));
        return matcher.find() ? matcher.group(1) : null;
    }
}
