#!/usr/bin/env python3
"""Wall time and peak memory of nullproof against `clang -fsyntax-only` on
the same translation units with the same flags (see bench/speed.sh).
Each measurement is the best of REPEAT runs, taken in one session so the
ratios compare like with like on a shared, noisy machine."""
import json
import os
import resource
import shlex
import subprocess
import sys
import tempfile
import time

REPEAT = int(os.environ.get("REPEAT", "3"))


def clang_arguments(entry):
    """The entry's arguments with the compiler, -c, -o and dependency flags removed."""
    words = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    result, skip = [], False
    for word in words[1:]:
        if skip:
            skip = False
            continue
        if word in ("-c", "-MD", "-MMD", "-MP", "-M", "-MM"):
            continue
        if word in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if word.startswith("-o") and len(word) > 2:
            continue
        result.append(word)
    return result


def best_time(commands, cwd_list=None):
    best = None
    for _ in range(REPEAT):
        started = time.perf_counter()
        for index, command in enumerate(commands):
            subprocess.run(command, cwd=cwd_list[index] if cwd_list else None,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best


def peak_rss_kib(command):
    """Peak RSS of one command, measured in a fresh child of a fresh python."""
    probe = ("import resource,subprocess,sys;"
             "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe] + command, stdout=subprocess.PIPE, text=True)
    return int(out.stdout.strip() or 0)


def generated_file(lines):
    """A C file of about `lines` lines: many small functions using libc."""
    parts = ["#include <stdlib.h>", "#include <string.h>", "#include <stdio.h>",
             "struct item { char *name; struct item *next; int size; };"]
    index = 0
    while len(parts) < lines:
        parts += [f"static int work_{index}(struct item *list, const char *key)", "{",
                  "    for (struct item *it = list; it; it = it->next) {",
                  "        if (it->name && strcmp(it->name, key) == 0) {",
                  "            char *copy = malloc(strlen(key) + 1);",
                  "            if (!copy)", "                return -1;",
                  "            strcpy(copy, key);", "            it->size += (int)strlen(copy);",
                  "            free(copy);", "        }", "    }", f"    return {index};", "}"]
        index += 1
    return "\n".join(parts) + "\n"


def main():
    if len(sys.argv) < 3:
        print("usage: speed.py NULLPROOF BUILD_DIR_WITH_compile_commands.json [CLANG]", file=sys.stderr)
        return 2
    binary, database = sys.argv[1], sys.argv[2]
    clang = sys.argv[3] if len(sys.argv) > 3 else "clang"
    with open(os.path.join(database, "compile_commands.json")) as handle:
        entries = json.load(handle)
    commands = [[clang, "-fsyntax-only"] + clang_arguments(e) for e in entries]
    directories = [e["directory"] for e in entries]
    clang_time = best_time(commands, directories)
    one = best_time([[binary, "--quiet", "--exit-zero", "-j", "1", "-p", database]])
    two = best_time([[binary, "--quiet", "--exit-zero", "-j", "2", "-p", database]])
    print(f"translation units: {len(entries)} (best of {REPEAT} runs each)")
    print(f"clang -fsyntax-only, one at a time: {clang_time:.3f} s")
    print(f"nullproof -j1: {one:.3f} s  ratio to clang: {one / clang_time:.2f}x (target <= 1.5x)")
    print(f"nullproof -j2: {two:.3f} s  speed-up over -j1: {one / two:.2f}x (target >= 1.7x on 2 cores)")

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "big.c")
        with open(path, "w") as handle:
            handle.write(generated_file(20000))
        clang_rss = peak_rss_kib([clang, "-fsyntax-only", "-std=gnu11", path])
        ours_rss = peak_rss_kib([binary, "--quiet", "--exit-zero", "-j", "1", path, "--", "-std=gnu11"])
        clang_big = best_time([[clang, "-fsyntax-only", "-std=gnu11", path]])
        ours_big = best_time([[binary, "--quiet", "--exit-zero", "-j", "1", path, "--", "-std=gnu11"]])
        print(f"20,000-line file: clang {clang_big:.3f} s, {clang_rss / 1024:.1f} MiB; "
              f"nullproof {ours_big:.3f} s, {ours_rss / 1024:.1f} MiB; "
              f"memory ratio {ours_rss / max(clang_rss, 1):.2f}x (target < 2x), "
              f"time ratio {ours_big / clang_big:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
