/**
 * Speed benchmarks, kept apart from the tests: JMH benchmarks of the whole pipeline against a
 * Jsoup parse-and-walk floor and boilerpipe ({@link dev.winnow.bench.PipelineBenchmark}), of
 * each stage ({@link dev.winnow.bench.StageBenchmark}), a per-page timing harness
 * ({@link dev.winnow.bench.StageTimes}) and a JFR hot-method summary
 * ({@link dev.winnow.bench.HotMethods}). The default build compiles them; only the {@code bench}
 * profile's {@code target/benchmarks.jar} runs them. See {@code docs/performance.md}.
 */
package dev.winnow.bench;
