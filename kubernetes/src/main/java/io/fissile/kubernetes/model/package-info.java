/**
 * Pure model classes that turn Fissile's resources into the Kubernetes objects that run them (pool
 * Deployments, functions' Deployments and Services, the fetcher sidecar, volumes, limits, names and
 * labels), Strimzi-style: no I/O, unit-tested on their own; the runtime applies them.
 */
package io.fissile.kubernetes.model;
