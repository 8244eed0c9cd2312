#!/usr/bin/env python3
"""Drives the cee-rules command line as a co-process, with Python's standard library only.

    python3 route_coprocess.py FILE COMMAND [ARGUMENT...]

COMMAND starts the command line reading standard input, started once:
`cee-rules route -` (the download's bin/cee-rules), `java -jar cee-rules.jar route -`, or
`explain -`. FILE (or - for standard input) holds one request, pretty-printed or not, or JSON
Lines: one request per line. For each request the script writes one line to the command and reads
one line back, and prints it: what `cee-rules route FILE` prints. Exits with the command's status
(0 every request routed, 1 at least one rejected, 2 a failure).

Python 3.8 or later; nothing but the standard library (subprocess and json).
"""

import json
import subprocess
import sys


class CommandEnded(Exception):
    """The command line ended (or closed its output) before it answered."""


class Router:
    """One `cee-rules route -` process: write one request line, read its one answer line, repeat.

    The command answers every line that is not blank with exactly one line, in order, and writes it
    out as soon as it is routed: the decision, or the error object in its place. So writing one
    line and then reading one line never waits forever, given that each line written is one
    request on one line (json.dumps without indent makes one) and that the first is a complete
    JSON value: a first line that opens a value without closing it is read as the start of a
    pretty-printed request, and the command waits for the lines that would close it.
    """

    def __init__(self, command):
        # standard error is left to ours: a pipe that nobody reads would fill and stop the command
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.first = True

    def route_line(self, line):
        """Writes one request line (bytes, without its line feed); returns the answer line, without its."""
        if b"\n" in line or not line.strip(b" \t\r"):
            raise ValueError("one request per line, not blank: a blank line gets no answer")
        if self.first and not complete_json(line):
            raise ValueError("the first line must be a complete JSON value, or the command waits for more")
        self.first = False
        try:
            self.process.stdin.write(line + b"\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            raise CommandEnded("the command ended with status %d" % self.process.wait()) from None
        answer = self.process.stdout.readline()
        if not answer.endswith(b"\n"):
            raise CommandEnded("the command ended with status %d" % self.process.wait())
        return answer[:-1]

    def route(self, request):
        """Routes one request given as a dict; returns the decision or the error object, as a dict."""
        return json.loads(self.route_line(json.dumps(request).encode("utf-8")))

    def close(self):
        """Closes the command's input, so that it ends; returns its exit status."""
        self.process.stdin.close()
        status = self.process.wait()
        self.process.stdout.close()
        return status


def complete_json(line):
    """True if the line is one JSON value as a whole (or not UTF-8: the command answers it at once)."""
    try:
        json.loads(line.decode("utf-8-sig"))
        return True
    except UnicodeDecodeError:
        return True
    except ValueError:
        return False


def request_lines(data):
    """The request lines of a file's bytes: a pretty-printed request as one line, else every line not blank."""
    try:
        json.loads(data.decode("utf-8-sig"))
        # line breaks are white space between the tokens of JSON (a string holds none): spaces will do
        return [data.replace(b"\r", b" ").replace(b"\n", b" ").strip(b" \t")]
    except ValueError:  # not UTF-8, not JSON, or more than one value: JSON Lines
        lines = (line[:-1] if line.endswith(b"\r") else line for line in data.split(b"\n"))
        return [line for line in lines if line.strip(b" \t\r")]


def main(argv):
    if len(argv) < 2:
        print("usage: route_coprocess.py FILE COMMAND [ARGUMENT...]", file=sys.stderr)
        return 2
    if argv[0] == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(argv[0], "rb") as f:
            data = f.read()
    try:
        router = Router(argv[1:])
    except OSError as e:
        print("route_coprocess.py: cannot start %s: %s" % (argv[1], e), file=sys.stderr)
        return 2
    out = sys.stdout.buffer
    try:
        for line in request_lines(data):
            out.write(router.route_line(line) + b"\n")
            out.flush()
    except (ValueError, CommandEnded) as e:
        print("route_coprocess.py: %s" % e, file=sys.stderr)
        router.close()
        return 2
    return router.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
