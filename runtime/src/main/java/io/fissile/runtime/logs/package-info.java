/**
 * Function logs on disk: {@link io.fissile.runtime.logs.FileFunctionLogs}, one capped, rotated file
 * per function with tab-separated rows that tools can read as well as the server.
 */
package io.fissile.runtime.logs;
