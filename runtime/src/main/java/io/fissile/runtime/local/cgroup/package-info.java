/**
 * Cgroups for instances: detection ({@link io.fissile.runtime.local.cgroup.CgroupProbe}) and per-instance
 * cgroups with memory and CPU limits on cgroup v1 and v2.
 */
package io.fissile.runtime.local.cgroup;
