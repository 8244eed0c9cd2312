/**
 * The JSON mapping of the cee-rules contract (see the README, "JSON contract"), written with
 * Jackson's streaming API only: {@link org.ceerules.examples.json.JsonRequestReader} maps one JSON request to a
 * {@link org.ceerules.api.RoutingRequest}, {@link org.ceerules.examples.json.RequestStream} splits
 * an input into requests (one pretty-printed request, or JSON Lines),
 * {@link org.ceerules.examples.json.MessageReader} reads the one request of a message (a Kafka
 * record's value) by the same rules as a line, and
 * {@link org.ceerules.examples.json.JsonResultWriter} writes decisions, explanations and errors as
 * JSON Lines.
 *
 * <p>Limits against hostile input: a line of input is at most
 * {@value org.ceerules.examples.json.RequestStream#MAX_LINE_BYTES} bytes of UTF-8, decoded strictly;
 * a request (a line, or a whole pretty-printed input) at most
 * {@value org.ceerules.examples.json.JsonRequestReader#MAX_REQUEST_CHARS} characters; objects and
 * arrays nest at most {@value org.ceerules.examples.json.JsonRequestReader#MAX_DEPTH} levels deep; at
 * most {@value org.ceerules.examples.json.JsonRequestReader#MAX_LINES} lines of an entry are read and
 * at most {@value org.ceerules.examples.json.JsonRequestReader#MAX_UNKNOWN_FIELDS_NAMED} unknown
 * fields named. Input beyond them is reported as an error for that request, never read into memory
 * whole, and the requests after it are read.
 */
package org.ceerules.examples.json;
