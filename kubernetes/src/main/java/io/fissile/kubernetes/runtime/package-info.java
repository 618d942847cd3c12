/**
 * The Kubernetes instance runtime behind {@link io.fissile.kubernetes.KubernetesRuntimes}: claims pool
 * pods, scales functions' Deployments, and specializes pods through their fetchers.
 */
package io.fissile.kubernetes.runtime;
