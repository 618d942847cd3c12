package io.fissile.kubernetes.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fissile.kubernetes.model.ImageNames;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart as {@code helm template} would render it (see {@link ChartRenderer}): every object is
 * one Kubernetes knows, with valid names, the images and ports values.yaml sets, and Services that
 * reach the containers they select.
 */
class HelmChartTest {

    private static final Set<Class<?>> CLUSTER_SCOPED = Set.of(Namespace.class, ClusterRole.class, ClusterRoleBinding.class);

    @Test
    void everyRenderedDocumentIsAnObjectOfAKnownKind() {
        RenderedObjects chart = RenderedObjects.renderDefaults();

        assertThat(chart.all()).extracting(p -> p.object().getKind()).containsExactlyInAnyOrder(
                "ClusterRole", "ClusterRoleBinding", "Deployment", "Deployment", "Namespace",
                "Role", "RoleBinding", "ServiceAccount", "ServiceAccount", "Service", "Service");
        for (RenderedObjects.Parsed parsed : chart.all()) {
            HasMetadata object = parsed.object();
            if (CLUSTER_SCOPED.contains(object.getClass())) {
                assertThat(object.getMetadata().getNamespace()).as("%s is cluster-scoped", parsed.source()).isNull();
            } else {
                assertThat(object.getMetadata().getNamespace()).as("namespace of %s", parsed.source())
                        .isIn(ChartRenderer.RELEASE_NAMESPACE, chart.<String>value("functionNamespace"));
            }
        }
        assertThat(chart.rendered().notes())
                .contains("export FISSILE_URL=http://127.0.0.1:8889", "export FISSILE_ROUTER_URL=http://127.0.0.1:8888");
    }

    @Test
    void noDocumentHasAFieldItsKindDoesNotDefine() {
        RenderedObjects chart = RenderedObjects.renderDefaults();
        for (RenderedObjects.Parsed parsed : chart.all()) {
            assertThat(UnknownFields.of(parsed.object())).as("unknown fields in %s", parsed.source()).isEmpty();
        }
        // The check sees a misspelt field that fabric8 alone would accept.
        HasMetadata misspelt = Serialization.unmarshal("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: router
                spec:
                  selectr:
                    app: fissile
                  ports:
                    - port: 8888
                      targetPrt: router
                """);
        assertThat(UnknownFields.of(misspelt)).containsExactlyInAnyOrder("spec: selectr", "spec.ports[0]: targetPrt");
    }

    @Test
    void theChartsCrdsAreDeployCrdsAndEachIsAFissionIoCrd() throws IOException {
        Path crds = Repository.chart().resolve("crds");

        assertThat(crds.toRealPath()).isEqualTo(Repository.deploy().resolve("crds").toRealPath());
        List<CustomResourceDefinition> definitions = ChartRbacTest.deployCrds();
        assertThat(definitions).hasSizeGreaterThanOrEqualTo(8);
        assertThat(definitions).allSatisfy(crd -> {
            assertThat(crd.getSpec().getGroup()).isEqualTo("fission.io");
            assertThat(crd.getMetadata().getName()).isEqualTo(crd.getSpec().getNames().getPlural() + ".fission.io");
            assertThat(UnknownFields.of(crd)).as("unknown fields in %s", crd.getMetadata().getName()).isEmpty();
        });
    }

    @Test
    void namesAndLabelsFitKubernetesLimits() {
        RenderedObjects chart = RenderedObjects.renderDefaults();
        List<String> problems = new ArrayList<>();
        for (RenderedObjects.Parsed parsed : chart.all()) {
            HasMetadata object = parsed.object();
            String name = object.getMetadata().getName();
            String nameProblem = switch (object) {
                case Service ignored -> KubernetesNames.dns1035LabelProblem(name);
                case Namespace ignored -> KubernetesNames.dns1123LabelProblem(name);
                default -> KubernetesNames.dns1123SubdomainProblem(name);
            };
            if (nameProblem != null) problems.add(parsed.source() + ": name \"" + name + "\" " + nameProblem);
            labelProblems(parsed + " metadata", object.getMetadata().getLabels(), problems);
        }
        for (Deployment deployment : chart.ofType(Deployment.class)) {
            String where = "Deployment " + deployment.getMetadata().getName();
            labelProblems(where + " pod template", deployment.getSpec().getTemplate().getMetadata().getLabels(), problems);
            labelProblems(where + " selector", deployment.getSpec().getSelector().getMatchLabels(), problems);
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String containerProblem = KubernetesNames.dns1123LabelProblem(container.getName());
                if (containerProblem != null) problems.add(where + ": container name " + containerProblem);
                for (ContainerPort port : container.getPorts()) {
                    String portProblem = KubernetesNames.portNameProblem(port.getName());
                    if (portProblem != null) problems.add(where + ": port name \"" + port.getName() + "\" " + portProblem);
                }
            }
        }
        for (Service service : chart.ofType(Service.class)) {
            for (ServicePort port : service.getSpec().getPorts()) {
                String portProblem = KubernetesNames.portNameProblem(port.getName());
                if (portProblem != null) problems.add("Service " + service.getMetadata().getName() + ": port name " + portProblem);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theNameChecksRejectWhatKubernetesRejects() {
        assertThat(KubernetesNames.dns1123LabelProblem("a".repeat(64))).contains("63");
        assertThat(KubernetesNames.dns1123LabelProblem("Router")).isNotNull();
        assertThat(KubernetesNames.dns1035LabelProblem("8router")).contains("letter");
        assertThat(KubernetesNames.dns1123SubdomainProblem("packages.fission.io")).isNull();
        assertThat(KubernetesNames.labelKeyProblem("app.kubernetes.io/name")).isNull();
        assertThat(KubernetesNames.labelKeyProblem("bad_prefix/name")).startsWith("prefix");
        assertThat(KubernetesNames.labelValueProblem("0.1.0-SNAPSHOT")).isNull();
        assertThat(KubernetesNames.labelValueProblem("-x")).isNotNull();
        assertThat(KubernetesNames.portNameProblem("controller-api1")).isNull();
        assertThat(KubernetesNames.portNameProblem("controller-api-1")).contains("15");
    }

    @Test
    void everyContainerRunsThePlatformImageOfTheValuesPrefixAndTag() {
        RenderedObjects defaults = RenderedObjects.renderDefaults();
        assertImages(defaults, "fissile/fissile:" + defaults.appVersion(), "fissile", defaults.appVersion());

        RenderedObjects custom = RenderedObjects.render(Map.of("image", Map.of("prefix", "acme/functions", "tag", "1.2.3")));
        assertImages(custom, "acme/functions/fissile:1.2.3", "acme/functions", "1.2.3");
    }

    private static void assertImages(RenderedObjects chart, String image, String prefix, String tag) {
        assertThat(chart.deploymentContainers()).isNotEmpty().allSatisfy(entry -> {
            Container container = entry.getValue();
            assertThat(container.getImage()).isEqualTo(image);
            // The control plane names environment and fetcher images from the same prefix and tag.
            assertThat(env(container, "FISSILE_IMAGE_PREFIX")).isEqualTo(prefix);
            assertThat(env(container, "FISSILE_IMAGE_TAG")).isEqualTo(tag);
        });
    }

    @Test
    void theChartsAppVersionIsTheProjectVersion() throws IOException {
        String pom = Files.readString(Repository.root().resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>fissile-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(version.find()).as("the root pom's version").isTrue();

        RenderedObjects chart = RenderedObjects.renderDefaults();
        assertThat(chart.appVersion()).isEqualTo(version.group(1));
        // The runtime's own default tag, used when the chart's variables are not read, is the same.
        assertThat(ImageNames.defaults().version()).isEqualTo(chart.appVersion());
        assertThat(chart.rendered().chart().get("name")).isEqualTo("fissile");
        assertThat(chart.rendered().chart().get("version").toString()).matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    }

    @Test
    void servicesSelectPodsThatHaveTheirTargetPorts() {
        RenderedObjects chart = RenderedObjects.renderDefaults();

        assertThat(chart.named(Service.class, "router").getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getPort()).isEqualTo(chart.<Integer>value("ports.router")));
        assertThat(chart.named(Service.class, "controller").getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getPort()).isEqualTo(chart.<Integer>value("ports.controller")));
        for (Service service : chart.ofType(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            List<Deployment> selected = chart.ofType(Deployment.class).stream()
                    .filter(d -> d.getMetadata().getNamespace().equals(service.getMetadata().getNamespace()))
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertThat(selected).as("Deployments Service %s selects", service.getMetadata().getName()).isNotEmpty();
            for (Deployment deployment : selected) {
                for (ServicePort port : service.getSpec().getPorts()) {
                    assertThat(containerPortOf(deployment.getSpec().getTemplate(), port))
                            .as("Service %s port %s reaches a container port of Deployment %s",
                                    service.getMetadata().getName(), port.getName(), deployment.getMetadata().getName())
                            .isNotNull();
                }
            }
        }
    }

    /** The container port a Service port's targetPort names (by name or number), or null. */
    private static ContainerPort containerPortOf(PodTemplateSpec template, ServicePort port) {
        var target = port.getTargetPort();
        return template.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                .filter(p -> target == null ? p.getContainerPort().equals(port.getPort())
                        : target.getStrVal() != null ? target.getStrVal().equals(p.getName())
                        : target.getIntVal().equals(p.getContainerPort()))
                .findFirst().orElse(null);
    }

    @Test
    void deploymentsSelectTheirOwnPodsListenWhereTheirPortsSayAndRunAsTheirServiceAccount() {
        RenderedObjects chart = RenderedObjects.renderDefaults();

        assertThat(chart.ofType(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("fissile-controlplane", "fissile-router");
        assertThat(chart.named(Deployment.class, "fissile-controlplane").getSpec().getReplicas())
                .isEqualTo(chart.<Integer>value("controlPlane.replicas"));
        assertThat(chart.named(Deployment.class, "fissile-router").getSpec().getReplicas())
                .isEqualTo(chart.<Integer>value("router.replicas"));
        for (Deployment deployment : chart.ofType(Deployment.class)) {
            PodTemplateSpec template = deployment.getSpec().getTemplate();
            assertThat(template.getMetadata().getLabels()).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            // No two Deployments may claim each other's pods.
            for (Deployment other : chart.ofType(Deployment.class)) {
                if (other == deployment) continue;
                assertThat(other.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                        .containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet()))
                        .as("%s's pods are selected by %s", other.getMetadata().getName(), deployment.getMetadata().getName())
                        .isFalse();
            }
            String account = template.getSpec().getServiceAccountName();
            assertThat(chart.ofType(ServiceAccount.class)).as("ServiceAccount %s", account)
                    .anyMatch(sa -> sa.getMetadata().getName().equals(account)
                            && sa.getMetadata().getNamespace().equals(deployment.getMetadata().getNamespace()));
            Container server = template.getSpec().getContainers().getFirst();
            assertThat(server.getArgs()).startsWith("server", "--kubernetes");
            assertThat(argument(server, "--port")).isEqualTo(port(server, "router").toString());
            assertThat(argument(server, "--api-port")).isEqualTo(port(server, "controller").toString());
            assertThat(port(server, "router")).isEqualTo(chart.<Integer>value("ports.router"));
            assertThat(port(server, "controller")).isEqualTo(chart.<Integer>value("ports.controller"));
            assertThat(Stream.of(server.getReadinessProbe(), server.getLivenessProbe()))
                    .allSatisfy(probe -> assertThat(probe.getHttpGet().getPort().getStrVal()).isIn("router", "controller"));
            assertThat(server.getResources().getLimits()).containsKeys("cpu", "memory");
            assertThat(server.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(env(server, "FISSILE_CONTROLLER_URL"))
                    .isEqualTo("http://controller." + ChartRenderer.RELEASE_NAMESPACE + ".svc:" + chart.value("ports.controller"));
        }
    }

    /** A variable the chart sets that no code reads would be a setting that silently does nothing. */
    @Test
    void everyVariableTheChartSetsIsReadByTheServerOrTheKubernetesModule() throws IOException {
        StringBuilder sources = new StringBuilder();
        for (String module : List.of("server", "kubernetes")) {
            try (Stream<Path> files = Files.walk(Repository.root().resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) sources.append(Files.readString(file));
            }
        }
        for (Container container : RenderedObjects.renderDefaults().deploymentContainers().stream().map(Map.Entry::getValue).toList()) {
            assertThat(container.getEnv()).isNotEmpty().allSatisfy(variable ->
                    assertThat(sources).as("code that reads %s", variable.getName()).contains("\"" + variable.getName() + "\""));
        }
        // The platform image's jars (the server's) include Kubernetes mode and the fetcher.
        assertThat(Files.readString(Repository.root().resolve("server/pom.xml"))).contains("<artifactId>fissile-kubernetes</artifactId>");
    }

    @Test
    void dataIsAnEmptyDirUnlessAClaimIsNamed() {
        Volume byDefault = dataVolume(RenderedObjects.renderDefaults());
        assertThat(byDefault.getEmptyDir()).isNotNull();
        assertThat(byDefault.getPersistentVolumeClaim()).isNull();

        Volume claimed = dataVolume(RenderedObjects.render(Map.of("persistence", Map.of("existingClaim", "fissile-data"))));
        assertThat(claimed.getEmptyDir()).isNull();
        assertThat(claimed.getPersistentVolumeClaim().getClaimName()).isEqualTo("fissile-data");
    }

    @Test
    void theFunctionNamespaceIsAValueAndDiffersFromTheReleaseNamespace() {
        RenderedObjects chart = RenderedObjects.render(Map.of("functionNamespace", "team-functions"));

        assertThat(chart.ofType(Namespace.class)).singleElement().satisfies(namespace -> {
            assertThat(namespace.getMetadata().getName()).isEqualTo("team-functions");
            // Uninstalling Fissile must not delete users' functions with their namespace.
            assertThat(namespace.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
        });
        assertThat(chart.named(ServiceAccount.class, "fissile-function").getMetadata().getNamespace()).isEqualTo("team-functions");
        assertThat(RenderedObjects.renderDefaults().<String>value("functionNamespace")).isNotEqualTo(ChartRenderer.RELEASE_NAMESPACE);
    }

    private static Volume dataVolume(RenderedObjects chart) {
        List<Volume> volumes = chart.ofType(Deployment.class).stream()
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getVolumes().stream())
                .filter(v -> v.getName().equals("data")).toList();
        assertThat(volumes).hasSize(2);
        assertThat(volumes.get(0)).isEqualTo(volumes.get(1));
        return volumes.getFirst();
    }

    private static void labelProblems(String where, Map<String, String> labels, List<String> problems) {
        if (labels == null) return;
        labels.forEach((key, value) -> {
            String keyProblem = KubernetesNames.labelKeyProblem(key);
            if (keyProblem != null) problems.add(where + ": label key \"" + key + "\" " + keyProblem);
            String valueProblem = KubernetesNames.labelValueProblem(value);
            if (valueProblem != null) problems.add(where + ": label " + key + "=\"" + value + "\" " + valueProblem);
        });
    }

    static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("container " + container.getName() + " has no variable " + name));
    }

    private static String argument(Container container, String flag) {
        List<String> args = container.getArgs();
        int index = args.indexOf(flag);
        assertThat(index).as("%s among %s", flag, args).isNotNegative().isLessThan(args.size() - 1);
        return args.get(index + 1);
    }

    private static Integer port(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError("container " + container.getName() + " has no port " + name));
    }
}
