#!/usr/bin/env python3
"""Latency and memory of `nullproof --lsp` on real translation units.

For each FILE (a source listed in DATABASE_DIR/compile_commands.json) it
starts the server (initializationOptions: the database), opens the file and
times the first diagnostics; then EDITS times it changes the text (a comment
line appended, unsaved) and waits for the diagnostics of that version,
reporting the time after the debounce (send -> publish, minus the 200 ms
debounce) as min / median / max. The figure the issue asks for is the
median after the debounce, to compare with the clang parse of the same
unit (`clang -fsyntax-only` time, printed beside it when clang is found).

With --memory N (default 1000) it then sends N didChange edits as fast as
possible (incremental: one character inserted, then removed), waits for the
diagnostics of the last version, and prints the server's RSS before and
after; then the same again, so that allocator warm-up can be told from a
leak: a leak grows in both rounds.

Usage: lsp_latency.py NULLPROOF DATABASE_DIR FILE... [--edits N] [--memory N]
Example: corpus/prepare.sh /tmp/db && \\
         bench/lsp_latency.py build-rel19/nullproof /tmp/db/jq /work/shared/corpus/jq/src/jv_print.c
"""
import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                "e2e"))
from lsp_client import LspClient, rss_kib, uri_of  # noqa: E402

DEBOUNCE = 0.200


def clang_seconds(database, path):
    """Best of three `clang -fsyntax-only` of the unit, or None."""
    clang = shutil.which("clang-19") or shutil.which("clang")
    if not clang:
        return None
    with open(os.path.join(database, "compile_commands.json")) as stream:
        entries = [e for e in json.load(stream) if os.path.realpath(e["file"]) == path]
    if not entries:
        return None
    entry = entries[0]
    words = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    arguments, skip = [], False
    for word in words[1:]:
        if skip:
            skip = False
        elif word in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
        elif word not in ("-c", "-MD", "-MMD", "-MP", "-M", "-MM"):
            arguments.append(word)
    best = None
    for _ in range(3):
        start = time.monotonic()
        subprocess.run([clang, "-fsyntax-only", "-w"] + arguments, cwd=entry["directory"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.monotonic() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def measure(binary, database, path, edits, memory):
    path = os.path.realpath(path)
    uri = uri_of(path)
    with open(path, encoding="utf-8", errors="surrogateescape") as stream:
        text = stream.read()
    client = LspClient([binary, "--lsp"], cwd=database, stderr=subprocess.DEVNULL)
    try:
        client.initialize(database, {"compilationDatabasePath": database})
        start = time.monotonic()
        client.open(path, text, version=1)
        first = client.diagnostics(uri, version=1, timeout=600)
        opened = time.monotonic() - start
        after_debounce = []
        version = 1
        for index in range(edits):
            version += 1
            start = time.monotonic()
            client.change(path, version, text=text + "\n/* edit %d */\n" % index)
            client.diagnostics(uri, version=version, timeout=600)
            after_debounce.append(time.monotonic() - start - DEBOUNCE)
        name = os.path.relpath(path, os.path.dirname(os.path.dirname(path)))
        print("%s: %d lines, %d diagnostics; open -> diagnostics %.3f s" %
              (name, text.count("\n"), len(first["diagnostics"]), opened))
        if after_debounce:
            print("  change -> diagnostics after the %d ms debounce, %d edits: min %.3f s, "
                  "median %.3f s, max %.3f s" %
                  (DEBOUNCE * 1000, edits, min(after_debounce),
                   statistics.median(after_debounce), max(after_debounce)))
        parse = clang_seconds(database, path)
        if parse is not None:
            print("  clang -fsyntax-only of the same unit: %.3f s" % parse)
        if memory:
            client.change(path, version + 1, text=text)
            version += 1
            client.diagnostics(uri, version=version, timeout=600)
            rounds = [rss_kib(client.process.pid)]
            for _ in range(2):
                for index in range(memory):
                    version += 1
                    inserting = index % 2 == 0
                    end = {"line": 0, "character": 1 if not inserting else 0}
                    client.notify("textDocument/didChange", {
                        "textDocument": {"uri": uri, "version": version},
                        "contentChanges": [{
                            "range": {"start": {"line": 0, "character": 0}, "end": end},
                            "text": " " if inserting else ""}]})
                if memory % 2:
                    version += 1
                    client.change(path, version, text=text)
                client.diagnostics(uri, version=version, timeout=600)
                rounds.append(rss_kib(client.process.pid))
            print("  RSS: %d KiB before, %d KiB after %d didChange edits, %d KiB after %d more" %
                  (rounds[0], rounds[1], memory, rounds[2], memory))
        response, status = client.shutdown_and_exit()
        if status != 0:
            print("  the server exited with %d" % status)
    finally:
        client.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("nullproof")
    parser.add_argument("database")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--memory", type=int, default=1000)
    options = parser.parse_args()
    binary = os.path.abspath(options.nullproof)
    database = os.path.realpath(options.database)
    for path in options.files:
        measure(binary, database, path, options.edits, options.memory)


if __name__ == "__main__":
    main()
