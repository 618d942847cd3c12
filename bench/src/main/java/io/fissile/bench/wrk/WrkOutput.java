package io.fissile.bench.wrk;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code wrk --latency} prints. Times come with wrk's units ({@code us}, {@code ms},
 * {@code s}, {@code m}, {@code h}) and are turned into milliseconds.
 */
public final class WrkOutput {
    private static final Pattern LATENCY = Pattern.compile("^\\s*Latency\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+\\S+%\\s*$");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)%\\s+(\\S+)\\s*$");
    private static final Pattern TOTAL = Pattern.compile("^\\s*(\\d+) requests in (\\S+), \\S+ read\\s*$");
    private static final Pattern RATE = Pattern.compile("^\\s*Requests/sec:\\s+(\\S+)\\s*$");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "^\\s*Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)\\s*$");
    private static final Pattern NON_2XX = Pattern.compile("^\\s*Non-2xx or 3xx responses: (\\d+)\\s*$");
    private static final Pattern TIME = Pattern.compile("^(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)$");
    private static final Map<String, Double> MILLIS_PER_UNIT = Map.of(
            "us", 0.001, "ms", 1.0, "s", 1_000.0, "m", 60_000.0, "h", 3_600_000.0);
    private static final Set<String> PERCENTILES_NEEDED = Set.of("50", "75", "90", "99");

    private WrkOutput() {
    }

    /** @throws IllegalArgumentException when a figure is missing (e.g. wrk ran without --latency) or unreadable */
    public static WrkResult parse(String output) {
        Double rate = null;
        Long requests = null;
        double seconds = 0;
        double average = Double.NaN;
        double max = Double.NaN;
        long errors = 0;
        Map<String, Double> percentiles = new HashMap<>();
        for (String line : output.split("\\R")) {
            Matcher m;
            if ((m = LATENCY.matcher(line)).matches()) {
                average = millis(m.group(1));
                max = millis(m.group(3));
            } else if ((m = PERCENTILE.matcher(line)).matches()) {
                percentiles.put(m.group(1), millis(m.group(2)));
            } else if ((m = TOTAL.matcher(line)).matches()) {
                requests = Long.parseLong(m.group(1));
                seconds = millis(m.group(2)) / 1000;
            } else if ((m = RATE.matcher(line)).matches()) {
                rate = Double.parseDouble(m.group(1));
            } else if ((m = SOCKET_ERRORS.matcher(line)).matches()) {
                for (int group = 1; group <= 4; group++) errors += Long.parseLong(m.group(group));
            } else if ((m = NON_2XX.matcher(line)).matches()) {
                errors += Long.parseLong(m.group(1));
            }
        }
        if (rate == null || requests == null || Double.isNaN(average) || !percentiles.keySet().containsAll(PERCENTILES_NEEDED)) {
            throw new IllegalArgumentException("not the output of wrk --latency (missing Requests/sec, the request count, "
                    + "Latency or its distribution):\n" + output);
        }
        return new WrkResult(rate, requests, seconds, average, max,
                percentiles.get("50"), percentiles.get("75"), percentiles.get("90"), percentiles.get("99"), errors);
    }

    /** A wrk time such as {@code 527.00us} or {@code 1.02s}, in milliseconds. */
    static double millis(String time) {
        Matcher m = TIME.matcher(time);
        if (!m.matches()) throw new IllegalArgumentException("not a wrk time: " + time);
        return Double.parseDouble(m.group(1)) * MILLIS_PER_UNIT.get(m.group(2));
    }
}
