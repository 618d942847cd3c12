package io.fissile.triggers.timer;

import io.fissile.triggers.FunctionInvoker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Makes a firing's call through the router: the trigger's method and subpath, an empty body, the
 * header {@code X-Fission-Timer-Name} as Fission sends it, and {@code X-Fissile-Timer-Scheduled-Time}
 * (a Fissile extension) so that a function can tell scheduled times apart. As Fission does, a router
 * that cannot be reached is tried again a few times; an answer, whatever its status, is final.
 */
final class FiringCaller implements Consumer<Firing> {
    static final String TIMER_NAME_HEADER = "X-Fission-Timer-Name";
    static final String SCHEDULED_TIME_HEADER = "X-Fissile-Timer-Scheduled-Time";
    private static final Logger log = LoggerFactory.getLogger(FiringCaller.class);
    /** Fission's timer waits up to an hour; the router's functionTimeout usually answers first. */
    private static final Duration CALL_TIMEOUT = Duration.ofHours(1);
    private static final int CONNECT_ATTEMPTS = 5;
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(500);

    private final FunctionInvoker invoker;
    private final TimerCounters counters;

    FiringCaller(FunctionInvoker invoker, TimerCounters counters) {
        this.invoker = invoker;
        this.counters = counters;
    }

    @Override
    public void accept(Firing firing) {
        TimerTarget target = firing.target();
        Map<String, String> headers = Map.of(TIMER_NAME_HEADER, firing.trigger(),
                SCHEDULED_TIME_HEADER, firing.scheduled().toString());
        Duration delay = FIRST_RETRY_DELAY;
        for (int attempt = 1; ; attempt++) {
            try {
                FunctionInvoker.Result result = invoker.invoke(firing.namespace(), target.function(), target.method(),
                        target.subpath(), headers, null, CALL_TIMEOUT);
                counters.fired(result.succeeded());
                if (result.succeeded()) {
                    log.debug("{}: called {} for {}: {}", firing.describe(), target.function(), firing.scheduled(), result.status());
                } else {
                    log.warn("{}: function {} answered {} for the firing scheduled at {}: {}", firing.describe(),
                            target.function(), result.status(), firing.scheduled(), abbreviated(result.bodyAsString()));
                }
                return;
            } catch (ConnectException e) {
                if (attempt == CONNECT_ATTEMPTS) {
                    failed(firing, "the router could not be reached after " + attempt + " attempts: " + e);
                    return;
                }
            } catch (IOException e) {
                failed(firing, e.toString());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed(firing, "interrupted");
                return;
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed(firing, "interrupted");
                return;
            }
            delay = delay.multipliedBy(2);
        }
    }

    private void failed(Firing firing, String why) {
        counters.fired(false);
        log.warn("{}: calling function {} for the firing scheduled at {} failed: {}", firing.describe(),
                firing.target().function(), firing.scheduled(), why);
    }

    private static String abbreviated(String body) {
        String line = body.strip().replace('\n', ' ');
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
