/**
 * The poolmgr executor type: warm generic instances per environment
 * ({@code WarmPool}), specialized for a function on demand
 * ({@code PoolSpecializer}: package, environment, warm instance, placement, specialize call), and
 * the informer listeners that retire instances when functions, packages or environments change.
 */
package io.fissile.executor.poolmgr;
