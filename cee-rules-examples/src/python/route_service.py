#!/usr/bin/env python3
"""Routes requests through the cee-rules decision service, with Python's standard library only.

    python3 route_service.py [--explain] BASE_URL FILE

BASE_URL is where `cee-rules serve` listens (http://127.0.0.1:8080/). FILE (or - for standard
input) holds one request, pretty-printed or not, or JSON Lines: one request per line. Prints what
`cee-rules route FILE` prints: one line per request, in order, the decision or the error object in
its place. Exits as that command does: 0 when every request was routed, 1 when at least one was
rejected, 2 when the service could not answer (its error on standard error).

Python 3.8 or later; nothing but the standard library (urllib.request and json).
"""

import argparse
import http.client
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

JSON = "application/json"
NDJSON = "application/x-ndjson"
# The service's limits by default (serve's --max-body-bytes and --max-batch-lines): a larger file
# is sent in parts of at most this many bytes and lines.
BATCH_BYTES = 16 * 1024 * 1024
BATCH_LINES = 10000
RETRIES = 5


class ServiceError(Exception):
    """The service refused the call as a whole: its HTTP status and the error object's problems."""

    def __init__(self, status, errors):
        super().__init__("HTTP %d: %s" % (status, "; ".join(
            "%s: %s" % (e.get("field"), e.get("message")) for e in errors)))
        self.status = status
        self.errors = errors


def post(base_url, path, body, content_type):
    """POSTs the body; returns the open response (200), or raises urllib.error.HTTPError.

    A 503 (too many requests at once, the rules not loaded yet, the server stopping) is retried
    after the seconds its Retry-After header says: routing changes nothing on the server, so any
    request may be sent again.
    """
    request = urllib.request.Request(urllib.parse.urljoin(base_url, path), data=body, method="POST",
                                     headers={"Content-Type": content_type})
    for attempt in range(RETRIES + 1):
        try:
            return urllib.request.urlopen(request, timeout=120)
        except urllib.error.HTTPError as e:
            if e.code != 503 or attempt == RETRIES:
                raise
            time.sleep(int(e.headers.get("Retry-After", "1")))
            e.close()


def error_object(http_error):
    """The problems of the error object an HTTPError carries (every error of the service is one)."""
    with http_error:
        try:
            return json.loads(http_error.read().decode("utf-8"))["errors"]
        except (ValueError, KeyError):
            return [{"field": "$", "message": http_error.reason}]


def route_one(base_url, request, explain=False):
    """Routes one request (its JSON text as bytes) and returns the answer line, without its line feed.

    200: the decision. 400: the request is invalid or rejected, and the line is the error object
    that names every bad field, as the command line writes it. Any other status raises ServiceError.
    """
    try:
        with post(base_url, "v1/explain" if explain else "v1/route", request, JSON) as response:
            return response.read().decode("utf-8").rstrip("\n")
    except urllib.error.HTTPError as e:
        if e.code == 400:
            with e:
                return e.read().decode("utf-8").rstrip("\n")
        raise ServiceError(e.code, error_object(e)) from None


def route_batch(base_url, lines, explain=False):
    """Routes JSON Lines (the lines as bytes, each ending with a line feed) in one call.

    Yields one answer line per request, in order, as the service streams them: the decision, or
    the error object in its place. Raises ServiceError if the service refuses the batch as a whole.
    """
    try:
        response = post(base_url, "v1/explain" if explain else "v1/route", b"".join(lines), NDJSON)
    except urllib.error.HTTPError as e:
        raise ServiceError(e.code, error_object(e)) from None
    with response:
        for line in response:  # each line as soon as it has come
            yield line.decode("utf-8").rstrip("\n")


def batches(lines, limit=BATCH_BYTES, most=BATCH_LINES):
    """Splits lines into batches of at most `limit` bytes and `most` lines (a longer line goes alone)."""
    batch, size = [], 0
    for line in lines:
        if batch and (size + len(line) > limit or len(batch) == most):
            yield batch
            batch, size = [], 0
        batch.append(line)
        size += len(line)
    if batch:
        yield batch


def route_file(base_url, data, explain=False):
    """Yields the answer lines for a file's bytes: one request (application/json) or JSON Lines."""
    try:
        json.loads(data.decode("utf-8-sig"))  # a byte order mark at the start is dropped there too
        one = True
    except ValueError:  # not UTF-8, not JSON, or more than one value: JSON Lines
        one = False
    if one:
        yield route_one(base_url, data, explain)
        return
    # lines end with \n (or \r\n, which the service reads as well); blank lines are skipped there
    lines = [line + b"\n" for line in data.split(b"\n")]
    for batch in batches(lines):
        yield from route_batch(base_url, batch, explain)


def main(argv):
    parser = argparse.ArgumentParser(description="Route requests through the cee-rules decision service.")
    parser.add_argument("--explain", action="store_true", help="ask /v1/explain instead of /v1/route")
    parser.add_argument("base_url", metavar="BASE_URL", help="where the service listens, http://127.0.0.1:8080/")
    parser.add_argument("file", metavar="FILE", help="one request, or JSON Lines; - for standard input")
    args = parser.parse_args(argv)
    if args.file == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(args.file, "rb") as f:
            data = f.read()
    base_url = args.base_url if args.base_url.endswith("/") else args.base_url + "/"
    out = sys.stdout.buffer
    status = 0
    try:
        for line in route_file(base_url, data, args.explain):
            if "errors" in json.loads(line):
                status = 1
            out.write(line.encode("utf-8") + b"\n")
            out.flush()
    except ServiceError as e:
        print("route_service.py: %s" % e, file=sys.stderr)
        return 2
    except (OSError, http.client.HTTPException) as e:  # refused, reset, cut short (URLError is an OSError)
        print("route_service.py: cannot reach %s: %s" % (base_url, e), file=sys.stderr)
        return 2
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
