package io.fissile.kubernetes.model;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Names the executor that claimed a pod, as the value of {@link PodLabels#EXECUTOR}: its pod's name
 * ({@code POD_NAME}, from the downward API), else the host's name, so that a restarted container of the
 * same pod recognises its own claims and others can check whether the claimant's pod still exists.
 */
public final class ExecutorIdentity {

    private ExecutorIdentity() {
    }

    /** This process's identity, already a valid label value. */
    public static String fromEnvironment() {
        String pod = System.getenv("POD_NAME");
        if (pod != null && !pod.isBlank()) return sanitize(pod);
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) return sanitize(host);
        try {
            return sanitize(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return "fissile";
        }
    }

    /**
     * A label value made of {@code name}: characters outside {@code [A-Za-z0-9._-]} become {@code -}, at most
     * 63 characters, starting and ending alphanumeric; {@code fissile} when nothing is left.
     */
    public static String sanitize(String name) {
        String cleaned = name.strip().replaceAll("[^A-Za-z0-9._-]", "-");
        if (cleaned.length() > KubernetesNames.MAX_LABEL) cleaned = cleaned.substring(0, KubernetesNames.MAX_LABEL);
        cleaned = cleaned.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
        return cleaned.isEmpty() ? "fissile" : cleaned;
    }
}
