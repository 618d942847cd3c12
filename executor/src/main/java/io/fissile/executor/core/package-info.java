/**
 * An executor assembled ({@link io.fissile.executor.core.ExecutorCore}): the parts every executor
 * type shares (function table, package cache, specializer, idle reaper, the informer listeners that
 * retire instances when functions, packages or environments change, live stats) and the
 * {@link io.fissile.executor.core.ExecutorType}s it dispatches functions to by their
 * {@code ExecutorType}.
 */
package io.fissile.executor.core;
