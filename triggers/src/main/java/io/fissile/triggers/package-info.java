/** Calls functions on events other than HTTP requests: cron timers and message queues. */
package io.fissile.triggers;
