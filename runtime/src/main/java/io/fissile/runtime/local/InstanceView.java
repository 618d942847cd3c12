package io.fissile.runtime.local;

/**
 * Paths as an instance's own code sees them: fixed paths inside a sandbox, host paths without one.
 *
 * @param userfunc where its package is ({@code USERFUNC_DIR})
 * @param secrets {@code SECRETS_DIR}
 * @param configs {@code CONFIGS_DIR}
 * @param runtimeDir the runtime's extracted files, or null for a user command
 * @param tmp its private temporary directory, or null when {@code /tmp} is already private (sandbox)
 * @param sharedArchive the JVM's class-data sharing archive, or null for other runtimes
 */
record InstanceView(String userfunc, String secrets, String configs, String runtimeDir, String tmp,
                    String sharedArchive) {
}
