/**
 * Time triggers: a scheduler thread decides which trigger fires at which scheduled time
 * ({@code TimerEngine}), records each firing in the trigger's status before calling
 * ({@code FiringLedger}), and calls through the router on threads of their own ({@code FiringCaller}).
 */
package io.fissile.triggers.timer;
