package io.fissile.spec;

import io.fissile.api.v1.Kinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** apply --watch applies again when a spec file or an included source file changes. */
class WatchTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    final RunningController server = new RunningController();

    @TempDir
    Path tmp;

    @Test
    void theCommandAppliesAgainAfterASpecFileChangesUntilInterrupted() throws Exception {
        SpecProject project = SpecProject.copy("hello", tmp);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SpecCommand(server::client))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true));
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread watching = new Thread(() -> exitCode.set(cli.execute("apply", "--watch", "--specdir", project.specDir().toString())));
        watching.start();
        await(() -> out.toString().contains("Watching"), out::toString);
        assertThat(out.toString()).contains("5 created");

        project.edit("specs/route-hello.yaml", "relativeurl: /hello", "relativeurl: /hi");

        await(() -> out.toString().contains("HTTPTrigger default/hello-route updated"), out::toString);
        assertThat(out.toString()).contains("Noticed a change (specs/route-hello.yaml)", "1 updated, 4 unchanged");
        assertThat(server.client().get(Kinds.HTTP_TRIGGER, "default", "hello-route").orElseThrow().spec().relativeUrl()).isEqualTo("/hi");

        watching.interrupt();
        watching.join(PATIENCE.toMillis());
        assertThat(watching.isAlive()).isFalse();
        assertThat(exitCode.get()).isZero();
    }

    @Test
    void theWatcherAppliesAgainAfterASourceFileChangesUntilClosed() throws Exception {
        SpecProject project = SpecProject.copy("hello", tmp);
        StringBuffer log = new StringBuffer();
        SpecApplier applier = new SpecApplier(server.client(), ApplyOptions.defaults(), line -> log.append(line).append('\n'));
        Supplier<SpecSet> applyOnce = () -> {
            SpecSet specs = project.read();
            log.append(applier.apply(specs).summary()).append('\n');
            return specs;
        };
        SpecWatcher watcher = new SpecWatcher(applyOnce, line -> log.append(line).append('\n'), Duration.ofMillis(100));
        Thread running = new Thread(watcher::run);
        running.start();
        await(() -> log.toString().contains("Watching"), log::toString);

        project.write("hello.js", "module.exports = async () => ({ status: 200, body: 'changed' });\n");

        await(() -> log.toString().contains("Package default/hello-5d1c updated"), log::toString);
        assertThat(log.toString()).contains("Noticed a change (hello.js)");
        assertThat(new String(server.client().get(Kinds.PACKAGE, "default", "hello-5d1c").orElseThrow()
                .spec().deployment().literal())).contains("changed");

        watcher.close();
        running.join(PATIENCE.toMillis());
        assertThat(running.isAlive()).isFalse();
    }

    private static void await(BooleanSupplier condition, Supplier<String> output) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("gave up waiting; output so far:\n" + output.get());
            Thread.sleep(50);
        }
    }
}
