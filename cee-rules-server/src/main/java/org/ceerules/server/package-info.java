/**
 * The decision service: the JSON contract of cee-rules over HTTP. {@link
 * org.ceerules.server.DecisionServer#start(org.ceerules.api.Router, org.ceerules.server.ServerSettings)}
 * starts one; {@link org.ceerules.server.ServerSettings} says where it listens and its limits. The
 * command line runs it as {@code cee-rules serve}. Every answer of {@code /v1/} is the bytes the
 * command line writes for the same input. See {@code docs/server.md}.
 */
package org.ceerules.server;
