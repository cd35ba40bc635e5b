/**
 * Every error answer of the API, in one place: RFC 7807 {@code application/problem+json}
 * bodies, one exception mapper per kind of failure. No stack trace ever reaches a client.
 */
package dev.winnow.http.problem;
