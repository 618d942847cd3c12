package io.fissile.kubernetes.store;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The CRDs of deploy/crds, installed in a (mock) cluster as a user would install them. */
final class MockCluster {
    /** deploy/crds, from the kubernetes module's directory, where tests run. */
    static final Path CRD_DIRECTORY = Path.of("..", "deploy", "crds");

    private MockCluster() {
    }

    static List<Path> crdFiles() {
        try (Stream<Path> files = Files.list(CRD_DIRECTORY)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CustomResourceDefinition load(KubernetesClient client, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return client.apiextensions().v1().customResourceDefinitions().load(in).item();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void installCrds(KubernetesClient client) {
        for (Path file : crdFiles()) {
            client.apiextensions().v1().customResourceDefinitions().resource(load(client, file)).create();
        }
    }
}
