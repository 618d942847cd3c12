package io.fissile.bench.report;

import io.fissile.bench.platform.Tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the figures were measured: they mean little without the machine, the versions and how busy
 * the machine already was (the load average before the run).
 */
public record Machine(int cores, String os, String jdk, String commit, String loadAverage, String wrk, String nginx) {

    public static Machine describe(String wrk, String nginx) {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Tools.firstLine(List.of("git", "-C", Path.of("").toAbsolutePath().toString(), "rev-parse", "--short", "HEAD")),
                currentLoadAverage(), wrk, nginx);
    }

    /** The 1, 5 and 15 minute load averages, from Linux's /proc. */
    private static String currentLoadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return String.join(" ", fields[0], fields[1], fields[2]);
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }
}
