/**
 * Batch cleaning for corpora: one record in, one record out. {@link dev.winnow.batch.RecordCleaner}
 * holds the record rules that the {@code batch} command and {@code POST /v1/clean/batch} share;
 * {@link dev.winnow.batch.BatchRunner} streams any {@link dev.winnow.batch.RecordSource} through
 * it on every core with bounded memory and ordered output. Plain Java plus Jackson and jwarc: no
 * Quarkus, so it runs wherever the core does.
 */
package dev.winnow.batch;
