package io.fissile.kubernetes.deploy;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fissile.api.Kind;
import io.fissile.api.v1.Kinds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control plane's permissions are exactly what Kubernetes mode needs: every fission.io CRD in
 * deploy/crds (and its status), function instances where their resources are, watch-trigger kinds,
 * the store's Secrets and ConfigMaps, every API its code calls, its Lease; no wildcard, no RBAC of its
 * own to grant; function pods get nothing.
 */
class ChartRbacTest {

    private static final String CONTROL_PLANE = "fissile-controlplane";
    private static final List<String> READ = List.of("get", "list", "watch");
    private static final List<String> READ_WRITE = List.of("get", "list", "watch", "create", "update", "patch", "delete");
    private static final List<String> WRITES = List.of("create", "update", "patch", "delete", "deletecollection");

    private static RenderedObjects chart;
    private static String functionNamespace;

    /** A rule the control plane holds, where: null namespace means every namespace (a ClusterRole). */
    private record Grant(String namespace, PolicyRule rule) {
        boolean allows(String inNamespace, String group, String resource, String verb) {
            return (namespace == null || namespace.equals(inNamespace))
                    && rule.getApiGroups().contains(group) && rule.getResources().contains(resource) && rule.getVerbs().contains(verb);
        }
    }

    @BeforeAll
    static void render() {
        chart = RenderedObjects.renderDefaults();
        functionNamespace = chart.value("functionNamespace");
    }

    static List<CustomResourceDefinition> deployCrds() {
        try (Stream<Path> files = Files.list(Repository.deploy().resolve("crds"))) {
            List<CustomResourceDefinition> crds = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Object parsed = Serialization.unmarshal(Files.readString(file));
                assertThat(parsed).as("deploy/crds/%s", file.getFileName()).isInstanceOf(CustomResourceDefinition.class);
                crds.add((CustomResourceDefinition) parsed);
            }
            return crds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theControlPlaneMayReadAndWriteEveryFissionIoResourceAndItsStatusEverywhere() {
        List<Grant> grants = controlPlaneGrants();
        Set<String> plurals = new HashSet<>();
        for (CustomResourceDefinition crd : deployCrds()) {
            String plural = crd.getSpec().getNames().getPlural();
            plurals.add(plural);
            for (String verb : READ_WRITE) {
                assertThat(allowedEverywhere(grants, "fission.io", plural, verb)).as("%s %s in every namespace", verb, plural).isTrue();
            }
            boolean hasStatus = crd.getSpec().getVersions().stream()
                    .anyMatch(v -> v.getSubresources() != null && v.getSubresources().getStatus() != null);
            if (hasStatus) {
                for (String verb : List.of("get", "update", "patch")) {
                    assertThat(allowedEverywhere(grants, "fission.io", plural + "/status", verb)).as("%s %s/status", verb, plural).isTrue();
                }
            }
        }
        // Nothing granted for fission.io kinds deploy/crds does not define (a renamed or removed CRD).
        List<String> granted = grants.stream().filter(g -> g.rule().getApiGroups().contains("fission.io"))
                .flatMap(g -> g.rule().getResources().stream()).map(r -> r.replace("/status", "")).distinct().toList();
        assertThat(plurals).containsExactlyInAnyOrderElementsOf(granted);
    }

    @Test
    void theControlPlaneRunsInstancesInTheNamespacesOfTheirResources() {
        List<Grant> grants = controlPlaneGrants();
        // Pools and function Deployments live in the namespace of their Environment or Function: any namespace.
        for (String verb : READ_WRITE) {
            assertThat(allowedEverywhere(grants, "apps", "deployments", verb)).as("%s deployments", verb).isTrue();
            for (String resource : List.of("pods", "services")) {
                assertThat(allowedEverywhere(grants, "", resource, verb)).as("%s %s", verb, resource).isTrue();
            }
        }
    }

    @Test
    void theControlPlaneMayReadAndWriteEveryKindTheStoreKeepsEverywhere() {
        List<Grant> grants = controlPlaneGrants();
        for (Kind<?> kind : Kinds.all()) {
            String apiVersion = kind.apiVersion();
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            for (String verb : READ_WRITE) {
                assertThat(allowedEverywhere(grants, group, kind.plural(), verb)).as("%s %s", verb, kind.plural()).isTrue();
            }
        }
    }

    /**
     * Every Kubernetes API the control plane's code calls (the kubernetes module but its fetcher, which
     * runs in function pods, and the server) is granted: a call added without a rule fails here, not in a cluster.
     */
    @Test
    void everyResourceTheControlPlanesCodeCallsIsGranted() throws IOException {
        List<Grant> grants = controlPlaneGrants();
        Map<String, String[]> calls = Map.ofEntries(
                Map.entry(".pods()", new String[]{"", "pods"}), Map.entry(".services()", new String[]{"", "services"}),
                Map.entry(".secrets()", new String[]{"", "secrets"}), Map.entry(".configMaps()", new String[]{"", "configmaps"}),
                Map.entry(".replicationControllers()", new String[]{"", "replicationcontrollers"}),
                Map.entry(".endpoints()", new String[]{"", "endpoints"}), Map.entry(".events()", new String[]{"", "events"}),
                Map.entry(".namespaces()", new String[]{"", "namespaces"}),
                Map.entry(".serviceAccounts()", new String[]{"", "serviceaccounts"}),
                Map.entry(".persistentVolumeClaims()", new String[]{"", "persistentvolumeclaims"}),
                Map.entry(".deployments()", new String[]{"apps", "deployments"}), Map.entry(".replicaSets()", new String[]{"apps", "replicasets"}),
                Map.entry(".statefulSets()", new String[]{"apps", "statefulsets"}), Map.entry(".jobs()", new String[]{"batch", "jobs"}),
                Map.entry(".leases()", new String[]{"coordination.k8s.io", "leases"}),
                Map.entry("LeaderElector", new String[]{"coordination.k8s.io", "leases"}),
                Map.entry(".getLog(", new String[]{"", "pods/log"}), Map.entry(".watchLog(", new String[]{"", "pods/log"}),
                Map.entry(".roles()", new String[]{"rbac.authorization.k8s.io", "roles"}),
                Map.entry(".roleBindings()", new String[]{"rbac.authorization.k8s.io", "rolebindings"}),
                Map.entry(".customResourceDefinitions()", new String[]{"apiextensions.k8s.io", "customresourcedefinitions"}));
        List<String> ungranted = new ArrayList<>();
        int found = 0;
        for (Path source : controlPlaneSources()) {
            String text = Files.readString(source);
            for (Map.Entry<String, String[]> call : calls.entrySet()) {
                if (!text.contains(call.getKey())) continue;
                found++;
                String[] resource = call.getValue();
                boolean granted = grants.stream().anyMatch(g -> g.rule().getApiGroups().contains(resource[0])
                        && g.rule().getResources().contains(resource[1]));
                if (!granted) ungranted.add(Repository.root().relativize(source) + " calls " + call.getKey() + " (" + resource[1] + ")");
            }
        }
        assertThat(found).as("Kubernetes calls found in the control plane's sources").isPositive();
        assertThat(ungranted).isEmpty();
    }

    private static List<Path> controlPlaneSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("kubernetes", "server")) {
            Path main = Repository.root().resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !main.relativize(f).toString().startsWith("io/fissile/kubernetes/fetcher/"))
                        .forEach(sources::add);
            }
        }
        return sources;
    }

    @Test
    void theControlPlaneCannotGrantItselfMore() {
        List<Grant> grants = controlPlaneGrants();
        assertThat(grants).noneMatch(g -> g.rule().getApiGroups().contains("rbac.authorization.k8s.io"))
                .noneMatch(g -> g.rule().getResources().contains("serviceaccounts"))
                .noneMatch(g -> g.rule().getVerbs().stream().anyMatch(v -> Set.of("escalate", "bind", "impersonate").contains(v)))
                .noneMatch(g -> g.rule().getResources().stream().anyMatch(r -> r.endsWith("/exec") || r.endsWith("/attach")));
    }

    @Test
    void watchTriggerKindsAreReadableEverywhere() {
        List<Grant> grants = controlPlaneGrants();
        // KubernetesWatchTrigger types POD, SERVICE, REPLICATIONCONTROLLER and JOB, in any namespace.
        List<String[]> watched = List.of(new String[]{"", "pods"}, new String[]{"", "services"},
                new String[]{"", "replicationcontrollers"}, new String[]{"batch", "jobs"});
        for (String[] kind : watched) {
            for (String verb : READ) {
                assertThat(allowedEverywhere(grants, kind[0], kind[1], verb)).as("%s %s everywhere", verb, kind[1]).isTrue();
            }
        }
        // Those the control plane does not run itself it only reads.
        for (String verb : WRITES) {
            assertThat(allowedEverywhere(grants, "", "replicationcontrollers", verb)).as(verb).isFalse();
            assertThat(allowedEverywhere(grants, "batch", "jobs", verb)).as(verb).isFalse();
        }
    }

    @Test
    void leaderElectionUsesALeaseInTheReleaseNamespace() {
        List<Grant> grants = controlPlaneGrants();
        // fabric8's LeaseLock gets and creates the Lease, and renews it with update or PATCH; nothing else.
        List<String> leaseVerbs = List.of("get", "create", "update", "patch");
        assertThat(grants).filteredOn(g -> g.rule().getResources().contains("leases"))
                .allSatisfy(g -> assertThat(g.rule().getVerbs()).containsExactlyInAnyOrderElementsOf(leaseVerbs));
        for (String verb : leaseVerbs) {
            assertThat(allowedIn(grants, ChartRenderer.RELEASE_NAMESPACE, "coordination.k8s.io", "leases", verb)).as(verb).isTrue();
            assertThat(allowedIn(grants, functionNamespace, "coordination.k8s.io", "leases", verb)).as(verb).isFalse();
            assertThat(allowedEverywhere(grants, "coordination.k8s.io", "leases", verb)).as(verb).isFalse();
        }
    }

    @Test
    void noRuleUsesAWildcardOrNonResourceUrls() {
        List<PolicyRule> rules = new ArrayList<>();
        chart.ofType(Role.class).forEach(r -> rules.addAll(r.getRules()));
        chart.ofType(ClusterRole.class).forEach(r -> rules.addAll(r.getRules()));
        assertThat(rules).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.getApiGroups()).isNotEmpty().doesNotContain("*");
            assertThat(rule.getResources()).isNotEmpty().noneMatch(r -> r.contains("*"));
            assertThat(rule.getVerbs()).isNotEmpty().doesNotContain("*");
            assertThat(rule.getNonResourceURLs()).isEmpty();
        });
    }

    @Test
    void everyBindingRefersToARoleOfTheChartAndBindsOnlyTheControlPlane() {
        for (ClusterRoleBinding binding : chart.ofType(ClusterRoleBinding.class)) {
            assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
            chart.named(ClusterRole.class, binding.getRoleRef().getName());
            assertThat(binding.getSubjects()).allSatisfy(ChartRbacTest::isControlPlane);
        }
        for (RoleBinding binding : chart.ofType(RoleBinding.class)) {
            RoleRef ref = binding.getRoleRef();
            assertThat(ref.getKind()).as("RoleBinding %s binds a Role of its namespace", binding.getMetadata().getName())
                    .isEqualTo("Role");
            assertThat(chart.ofType(Role.class)).anyMatch(role -> role.getMetadata().getName().equals(ref.getName())
                    && role.getMetadata().getNamespace().equals(binding.getMetadata().getNamespace()));
            assertThat(binding.getSubjects()).allSatisfy(ChartRbacTest::isControlPlane);
        }
    }

    @Test
    void functionPodsServiceAccountHasNoPermissionsAndNoToken() {
        ServiceAccount functions = chart.named(ServiceAccount.class, "fissile-function");

        assertThat(functions.getMetadata().getNamespace()).isEqualTo(functionNamespace);
        assertThat(functions.getAutomountServiceAccountToken()).isFalse();
        List<Subject> subjects = new ArrayList<>();
        chart.ofType(RoleBinding.class).forEach(b -> subjects.addAll(b.getSubjects()));
        chart.ofType(ClusterRoleBinding.class).forEach(b -> subjects.addAll(b.getSubjects()));
        assertThat(subjects).isNotEmpty().noneMatch(s -> s.getName().equals("fissile-function"));
    }

    private static void isControlPlane(Subject subject) {
        assertThat(subject.getKind()).isEqualTo("ServiceAccount");
        assertThat(subject.getName()).isEqualTo(CONTROL_PLANE);
        assertThat(subject.getNamespace()).isEqualTo(ChartRenderer.RELEASE_NAMESPACE);
    }

    private static boolean bindsControlPlane(List<Subject> subjects) {
        return subjects.stream().anyMatch(s -> "ServiceAccount".equals(s.getKind()) && CONTROL_PLANE.equals(s.getName())
                && ChartRenderer.RELEASE_NAMESPACE.equals(s.getNamespace()));
    }

    /** Every rule bound to the control plane's ServiceAccount, with where it applies. */
    private static List<Grant> controlPlaneGrants() {
        List<Grant> grants = new ArrayList<>();
        for (ClusterRoleBinding binding : chart.ofType(ClusterRoleBinding.class)) {
            if (!bindsControlPlane(binding.getSubjects())) continue;
            chart.named(ClusterRole.class, binding.getRoleRef().getName()).getRules().forEach(r -> grants.add(new Grant(null, r)));
        }
        for (RoleBinding binding : chart.ofType(RoleBinding.class)) {
            if (!bindsControlPlane(binding.getSubjects())) continue;
            String namespace = binding.getMetadata().getNamespace();
            chart.ofType(Role.class).stream()
                    .filter(role -> role.getMetadata().getName().equals(binding.getRoleRef().getName())
                            && role.getMetadata().getNamespace().equals(namespace))
                    .forEach(role -> role.getRules().forEach(r -> grants.add(new Grant(namespace, r))));
        }
        assertThat(grants).as("rules bound to %s", CONTROL_PLANE).isNotEmpty();
        return grants;
    }

    private static boolean allowedIn(List<Grant> grants, String namespace, String group, String resource, String verb) {
        return grants.stream().anyMatch(g -> g.allows(namespace, group, resource, verb));
    }

    private static boolean allowedEverywhere(List<Grant> grants, String group, String resource, String verb) {
        return grants.stream().anyMatch(g -> g.namespace() == null && g.allows(null, group, resource, verb));
    }
}
