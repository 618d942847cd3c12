/**
 * Kubernetes watch triggers: shared informers per (namespace, kind), one subscription per trigger
 * filtering by its label selector, and ordered delivery of each event to the function through the
 * router. Use {@link io.fissile.kubernetes.KubernetesWatchTriggers} to start them.
 */
package io.fissile.kubernetes.watch;
