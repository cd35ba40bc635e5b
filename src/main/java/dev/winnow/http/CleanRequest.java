package dev.winnow.http;

import dev.winnow.core.CleanOptions;
import dev.winnow.core.Input;

/** One parsed {@code POST /v1/clean}: the document and what to do with it. */
record CleanRequest(Input input, CleanOptions options) {
}
