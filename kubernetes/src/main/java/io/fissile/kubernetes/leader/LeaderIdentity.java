package io.fissile.kubernetes.leader;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Names this replica in a Lease: its pod name (or host name) and a random suffix, unique per process. */
public final class LeaderIdentity {
    private LeaderIdentity() {
    }

    /**
     * {@code POD_NAME} (set from the downward API), else {@code HOSTNAME} (a pod's name by default),
     * else the host's name; then a random suffix, so that two electors in one process differ too.
     */
    public static String generate() {
        return base() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static String base() {
        for (String variable : new String[]{"POD_NAME", "HOSTNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) return value.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "fissile";
        }
    }
}
