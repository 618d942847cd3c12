package io.fissile.runtime.local;

import io.fissile.runtime.InstanceSpec;

/**
 * Everything known about an instance before its process starts.
 *
 * @param id the instance id
 * @param spec what to start
 * @param dir its private directory
 * @param runtime the runtime's extracted files, or null for a user command
 * @param port the loopback port it is to listen on
 * @param sharedArchive the JVM archive it may use or create, or null for other runtimes
 */
record LaunchRequest(String id, InstanceSpec spec, InstanceDirectory dir, InstalledRuntime runtime, int port,
                     SharedArchive sharedArchive) {
}
