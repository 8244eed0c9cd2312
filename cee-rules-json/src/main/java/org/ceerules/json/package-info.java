/**
 * The JSON mapping of the cee-rules contract (see the README, "JSON contract"), written with
 * Jackson's streaming API only: {@link org.ceerules.json.JsonRequestReader} maps one JSON request to a
 * {@link org.ceerules.api.RoutingRequest}, {@link org.ceerules.json.RequestStream} splits
 * an input into requests (one pretty-printed request, or JSON Lines),
 * {@link org.ceerules.json.MessageReader} reads the one request of a message (a Kafka
 * record's value) by the same rules as a line, and
 * {@link org.ceerules.json.JsonResultWriter} writes decisions, explanations and errors as
 * JSON Lines.
 *
 * <p>Limits against hostile input: a line of input is at most
 * {@value org.ceerules.json.RequestStream#MAX_LINE_BYTES} bytes of UTF-8, decoded strictly;
 * a request (a line, or a whole pretty-printed input) at most
 * {@value org.ceerules.json.JsonRequestReader#MAX_REQUEST_CHARS} characters; objects and
 * arrays nest at most {@value org.ceerules.json.JsonRequestReader#MAX_DEPTH} levels deep; at
 * most {@value org.ceerules.json.JsonRequestReader#MAX_LINES} lines of an entry are read and
 * at most {@value org.ceerules.json.JsonRequestReader#MAX_UNKNOWN_FIELDS_NAMED} unknown
 * fields named. Input beyond them is reported as an error for that request, never read into memory
 * whole, and the requests after it are read.
 */
package org.ceerules.json;
