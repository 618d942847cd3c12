package io.fissile.runtime.local;

import io.fissile.runtime.InstanceStartException;
import io.fissile.runtime.RuntimeKind;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where a shipped runtime's files come from on the server's classpath: the nodejs and python
 * runtimes are resource directories inside their jars; the jvm and binary runtimes are main classes
 * whose jars (or class directories, in a build) form their classpath.
 */
enum RuntimeSource {
    NODEJS("fissile-env-nodejs", "io/fissile/environments/nodejs/", "server.js"),
    PYTHON("fissile-env-python", "io/fissile/environments/python/", "server.py"),
    JVM("fissile-env-jvm", List.of("io.fissile.environments.jvm.JvmRuntime", "io.fissile.function.Function")),
    BINARY("fissile-env-binary", List.of("io.fissile.environments.binary.BinaryRuntime",
            "io.fissile.environments.jvm.JvmRuntime", "io.fissile.function.Function"));

    /** Directory of the classpath entries inside an installed jvm or binary runtime. */
    static final String CLASSPATH_DIR = "classpath";

    private final String artifact;
    private final String resourceDir;
    private final String mainScript;
    private final List<String> classpathClasses;

    /** A script runtime: every resource under {@code resourceDir}, run with {@code mainScript}. */
    RuntimeSource(String artifact, String resourceDir, String mainScript) {
        this.artifact = artifact;
        this.resourceDir = resourceDir;
        this.mainScript = mainScript;
        this.classpathClasses = List.of();
    }

    /** A JVM runtime: the main class first, then a class of each further jar its classpath needs. */
    RuntimeSource(String artifact, List<String> classpathClasses) {
        this.artifact = artifact;
        this.resourceDir = null;
        this.mainScript = null;
        this.classpathClasses = classpathClasses;
    }

    static RuntimeSource of(RuntimeKind kind) {
        return valueOf(kind.name());
    }

    /** The script the interpreter runs (nodejs, python), relative to the installed directory. */
    String mainScript() {
        return mainScript;
    }

    /** The main class (jvm, binary). */
    String mainClass() {
        return classpathClasses.get(0);
    }

    /**
     * The runtime's files, by their paths relative to the installed directory, in a stable order
     * (the installed directory is named by their hash), and the classpath entries among them.
     */
    record Contents(SortedMap<String, byte[]> files, List<String> classpath) {
    }

    Contents read(ClassLoader loader) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        List<String> classpath = new ArrayList<>();
        if (resourceDir != null) {
            readResourceDir(locate(loader, resourceDir + mainScript), files);
        } else {
            Set<Path> seen = new HashSet<>();
            for (String className : classpathClasses) {
                Path entry = codeSource(loader, className);
                if (!seen.add(entry)) continue;
                String name = CLASSPATH_DIR + "/" + classpath.size() + "-" + entry.getFileName();
                if (Files.isDirectory(entry)) readTree(entry, name + "/", files);
                else files.put(name, Files.readAllBytes(entry));
                classpath.add(name);
            }
        }
        return new Contents(files, List.copyOf(classpath));
    }

    private URL locate(ClassLoader loader, String resource) {
        URL url = loader.getResource(resource);
        if (url == null) throw notOnClasspath(resource);
        return url;
    }

    private Path codeSource(ClassLoader loader, String className) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            var source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) throw notOnClasspath(className);
            return Path.of(source.getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw notOnClasspath(className);
        }
    }

    private void readResourceDir(URL anchor, SortedMap<String, byte[]> files) throws IOException {
        if ("jar".equals(anchor.getProtocol())) {
            Path jar = jarOf(anchor);
            try (JarFile jarFile = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = jarFile.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !entry.getName().startsWith(resourceDir)) continue;
                    try (InputStream in = jarFile.getInputStream(entry)) {
                        files.put(entry.getName().substring(resourceDir.length()), in.readAllBytes());
                    }
                }
            }
        } else {
            try {
                readTree(Path.of(anchor.toURI()).getParent(), "", files);
            } catch (URISyntaxException e) {
                throw new IOException("Cannot read the " + name().toLowerCase() + " runtime at " + anchor, e);
            }
        }
    }

    private static void readTree(Path dir, String prefix, SortedMap<String, byte[]> files) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                files.put(prefix + relative, Files.readAllBytes(file));
            }
        }
    }

    private static Path jarOf(URL resource) throws IOException {
        try {
            return Path.of(((JarURLConnection) resource.openConnection()).getJarFileURL().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("Cannot locate the jar of " + resource, e);
        }
    }

    private InstanceStartException notOnClasspath(String what) {
        return new InstanceStartException("The " + name().toLowerCase() + " runtime (" + artifact
                + ") is not on the server's classpath: " + what + " was not found");
    }
}
