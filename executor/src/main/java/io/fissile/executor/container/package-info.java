/** The container executor type: a function's own program as dedicated, autoscaled instances. */
package io.fissile.executor.container;
