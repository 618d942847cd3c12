/**
 * Making an instance run a function, the same for every executor type
 * ({@link io.fissile.executor.specialize.Specializer}: package and its build, environment, package on
 * disk, placement, the environment's specialize call), with the one step that differs, getting a
 * generic instance, left to the type ({@link io.fissile.executor.specialize.InstanceSupply}); and what
 * to start for an environment or a function ({@link io.fissile.executor.specialize.InstanceSpecs}).
 */
package io.fissile.executor.specialize;
