/**
 * The HTTP layer: {@code POST /v1/clean}, {@code GET /v1/labels}, the model's start-up and
 * readiness, the block counter and configuration. It only translates between HTTP and
 * {@link dev.winnow.core.Winnow}; every decision about blocks is the core's.
 */
package dev.winnow.http;
