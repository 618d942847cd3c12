/**
 * The secrets and config maps a function names, as files in each of its instances, kept current
 * while the instances run.
 */
package io.fissile.executor.mounts;
