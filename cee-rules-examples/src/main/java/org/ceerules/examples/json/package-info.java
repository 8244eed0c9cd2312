/**
 * The JSON mapping of the cee-rules contract (DESIGN section 4), written with Jackson's streaming
 * API only: {@link org.ceerules.examples.json.JsonRequestReader} maps one JSON request to a
 * {@link org.ceerules.api.RoutingRequest}, {@link org.ceerules.examples.json.RequestStream} splits
 * an input into requests (one pretty-printed request, or JSON Lines), and
 * {@link org.ceerules.examples.json.JsonResultWriter} writes decisions, explanations and errors as
 * JSON Lines.
 *
 * <p>Limits against hostile input: a request (a line of JSON Lines, or a whole pretty-printed
 * input) is at most {@value org.ceerules.examples.json.JsonRequestReader#MAX_REQUEST_CHARS}
 * characters, and objects and arrays nest at most
 * {@value org.ceerules.examples.json.JsonRequestReader#MAX_DEPTH} levels deep. Input beyond them
 * is reported as an error for that request, never read into memory whole.
 */
package org.ceerules.examples.json;
