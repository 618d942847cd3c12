package io.fissile.api;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.api.v1.Container;
import io.fissile.api.v1.EnvVar;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodecTest {

    static String resource(String name) throws IOException {
        try (InputStream in = CodecTest.class.getResourceAsStream("/fission/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEveryDocumentOfAFissionSpecFileWithTheLineItStartsAt() throws IOException {
        List<Codec.YamlDocument> docs = Codec.splitDocuments(resource("function-hello.yaml"));

        assertThat(docs).extracting(Codec.YamlDocument::number).containsExactly(1, 2, 3);
        assertThat(docs).extracting(Codec.YamlDocument::line).containsExactly(1, 7, 28);
        assertThat(Codec.readObject(docs.get(0).text())).isInstanceOfSatisfying(ArchiveUploadSpec.class, a -> {
            assertThat(a.name()).isEqualTo("hello-js-Xb3k");
            assertThat(a.include()).containsExactly("hello.js");
        });
        assertThat(Codec.readObject(docs.get(1).text())).isInstanceOfSatisfying(Package.class, p -> {
            assertThat(p.spec().deployment().url()).isEqualTo("archive://hello-js-Xb3k");
            assertThat(p.spec().deployment().checksum().isEmpty()).isTrue();
            assertThat(p.spec().source().isEmpty()).isTrue();
            assertThat(p.status().buildstatus()).isEqualTo("pending");
        });
        assertThat(Codec.readObject(docs.get(2).text())).isInstanceOfSatisfying(Function.class, f -> {
            assertThat(f.spec().environment().name()).isEqualTo("nodejs");
            assertThat(f.spec().packageRef().packageRef().name()).isEqualTo("hello-5d1c");
            assertThat(f.spec().packageRef().functionName()).isEqualTo("hello");
            assertThat(f.spec().effectiveExecutorType()).isEqualTo("poolmgr");
            assertThat(f.spec().effectiveFunctionTimeout()).isEqualTo(60);
            assertThat(f.metadata().creationTimestamp()).isNull();
        });
    }

    @Test
    void unknownFieldsSurviveARoundTripThroughJsonAndYaml() throws IOException {
        Environment env = Codec.readResource(resource("env-nodejs.yaml"), Kinds.ENVIRONMENT);
        assertThat(env.spec().runtime().unknownField("podspec")).isNotNull();

        Environment viaJson = Codec.fromJson(Codec.toJson(env), Environment.class);
        Environment viaYaml = Codec.readResource(Codec.toYaml(viaJson), Kinds.ENVIRONMENT);

        assertThat(Codec.toJson(viaYaml)).isEqualTo(Codec.toJson(env));
        assertThat(Codec.sameContent(viaYaml, env)).isTrue();
        assertThat(Codec.toYaml(viaYaml)).contains("podspec:", "name: DEBUG", "value: \"1\"");
        assertThat(viaYaml.spec().builder().command()).isEqualTo("build");
        assertThat(viaYaml.spec().effectivePoolSize()).isEqualTo(3);
    }

    @Test
    void aContainerFunctionsPodSpecIsTypedAndKeepsThePodFieldsItDoesNotModel() {
        String yaml = """
                apiVersion: fission.io/v1
                kind: Function
                metadata: {name: web}
                spec:
                  InvokeStrategy: {StrategyType: execution, ExecutionStrategy: {ExecutorType: container, MinScale: 1, MaxScale: 1}}
                  podspec:
                    terminationGracePeriodSeconds: 360
                    imagePullSecrets: [{name: ""}]
                    containers:
                    - name: web
                      image: ghcr.io/example/web:1
                      command: [./serve, --quiet]
                      args: [--root, /srv]
                      ports: [{name: http-env, containerPort: 8080}]
                      env: [{name: MODE, value: fast}]
                      resources: {limits: {cpu: 200m}}
                """;
        Function fn = Codec.readResource(yaml, Kinds.FUNCTION);

        Container container = fn.spec().podSpec().onlyContainer();
        assertThat(container.image()).isEqualTo("ghcr.io/example/web:1");
        assertThat(container.command()).containsExactly("./serve", "--quiet");
        assertThat(container.args()).containsExactly("--root", "/srv");
        assertThat(container.servingPort()).isEqualTo(8080);
        assertThat(container.env()).extracting(EnvVar::name).containsExactly("MODE");
        Function back = Codec.readResource(Codec.toYaml(Codec.fromJson(Codec.toJson(fn), Function.class)), Kinds.FUNCTION);
        assertThat(Codec.sameContent(back, fn)).isTrue();
        assertThat(Codec.toJson(back)).contains("\"terminationGracePeriodSeconds\":360", "\"resources\":{\"limits\":{\"cpu\":\"200m\"}}");
    }

    @Test
    void unknownTopLevelAndMetadataFieldsAreKept() {
        String json = """
                {"apiVersion":"fission.io/v1","kind":"Function","metadata":{"name":"f","finalizers":["x"]},
                 "spec":{"environment":{"name":"e"},"futureField":{"a":[1,2]}},"extra":true}""";
        Function fn = Codec.readResource(json, Kinds.FUNCTION);

        String back = Codec.toJson(fn);

        assertThat(back).contains("\"finalizers\":[\"x\"]", "\"futureField\":{\"a\":[1,2]}", "\"extra\":true");
    }

    @Test
    void stringsThatLookLikeOtherTypesStayStringsInYaml() {
        Function fn = Kinds.FUNCTION.create("default", "f");
        fn.metadata().annotations(new java.util.LinkedHashMap<>());
        for (String s : List.of("1", "1.5", "true", "false", "null", "yes", "no", "on", "~", "", "0x1F", "1e3", "-", "a: b", "#x")) {
            fn.metadata().annotation("k" + fn.metadata().annotations().size(), s);
        }

        Function back = Codec.readResource(Codec.toYaml(fn), Kinds.FUNCTION);

        assertThat(back.metadata().annotations()).isEqualTo(fn.metadata().annotations());
    }

    @Test
    void literalArchivesArePlainBase64InBothFormats() {
        Package pkg = new Package();
        pkg.metadata().name("p");
        pkg.spec().deployment(Archive.ofLiteral("console.log('hi')".getBytes(StandardCharsets.UTF_8)));

        String yaml = Codec.toYaml(pkg);
        String json = Codec.toJson(pkg);

        assertThat(yaml).contains("literal: Y29uc29sZS5sb2coJ2hpJyk=").doesNotContain("!!binary");
        assertThat(json).contains("\"literal\":\"Y29uc29sZS5sb2coJ2hpJyk=\"");
        assertThat(new String(Codec.readResource(yaml, Kinds.PACKAGE).spec().deployment().literal(), StandardCharsets.UTF_8))
                .isEqualTo("console.log('hi')");
    }

    @Test
    void aValueOfTheWrongTypeIsReportedWithItsFieldPath() {
        String yaml = """
                apiVersion: fission.io/v1
                kind: Environment
                metadata:
                  name: python
                spec:
                  runtime:
                    image: fission/python-env
                  poolsize: many
                """;

        assertThatThrownBy(() -> Codec.readObject(yaml))
                .isInstanceOfSatisfying(InvalidResourceException.class, e ->
                        assertThat(e.errors()).singleElement().satisfies(err -> {
                            assertThat(err.field()).isEqualTo("spec.poolsize");
                            assertThat(err.message()).contains("integer", "many");
                        }));
    }

    @Test
    void aListElementIsNamedByItsIndex() {
        String json = """
                {"kind":"Function","metadata":{"name":"f"},"spec":{"secrets":[{"name":"a"},"oops"]}}""";

        assertThatThrownBy(() -> Codec.readObject(json))
                .isInstanceOfSatisfying(InvalidResourceException.class, e ->
                        assertThat(e.errors().get(0).field()).isEqualTo("spec.secrets[1]"));
    }

    @Test
    void unknownKindsAndWrongApiVersionsAreRefusedByName() {
        assertThatThrownBy(() -> Codec.readObject("kind: Lambda\nmetadata: {name: x}\n"))
                .isInstanceOfSatisfying(InvalidResourceException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("kind");
                    assertThat(e.getMessage()).contains("Lambda", "Function", "HTTPTrigger");
                });
        assertThatThrownBy(() -> Codec.readObject("apiVersion: v2\nkind: Function\nmetadata: {name: x}\n"))
                .isInstanceOfSatisfying(InvalidResourceException.class, e ->
                        assertThat(e.errors().get(0).field()).isEqualTo("apiVersion"));
        assertThatThrownBy(() -> Codec.readResource("{\"kind\":\"Package\"}", Kinds.FUNCTION))
                .hasMessageContaining("expected \"Function\" but found \"Package\"");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> Codec.readObject("kind: Function\nmetadata:\n  name: [unclosed\n"))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessageContaining("line");
    }

    @Test
    void explicitNullsReadAsAbsent() throws IOException {
        HTTPTrigger trigger = Codec.readResource(resource("route-hello.yaml"), Kinds.HTTP_TRIGGER);

        assertThat(trigger.spec().functionRef().functionWeights()).isNull();
        assertThat(trigger.spec().effectiveMethods()).containsExactly("GET", "POST");
        assertThat(trigger.spec().ingressConfig().host()).isEqualTo("*");
        assertThat(trigger.spec().relativeUrl()).isEqualTo("/hello/{name}");
    }

    @Test
    void listsAndWatchEventsReadBackTyped() {
        Function fn = Kinds.FUNCTION.create("default", "hello");
        ResourceList<Function> list = ResourceList.of(Kinds.FUNCTION, List.of(fn), "42");

        ResourceList<Function> read = Codec.readList(Codec.toJson(list), Kinds.FUNCTION);
        WatchEvent<Function> event = Codec.readWatchEvent(
                Codec.toJson(new WatchEvent<>(WatchEvent.Type.DELETED, fn)), Kinds.FUNCTION);

        assertThat(read.kind()).isEqualTo("FunctionList");
        assertThat(read.resourceVersion()).isEqualTo("42");
        assertThat(read.items()).singleElement().extracting(Function::name).isEqualTo("hello");
        assertThat(event.type()).isEqualTo(WatchEvent.Type.DELETED);
        assertThat(event.object().name()).isEqualTo("hello");
    }

    @Test
    void copiesAreDeep() {
        Function fn = Kinds.FUNCTION.create("default", "hello");
        fn.metadata().labels(new java.util.HashMap<>(Map.of("a", "b")));

        Function copy = Codec.copy(fn);
        copy.metadata().label("a", "changed");

        assertThat(fn.metadata().labels()).containsEntry("a", "b");
        assertThat(Codec.sameContent(fn, copy)).isFalse();
    }

    @Test
    void separatorsMayCarryContentAndEmptyDocumentsAreDropped() {
        String text = "# comment only\n---\n--- kind: Function\nmetadata: {name: a}\n...\n---\n\n";

        List<Codec.YamlDocument> docs = Codec.splitDocuments(text);

        assertThat(docs).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(Codec.readObject(d.text())).isInstanceOf(Function.class);
        });
    }
}
