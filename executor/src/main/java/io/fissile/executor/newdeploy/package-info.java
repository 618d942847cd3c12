/**
 * The newdeploy executor type ({@link io.fissile.executor.newdeploy.NewdeployType}): instances
 * dedicated to one function, specialized as they start, between MinScale and MaxScale, scaled by a
 * concurrency-driven autoscaler in the manner of Knative's KPA
 * ({@link io.fissile.executor.newdeploy.ConcurrencyAutoscaler}), and to zero when MinScale is 0.
 */
package io.fissile.executor.newdeploy;
