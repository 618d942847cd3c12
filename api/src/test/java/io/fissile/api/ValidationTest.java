package io.fissile.api;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.api.v1.Checksum;
import io.fissile.api.v1.DeploymentConfig;
import io.fissile.api.v1.Kinds;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidationTest {

    /** The problems of a YAML resource, as "field: message" strings. */
    static List<String> problems(String yaml) {
        return Validation.validate(Codec.readObject(yaml)).stream().map(FieldError::toString).toList();
    }

    static List<String> fields(String yaml) {
        return Validation.validate(Codec.readObject(yaml)).stream().map(FieldError::field).toList();
    }

    @Test
    void fissionGeneratedSpecsAreValid() throws IOException {
        for (String file : List.of("function-hello.yaml", "env-nodejs.yaml", "route-hello.yaml")) {
            for (Codec.YamlDocument doc : Codec.splitDocuments(CodecTest.resource(file))) {
                assertThat(Validation.validate(Codec.readObject(doc.text()))).as(file + " #" + doc.number()).isEmpty();
            }
        }
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() {
        List<String> problems = problems("""
                kind: HTTPTrigger
                metadata: {name: Bad_Name, namespace: "x y"}
                spec:
                  methods: [GET, FETCH]
                  functionref: {type: name, name: ""}
                  host: "not a host"
                """);

        assertThat(problems).hasSize(6);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("metadata.name: \"Bad_Name\" is not a DNS-1123 label"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("metadata.namespace: "));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo("spec.methods[1]: \"FETCH\" is not one of GET, HEAD, POST, PUT, PATCH, DELETE, CONNECT, OPTIONS, TRACE"));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo("spec.functionref.name: is required"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("spec.host: "));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("spec.relativeurl: is required"));
    }

    @Test
    void checkThrowsWithTheResourceNamed() {
        var fn = Kinds.FUNCTION.create("default", "hello");
        assertThatThrownBy(() -> Validation.check(fn))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessageContaining("Function \"default/hello\" is invalid")
                .hasMessageContaining("spec.environment.name: is required")
                .hasMessageContaining("spec.package.packageref.name: is required");
    }

    @Test
    void environmentRules() {
        assertThat(fields("""
                kind: Environment
                metadata: {name: e}
                spec: {version: 4, runtime: {}, poolsize: -1, terminationGracePeriod: -5,
                       allowedFunctionsPerContainer: many, resources: {limits: {cpu: lots}}}
                """)).containsExactlyInAnyOrder("spec.version", "spec.runtime.image", "spec.allowedFunctionsPerContainer",
                "spec.poolsize", "spec.terminationGracePeriod", "spec.resources.limits.cpu");
        assertThat(fields("""
                kind: Environment
                metadata: {name: e}
                spec: {runtime: {image: fission/python-env}, resources: {limits: {cpu: 500m, memory: 128Mi}}}
                """)).isEmpty();
    }

    @Test
    void packageRules() {
        assertThat(fields("""
                kind: Package
                metadata: {name: p}
                spec:
                  environment: {name: ""}
                  deployment: {type: zip, url: x, checksum: {type: md5, sum: abc}}
                  source: {type: url, checksum: {type: sha256, sum: ABC}, literal: aGk=}
                status: {buildstatus: done}
                """)).containsExactlyInAnyOrder("spec.environment.name", "spec.deployment.type", "spec.deployment.checksum.type",
                "spec.source.url", "spec.source.checksum.sum", "status.buildstatus");
    }

    @Test
    void aLiteralOverTheLimitIsRefusedWithItsSize() {
        var pkg = Kinds.PACKAGE.create("default", "big");
        pkg.spec().environment(io.fissile.api.v1.Reference.to("nodejs"))
                .deployment(Archive.ofLiteral(new byte[Archive.LITERAL_SIZE_LIMIT + 1]));

        assertThat(Validation.validate(pkg)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("spec.deployment.literal");
            assertThat(e.message()).contains("262145 bytes", "256 KiB");
        });
        pkg.spec().deployment(Archive.ofLiteral(new byte[Archive.LITERAL_SIZE_LIMIT]));
        assertThat(Validation.validate(pkg)).isEmpty();
        pkg.spec().deployment(Archive.ofUrl("/v2/archives/x", Checksum.sha256("a".repeat(64))));
        assertThat(Validation.validate(pkg)).isEmpty();
    }

    @Test
    void functionRules() {
        assertThat(fields("""
                kind: Function
                metadata: {name: f, namespace: ns}
                spec:
                  environment: {name: Env}
                  package: {packageref: {name: p}}
                  secrets: [{name: s, namespace: other}]
                  configmaps: [{name: ""}]
                  InvokeStrategy:
                    StrategyType: fast
                    ExecutionStrategy: {ExecutorType: newdeploy, MinScale: 3, MaxScale: 2, TargetCPUPercent: 150}
                  functionTimeout: -1
                  concurrency: -2
                """)).containsExactlyInAnyOrder("spec.environment.name", "spec.secrets[0].namespace", "spec.configmaps[0].name",
                "spec.InvokeStrategy.StrategyType", "spec.InvokeStrategy.ExecutionStrategy.MaxScale",
                "spec.InvokeStrategy.ExecutionStrategy.TargetCPUPercent", "spec.functionTimeout", "spec.concurrency");
    }

    @Test
    void containerFunctionsNeedAPodSpecButNoEnvironment() {
        String container = """
                kind: Function
                metadata: {name: f}
                spec:
                  InvokeStrategy: {StrategyType: execution, ExecutionStrategy: {ExecutorType: container, MaxScale: 1}}
                """;
        assertThat(fields(container)).containsExactly("spec.podspec");
        assertThat(fields(container + "  podspec: {containers: [{name: f, image: nginx, ports: [{containerPort: 80}]}]}\n")).isEmpty();
        assertThat(fields(container + "  podspec: {containers: [{name: f, command: [./serve], ports: [{containerPort: 8080}]}]}\n")).isEmpty();
    }

    @Test
    void aContainerFunctionRunsOneCommandOrImageOnOnePort() {
        String container = """
                kind: Function
                metadata: {name: f}
                spec:
                  InvokeStrategy: {StrategyType: execution, ExecutionStrategy: {ExecutorType: container}}
                """;
        assertThat(problems(container + "  podspec: {containers: []}\n"))
                .containsExactly("spec.podspec.containers: needs exactly one container for executor type container, not 0");
        assertThat(fields(container + "  podspec: {containers: [{name: a, image: x, ports: [{containerPort: 1}]}, {name: b, image: y}]}\n"))
                .containsExactly("spec.podspec.containers");
        assertThat(fields(container + "  podspec: {containers: [{name: f, command: [\"\"], args: [x]}]}\n"))
                .containsExactlyInAnyOrder("spec.podspec.containers[0].command", "spec.podspec.containers[0].ports");
        assertThat(problems(container + "  podspec: {containers: [{command: [./serve], ports: [{containerPort: 70000}], env: [{name: PORT, value: \"1\"}]}]}\n"))
                .containsExactlyInAnyOrder("spec.podspec.containers[0].ports[0].containerPort: must be between 1 and 65535, not 70000",
                        "spec.podspec.containers[0].env[0].name: \"PORT\" is set by the platform for every instance; the reserved names are "
                                + "PORT, HOST, USERFUNC_DIR, SECRETS_DIR, CONFIGS_DIR, TMPDIR");
        assertThat(fields(container + "  podspec: {containers: [{image: x, ports: [{name: http-env}]}]}\n"))
                .containsExactly("spec.podspec.containers[0].ports[0].containerPort");
    }

    @Test
    void otherExecutorTypesKeepAPodSpecWithoutContainerRules() {
        assertThat(fields("""
                kind: Function
                metadata: {name: f}
                spec:
                  environment: {name: nodejs}
                  package: {packageref: {name: p}}
                  podspec: {containers: [{name: sidecar, image: busybox}, {name: f}]}
                """)).isEmpty();
    }

    @Test
    void httpTriggerPathsAndWeights() {
        String base = """
                kind: HTTPTrigger
                metadata: {name: t}
                spec:
                """;
        assertThat(fields(base + "  relativeurl: /users/{id:[0-9]+}/{name}\n  functionref: {name: f}\n")).isEmpty();
        assertThat(fields(base + "  prefix: /api\n  functionref: {name: f}\n")).isEmpty();
        assertThat(problems(base + "  relativeurl: users\n  functionref: {name: f}\n"))
                .containsExactly("spec.relativeurl: \"users\" must start with /");
        assertThat(problems(base + "  relativeurl: /a/{id:[0-9+}\n  functionref: {name: f}\n"))
                .singleElement().asString().startsWith("spec.relativeurl: the pattern of parameter \"id\"");
        assertThat(fields(base + "  relativeurl: /a/{id\n  functionref: {name: f}\n")).containsExactly("spec.relativeurl");
        assertThat(fields(base + "  relativeurl: /a\n  functionref: {type: function-weights, functionweights: {f1: 0, F2: 10}}\n"))
                .containsExactly("spec.functionref.functionweights.F2");
        assertThat(fields(base + "  relativeurl: /a\n  functionref: {type: function-weights}\n"))
                .containsExactly("spec.functionref.functionweights");
        assertThat(fields(base + "  relativeurl: /a\n  functionref: {type: pick, name: f}\n"))
                .containsExactly("spec.functionref.type");
    }

    @Test
    void timeTriggerCron() {
        String base = "kind: TimeTrigger\nmetadata: {name: t}\nspec:\n  functionref: {type: name, name: f}\n";
        for (String ok : List.of("*/5 * * * *", "0 30 * * * *", "@hourly", "@every 5s", "@every 1h30m", "CRON_TZ=Europe/Paris 0 9 * * MON-FRI")) {
            assertThat(fields(base + "  cron: \"" + ok + "\"\n")).as(ok).isEmpty();
        }
        for (String bad : List.of("", "* * *", "61 * * * *", "@sometimes", "@every soon", "TZ=Mars/Base * * * * *")) {
            assertThat(fields(base + "  cron: \"" + bad + "\"\n")).as(bad).containsExactly("spec.cron");
        }
        assertThat(fields(base + "  cron: '@daily'\n  method: SEND\n")).containsExactly("spec.method");
    }

    @Test
    void messageQueueTriggerRules() {
        String base = "kind: MessageQueueTrigger\nmetadata: {name: m}\nspec:\n  functionref: {type: name, name: f}\n";
        assertThat(fields(base + "  messageQueueType: kafka\n  topic: orders\n  respTopic: orders.out\n  mqtkind: keda\n")).isEmpty();
        assertThat(fields(base + "  messageQueueType: nats-jetstream\n  topic: orders.>\n")).isEmpty();
        assertThat(fields(base + "  messageQueueType: rabbitmq\n  topic: q\n  mqtkind: fission\n"))
                .containsExactly("spec.messageQueueType");
        assertThat(fields(base + "  messageQueueType: kafka\n  topic: -bad-\n  errorTopic: \"x y\"\n  maxRetries: -1\n"
                + "  minReplicaCount: 5\n  maxReplicaCount: 2\n"))
                .containsExactlyInAnyOrder("spec.topic", "spec.errorTopic", "spec.maxRetries", "spec.maxReplicaCount");
        assertThat(fields(base + "  messageQueueType: sqs\n")).containsExactlyInAnyOrder("spec.messageQueueType", "spec.topic");
    }

    @Test
    void watchTriggerRules() {
        String base = "kind: KubernetesWatchTrigger\nmetadata: {name: w}\nspec:\n  functionref: {type: name, name: f}\n";
        assertThat(fields(base + "  type: pod\n  namespace: default\n  labelselector: {app: web}\n")).isEmpty();
        assertThat(fields(base + "  type: DEPLOYMENT\n  labelselector: {\"bad key!\": \"v\", ok: \"bad value!\"}\n"))
                .containsExactlyInAnyOrder("spec.type", "spec.labelselector.bad key!", "spec.labelselector.ok");
    }

    @Test
    void canaryRules() {
        String base = "kind: CanaryConfig\nmetadata: {name: c}\nspec:\n  trigger: r\n  newfunction: f2\n  oldfunction: f1\n";
        assertThat(fields(base + "  weightincrement: 20\n  duration: 2m\n  failurethreshold: 10\n  failureType: status-code\n")).isEmpty();
        assertThat(fields(base + "  weightincrement: 0\n  duration: soon\n  failurethreshold: 101\n  failureType: latency\n"))
                .containsExactlyInAnyOrder("spec.weightincrement", "spec.duration", "spec.failurethreshold", "spec.failureType");
    }

    @Test
    void labelsAndAnnotationsFollowKubernetesRules() {
        assertThat(fields("""
                kind: Environment
                metadata:
                  name: e
                  labels: {app: web, "example.com/tier": front, "bad/key/x": v, ok: "not ok"}
                  annotations: {"fission.io/x": anything at all}
                spec: {runtime: {image: i}}
                """)).containsExactlyInAnyOrder("metadata.labels.bad/key/x", "metadata.labels.ok");
    }

    @Test
    void specOnlyKinds() {
        assertThat(Validation.validate(new DeploymentConfig().name("proj"))).extracting(FieldError::field).containsExactly("uid");
        assertThat(Validation.validate(new ArchiveUploadSpec().name("my archive"))).extracting(FieldError::field)
                .containsExactlyInAnyOrder("name", "include");
    }

    @Test
    void defaultsGiveAPackageItsInitialBuildStatus() {
        var deployed = Kinds.PACKAGE.create("default", "a");
        deployed.spec().deployment(Archive.ofLiteral(new byte[]{1}));
        var source = Kinds.PACKAGE.create("default", "b");
        source.spec().source(Archive.ofLiteral(new byte[]{1}));
        var empty = Kinds.PACKAGE.create("default", "c");

        List.of(deployed, source, empty).forEach(Defaults::apply);

        assertThat(deployed.status().buildstatus()).isEqualTo("none");
        assertThat(source.status().buildstatus()).isEqualTo("pending");
        assertThat(empty.status().buildstatus()).isEqualTo("failed");
        assertThat(empty.status().buildlog()).contains("empty");
    }
}
