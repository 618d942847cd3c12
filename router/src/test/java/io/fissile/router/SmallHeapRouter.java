package io.fissile.router;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * A router in a JVM of its own, so that a test can give it a small heap: {@code main(directory,
 * instancePort)} routes {@code /fission-function/big} to the instance on that port and says
 * {@code listening on 127.0.0.1:<port>}. Each line {@code heap} on its input makes it collect
 * garbage and say {@code heap <bytes used>}; the end of its input stops it.
 */
final class SmallHeapRouter {

    private SmallHeapRouter() {
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress instance = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1]));
        try (LeasingExecutor executor = new LeasingExecutor(new Elsewhere(instance));
             RouterHarness router = RouterHarness.start(Path.of(args[0]), executor, new RouterOptions())) {
            router.createFunction("big");
            router.awaitStatus("/fission-function/big/status?code=200", 200);
            System.out.println("router listening on 127.0.0.1:" + router.port());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null; command = commands.readLine()) {
                if (command.equals("heap")) System.out.println("heap " + heapUsedAfterGc());
            }
        }
    }

    private static long heapUsedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** An instance some other process started and owns. */
    private record Elsewhere(InetSocketAddress address) implements UpstreamInstance {
        @Override
        public CompletableFuture<Integer> exited() {
            return new CompletableFuture<>();
        }

        @Override
        public String output() {
            return "";
        }

        @Override
        public void close() {
        }
    }
}
