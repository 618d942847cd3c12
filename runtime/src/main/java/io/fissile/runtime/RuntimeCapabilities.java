package io.fissile.runtime;

/**
 * What the local machine lets the runtime do.
 *
 * @param sandboxed instances run in a bubblewrap sandbox (their own /userfunc, /secrets, /configs and /tmp; nothing of the server's files)
 * @param memoryLimits memory limits are enforced by the kernel (cgroups)
 * @param cpuLimits CPU limits are enforced by the kernel (cgroups)
 * @param notes what is missing and why, for the server's start-up message
 */
public record RuntimeCapabilities(boolean sandboxed, boolean memoryLimits, boolean cpuLimits, String notes) {
}
