/**
 * The instance model every executor type shares. A {@link io.fissile.executor.instances.FunctionTable}
 * holds each function's current {@link io.fissile.executor.instances.InstanceGroup} (the instances of
 * one version) and the retired ones still draining. A group leases room on its instances, queues
 * requests when there is none, has one instance at a time made ready by its
 * {@link io.fissile.executor.instances.InstanceSource} (the only part an executor type supplies),
 * reaps idle instances and replaces dead ones.
 */
package io.fissile.executor.instances;
