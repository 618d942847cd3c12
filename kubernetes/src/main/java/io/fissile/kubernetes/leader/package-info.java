/**
 * Leader election on a Lease with fabric8's elector, campaigning again after a loss, and the
 * switch that runs a component only while leading. Use {@link io.fissile.kubernetes.LeaderOnly}.
 */
package io.fissile.kubernetes.leader;
