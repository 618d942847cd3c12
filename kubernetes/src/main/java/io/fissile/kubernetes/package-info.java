/** Kubernetes mode: the same components on a cluster's CRDs and pods. */
package io.fissile.kubernetes;
