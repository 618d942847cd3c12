/**
 * The local {@link io.fissile.runtime.InstanceRuntime}: instances as OS processes on loopback ports.
 * {@link io.fissile.runtime.local.LocalProcessRuntime} and its {@link io.fissile.runtime.local.LocalRuntimeOptions}
 * are the public part; everything else here serves them: extracting the shipped runtimes
 * ({@code RuntimeInstaller}), their command lines ({@code *Program}), the bubblewrap sandbox or plain
 * processes ({@code Confinement}), cgroups ({@code cgroup} subpackage), output capture
 * ({@code InstanceOutput}) and exit handling ({@code LocalInstance}, {@code ExitClassifier}).
 */
package io.fissile.runtime.local;
