package io.fissile.cli;

import io.fissile.api.Codec;
import io.fissile.api.v1.CanaryConfig;
import io.fissile.api.v1.CanaryConfigSpec;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.HTTPTriggerSpec;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.KubernetesWatchTrigger;
import io.fissile.api.v1.KubernetesWatchTriggerSpec;
import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.api.v1.MessageQueueTriggerSpec;
import io.fissile.api.v1.TimeTrigger;
import io.fissile.api.v1.TimeTriggerSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Create, get, update, list and delete of each trigger kind and of canary configs. */
class TriggerCommandsTest {
    @RegisterExtension
    static final FissileServer server = new FissileServer();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(server, dir);
    }

    private static String specJson(String yaml, Class<?> type) {
        return Codec.toJson(Codec.fromYaml(yaml, type));
    }

    private static List<String> header(String table) {
        return Arrays.asList(table.lines().findFirst().orElseThrow().split(" +"));
    }

    @Test
    void httpTrigger() {
        assertThat(cli.ok("route", "create", "--name", "hello-route", "--function", "hello", "--url", "/hello/{name}",
                "--method", "GET", "--method", "post", "--host", "example.com")).isEqualTo("trigger 'hello-route' created\n");

        HTTPTrigger route = Codec.readResource(cli.ok("httptrigger", "get", "--name", "hello-route", "-o", "yaml"), Kinds.HTTP_TRIGGER);
        assertThat(Codec.toJson(route.spec())).isEqualTo(specJson("""
                host: example.com
                relativeurl: /hello/{name}
                methods: [GET, POST]
                functionref: {type: name, name: hello}
                """, HTTPTriggerSpec.class));

        assertThat(cli.ok("ht", "update", "--name", "hello-route", "--function", "hello", "--weight", "80",
                "--function", "hello-v2", "--weight", "20")).isEqualTo("trigger 'hello-route' updated\n");

        String table = cli.ok("route", "list");
        assertThat(header(table)).containsExactly("NAME", "METHOD", "URL", "FUNCTION(s)", "INGRESS", "HOST", "PATH", "TLS",
                "ANNOTATIONS", "NAMESPACE");
        assertThat(table).containsPattern("(?m)^hello-route +\\[GET POST] +/hello/\\{name} +hello:80 hello-v2:20 +false +example.com +/hello/\\{name} +default$");
        assertThat(cli.ok("route", "list", "--function", "hello-v2")).contains("hello-route");
        assertThat(cli.ok("route", "list", "--function", "nobody").lines()).hasSize(1);

        assertThat(cli.ok("route", "delete", "--name", "hello-route")).isEqualTo("trigger 'hello-route' deleted\n");
        assertThat(server.client().get(Kinds.HTTP_TRIGGER, "default", "hello-route")).isEmpty();
    }

    @Test
    void httpTriggerWithoutNameGetsAGeneratedOneAndIngressDefaults() {
        String out = cli.ok("route", "create", "--function", "greeter", "--prefix", "api", "--keepprefix", "--createingress");
        String name = out.substring("trigger '".length(), out.indexOf("' created"));
        assertThat(name).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        HTTPTrigger route = server.client().get(Kinds.HTTP_TRIGGER, "default", name).orElseThrow();
        assertThat(route.spec().prefix()).isEqualTo("/api");
        assertThat(route.spec().keepPrefix()).isTrue();
        assertThat(route.spec().methods()).containsExactly("GET");
        assertThat(route.spec().createIngress()).isTrue();
        assertThat(route.spec().ingressConfig().host()).isEqualTo("*");
        assertThat(route.spec().ingressConfig().path()).isEqualTo("/api");

        assertThat(cli.ok("route", "delete", "--function", "greeter")).isEqualTo("trigger '" + name + "' deleted\n");
    }

    @Test
    void timeTrigger() {
        String created = cli.ok("tt", "create", "--name", "every-minute", "--function", "hello", "--cron", "@every 1m",
                "--method", "GET", "--subpath", "/tick");
        assertThat(created).startsWith("trigger 'every-minute' created\nCurrent Time: \t").contains("\nNext 1 invocation: \t");

        TimeTrigger timer = Codec.readResource(cli.ok("timer", "get", "--name", "every-minute", "-o", "yaml"), Kinds.TIME_TRIGGER);
        assertThat(Codec.toJson(timer.spec())).isEqualTo(specJson("""
                cron: "@every 1m"
                functionref: {type: name, name: hello}
                method: GET
                subpath: /tick
                """, TimeTriggerSpec.class));

        assertThat(cli.ok("timetrigger", "update", "--name", "every-minute", "--cron", "30 * * * *"))
                .startsWith("trigger 'every-minute' updated\n");

        String table = cli.ok("tt", "list");
        assertThat(header(table)).containsExactly("NAME", "CRON", "FUNCTION_NAME", "METHOD", "SUBPATH");
        assertThat(table).containsPattern("(?m)^every-minute +30 \\* \\* \\* \\* +hello +GET +/tick$");

        assertThat(cli.ok("tt", "delete", "--name", "every-minute")).isEqualTo("trigger 'every-minute' deleted\n");
        assertThat(server.client().get(Kinds.TIME_TRIGGER, "default", "every-minute")).isEmpty();
    }

    @Test
    void showScheduleListsTheNextInvocations() {
        String out = cli.ok("tt", "showschedule", "--cron", "0 0 * * *", "--round", "3");
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("Current Time: \t");
        for (int i = 1; i <= 3; i++) assertThat(lines.get(i)).matches("Next " + i + " invocation: \t\\d{4}-\\d\\d-\\d\\dT00:00:00Z");

        Cli.Run bad = cli.run("tt", "show", "--cron", "61 * * * *");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).startsWith("Error: --cron: \"61 * * * *\" is not a valid schedule");
    }

    @Test
    void messageQueueTrigger() {
        assertThat(cli.ok("mqt", "create", "--name", "orders", "--function", "hello", "--topic", "orders",
                "--resptopic", "receipts", "--errortopic", "failures", "--maxretries", "3", "--metadata", "bootstrapServers=kafka:9092",
                "--metadata", "consumerGroup=shop")).isEqualTo("trigger 'orders' created\n");

        MessageQueueTrigger mqt = Codec.readResource(cli.ok("mqtrigger", "get", "--name", "orders", "-o", "yaml"),
                Kinds.MESSAGE_QUEUE_TRIGGER);
        assertThat(Codec.toJson(mqt.spec())).isEqualTo(specJson("""
                functionref: {type: name, name: hello}
                messageQueueType: kafka
                topic: orders
                respTopic: receipts
                errorTopic: failures
                maxRetries: 3
                contentType: application/json
                pollingInterval: 30
                cooldownPeriod: 300
                minReplicaCount: 0
                maxReplicaCount: 100
                metadata: {bootstrapServers: "kafka:9092", consumerGroup: shop}
                mqtkind: keda
                """, MessageQueueTriggerSpec.class));

        assertThat(cli.ok("mqt", "update", "--name", "orders", "--maxretries", "5", "--contenttype", "text/plain"))
                .isEqualTo("trigger 'orders' updated\n");

        String table = cli.ok("messagequeue", "list");
        assertThat(header(table)).containsExactly("NAME", "FUNCTION_NAME", "MESSAGE_QUEUE_TYPE", "TOPIC", "RESPONSE_TOPIC",
                "ERROR_TOPIC", "MAX_RETRIES", "PUB_MSG_CONTENT_TYPE", "NAMESPACE", "STATUS");
        assertThat(table).containsPattern("(?m)^orders +hello +kafka +orders +receipts +failures +5 +text/plain +default$");

        assertThat(cli.ok("mqt", "delete", "--name", "orders")).isEqualTo("trigger 'orders' deleted\n");
        assertThat(server.client().get(Kinds.MESSAGE_QUEUE_TRIGGER, "default", "orders")).isEmpty();
    }

    @Test
    void messageQueueTriggerRefusesToAnswerOnItsOwnTopic() {
        Cli.Run run = cli.run("mqt", "create", "--function", "hello", "--topic", "loop", "--resptopic", "loop");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: --topic and --resptopic must differ");
    }

    @Test
    void kubernetesWatch() {
        assertThat(cli.ok("watch", "create", "--name", "pods", "--function", "hello", "--ns", "web", "--labels", "app=shop,tier=front"))
                .isEqualTo("trigger 'pods' created\n");

        KubernetesWatchTrigger watch = Codec.readResource(cli.ok("w", "get", "--name", "pods", "-o", "yaml"),
                Kinds.KUBERNETES_WATCH_TRIGGER);
        assertThat(Codec.toJson(watch.spec())).isEqualTo(specJson("""
                namespace: web
                type: pod
                labelselector: {app: shop, tier: front}
                functionref: {type: name, name: hello}
                """, KubernetesWatchTriggerSpec.class));

        assertThat(cli.ok("watch", "update", "--name", "pods", "--type", "service")).isEqualTo("trigger 'pods' updated\n");

        String table = cli.ok("watch", "list");
        assertThat(header(table)).containsExactly("NAME", "NAMESPACE", "OBJTYPE", "LABELS", "FUNCTION_NAME");
        assertThat(table).containsPattern("(?m)^pods +web +service +app=shop,tier=front +hello$");

        assertThat(cli.ok("watch", "delete", "--name", "pods")).isEqualTo("trigger 'pods' deleted\n");
        assertThat(server.client().get(Kinds.KUBERNETES_WATCH_TRIGGER, "default", "pods")).isEmpty();
    }

    @Test
    void canaryConfig() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("v.js"), "module.exports = () => 'v';\n");
        cli.ok("fn", "create", "--name", "stable", "--env", "nodejs", "--code", "v.js");
        cli.ok("fn", "create", "--name", "next", "--env", "nodejs", "--code", "v.js");
        cli.ok("route", "create", "--name", "split", "--url", "/split", "--function", "stable", "--weight", "100",
                "--function", "next", "--weight", "0");

        assertThat(cli.ok("canary", "create", "--name", "rollout", "--httptrigger", "split", "--newfunction", "next",
                "--oldfunction", "stable", "--increment-step", "25")).isEqualTo("canary config 'rollout' created\n");

        CanaryConfig canary = Codec.readResource(cli.ok("canaryconfig", "get", "--name", "rollout", "-o", "yaml"), Kinds.CANARY_CONFIG);
        assertThat(Codec.toJson(canary.spec())).isEqualTo(specJson("""
                trigger: split
                newfunction: next
                oldfunction: stable
                weightincrement: 25
                duration: 2m
                failurethreshold: 10
                failureType: status-code
                """, CanaryConfigSpec.class));
        assertThat(canary.status().status()).isEqualTo("pending");

        assertThat(cli.ok("canary", "update", "--name", "rollout", "--increment-interval", "5m", "--failure-threshold", "5"))
                .isEqualTo("canary config 'rollout' updated\n");

        String table = cli.ok("canary", "list");
        assertThat(header(table)).containsExactly("NAME", "TRIGGER", "FUNCTION-N", "FUNCTION-N-1", "WEIGHT-INCREMENT", "INTERVAL",
                "FAILURE-THRESHOLD", "FAILURE-TYPE", "STATUS");
        assertThat(table).containsPattern("(?m)^rollout +split +next +stable +25 +5m +5 +status-code +pending$");

        assertThat(cli.ok("canary", "delete", "--name", "rollout")).isEqualTo("canary config 'rollout' deleted\n");
        assertThat(server.client().get(Kinds.CANARY_CONFIG, "default", "rollout")).isEmpty();
    }

    @Test
    void canaryNeedsARouteThatSplitsTrafficByWeight() {
        cli.ok("route", "create", "--name", "plain", "--url", "/plain", "--function", "stable");
        Cli.Run run = cli.run("canary", "create", "--name", "c", "--httptrigger", "plain", "--newfunction", "next", "--oldfunction", "stable");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: trigger 'plain' does not split traffic by weight");
    }
}
