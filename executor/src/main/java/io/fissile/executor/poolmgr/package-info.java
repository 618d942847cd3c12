/**
 * The poolmgr executor type ({@link io.fissile.executor.poolmgr.PoolmgrType}): warm generic instances
 * per environment ({@code WarmPool}), one of which is specialized for a function on demand
 * ({@code PoolSource}).
 */
package io.fissile.executor.poolmgr;
