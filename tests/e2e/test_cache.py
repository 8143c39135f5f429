#!/usr/bin/env python3
"""End-to-end tests of the result cache (--cache-dir, cache-dir: in
.nullproof.yaml, --cache-size, --cache-stats) on a multi-file project with
a cross-file lookup: a warm run takes every unit from the cache and prints
the same bytes in every format; a changed .c file misses alone, a changed
header makes every includer miss, and the output is then a cold run's on
the changed project; a change of a function's NULL return in users.c makes
the finding of main.c (unchanged) appear or disappear; damaged and foreign
entries are ignored with a --verbose note; two runs at once into one
directory both report right and leave whole entries only; the size bound
evicts the oldest entries; a configuration change is a miss; --single-unit
and --shard work with the cache.

Usage: test_cache.py NULLPROOF_BINARY SOURCE_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import demo_project  # noqa: E402

BINARY = None
FORMATS = ["text", "json", "sarif"]

USERS_H = """#ifndef USERS_H
#define USERS_H
struct user {
    const char *name;
    int age;
};

struct user *user_find(const char *name);
#endif
"""

USERS_C = """#include <stddef.h>
#include <string.h>

#include "users.h"

static struct user users[] = {{"root", 40}, {"daemon", 2}};

struct user *user_find(const char *name)
{
    for (size_t i = 0; i < sizeof users / sizeof users[0]; i++)
        if (strcmp(users[i].name, name) == 0)
            return &users[i];
    return %(missing)s;
}
"""

MAIN_C = """#include "users.h"
#include "util.h"

int age_of(const char *name)
{
    struct user *user = user_find(name);
    return user->age;
}
"""

UTIL_H = """#include <stdlib.h>
#include <string.h>

static inline char *copy_text(const char *text)
{
    char *copy = malloc(strlen(text) + 1);
    strcpy(copy, text);
    return copy;
}
"""

ALLOC_C = """#include <stdlib.h>

#include "util.h"

int *make_values(int size)
{
    int *values = malloc(sizeof *values * (size_t)size);
    values[0] = size;
    return values;
}
"""

CLEAN_C = "int answer(void)\n{\n    return 42;\n}\n"

FILES = {"include/users.h": USERS_H, "include/util.h": UTIL_H,
         "src/users.c": USERS_C % {"missing": "NULL"}, "src/main.c": MAIN_C,
         "src/alloc.c": ALLOC_C, "src/clean.c": CLEAN_C}
UNITS = ["src/users.c", "src/main.c", "src/alloc.c", "src/clean.c"]

STATS = re.compile(r"nullproof: cache: (\d+) hits, (\d+) misses \((\d+) for changed summaries\), "
                   r"(\d+) stored, (\d+) evicted, size ([\d.]+) MiB")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as stream:
        stream.write(text)


CHECKED_C = """#include "users.h"

int age_or_zero(const char *name)
{
    struct user *user = user_find(name);
    return user ? user->age : 0;
}
"""


def write_project(root, units=UNITS):
    for name, text in FILES.items():
        write(os.path.join(root, name), text)
    entries = [{"directory": root, "file": unit,
                "arguments": ["cc", "-Iinclude", "-std=c11", "-c", unit]} for unit in units]
    with open(os.path.join(root, "compile_commands.json"), "w") as stream:
        json.dump(entries, stream, indent=1)


def stats(stderr):
    """(hits, misses, reanalysed, stored, evicted, MiB) from --cache-stats."""
    match = STATS.search(stderr)
    if not match:
        raise AssertionError("no cache statistics in: %s" % stderr)
    return tuple(int(value) for value in match.groups()[:5]) + (float(match.group(6)),)


def without_time(stderr):
    return re.sub(r", [\d.]+ s$", "", stderr, flags=re.M)


class CacheTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="nullproof-cache-")
        self.root = os.path.join(self.directory, "project")
        self.cache = os.path.join(self.directory, "cache")
        write_project(self.root)

    def tearDown(self):
        shutil.rmtree(self.directory)

    def nullproof(self, *arguments, cwd=None):
        return demo_project.run(BINARY, ["--color", "never", "-p", self.root] + list(arguments),
                                cwd or self.root)

    def cached(self, *arguments, cache=None):
        return self.nullproof("--cache-dir", cache or self.cache, "--cache-stats", *arguments)

    def plain(self, *arguments):
        """The report of a run without the cache."""
        return self.nullproof(*arguments)

    def edit(self, name, text):
        write(os.path.join(self.root, name), text)

    def entries(self, cache=None):
        return sorted(name for name in os.listdir(cache or self.cache))

    def assertSameReport(self, cached, plain):
        self.assertEqual(cached.stdout, plain.stdout)
        self.assertEqual(cached.status, plain.status)

    # --- a warm run is the cold run -----------------------------------------

    def test_warm_run_takes_every_unit_and_prints_the_same_bytes(self):
        for format_name in FORMATS:
            with self.subTest(format=format_name):
                shutil.rmtree(self.cache, ignore_errors=True)
                plain = self.plain("--format", format_name)
                cold = self.cached("--format", format_name)
                warm = self.cached("--format", format_name)
                self.assertEqual(stats(cold.stderr)[:4], (0, 4, 0, 4))
                self.assertEqual(stats(warm.stderr)[:4], (4, 0, 0, 0))
                self.assertSameReport(cold, plain)
                self.assertSameReport(warm, plain)
                self.assertEqual(without_time(STATS.sub("", warm.stderr)).strip(),
                                 without_time(plain.stderr).strip())
        report = json.loads(self.plain("--format", "json").stdout)
        files = sorted(os.path.relpath(finding["file"], self.root)
                       for finding in report["findings"])
        # what the test is about: the lookup's finding in main.c, the header's, alloc.c's
        self.assertIn("src/main.c", files)
        self.assertIn("src/alloc.c", files)
        self.assertIn("include/util.h", files)

    def test_entries_are_files_named_by_key_and_nothing_else_is_left(self):
        self.cached()
        names = self.entries()
        self.assertEqual(len(names), 4)
        for name in names:
            self.assertRegex(name, r"^[0-9a-f]{32}\.npc$")

    # --- what misses ---------------------------------------------------------

    def test_a_changed_file_misses_alone_and_reports_as_a_cold_run(self):
        self.cached()
        self.edit("src/alloc.c", ALLOC_C + "\nchar *more(void)\n{\n    char *p = malloc(2);\n"
                  "    p[0] = 0;\n    return p;\n}\n")
        warm = self.cached()
        self.assertEqual(stats(warm.stderr)[:4], (3, 1, 0, 1))
        self.assertSameReport(warm, self.plain())
        self.assertIn("alloc.c:15:5", warm.stdout)

    def test_touching_a_file_without_changing_it_is_a_hit(self):
        self.cached()
        later = time.time() + 5
        os.utime(os.path.join(self.root, "include/users.h"), (later, later))
        warm = self.cached()
        self.assertEqual(stats(warm.stderr)[:2], (4, 0))

    def test_a_changed_header_makes_every_includer_miss(self):
        self.cached()
        self.edit("include/util.h", UTIL_H + "\n/* changed */\n")
        warm = self.cached()
        self.assertEqual(stats(warm.stderr)[:2], (2, 2))  # main.c and alloc.c
        self.assertSameReport(warm, self.plain())

    def test_a_callee_changed_in_another_file_reanalyses_its_callers(self):
        self.cached()
        self.assertIn("src/main.c", self.plain().stdout)
        # user_find no longer returns NULL: main.c's finding goes, main.c unchanged
        self.edit("src/users.c", USERS_C % {"missing": "&users[0]"})
        warm = self.cached()
        hits, misses, reanalysed = stats(warm.stderr)[:3]
        self.assertGreaterEqual(reanalysed, 1)
        self.assertEqual(hits + misses, 4)
        plain = self.plain()
        self.assertNotIn("src/main.c", plain.stdout)
        self.assertSameReport(warm, plain)
        # and back: the finding comes back from the cache's point of view too
        self.edit("src/users.c", USERS_C % {"missing": "NULL"})
        warm = self.cached()
        self.assertGreaterEqual(stats(warm.stderr)[2], 1)
        plain = self.plain()
        self.assertIn("src/main.c", plain.stdout)
        self.assertSameReport(warm, plain)
        self.assertEqual(stats(self.cached().stderr)[:2], (4, 0))

    def test_lines_moved_in_a_callee_reanalyse_the_callers_that_cite_them(self):
        self.edit("src/checked.c", CHECKED_C)
        write_project(self.root, UNITS + ["src/checked.c"])
        self.cached()
        # user_find's NULL return moves from users.c:13 to 14: main.c's notes
        # cite it, checked.c (which tests the result) cites no line of users.c
        self.edit("src/users.c", "/* moved */\n" + USERS_C % {"missing": "NULL"})
        warm = self.cached()
        self.assertEqual(stats(warm.stderr)[:3], (3, 2, 1))
        plain = self.plain()
        self.assertIn("(users.c:14)", plain.stdout)
        self.assertSameReport(warm, plain)

    def test_a_configuration_change_misses(self):
        self.cached()
        self.edit(".nullproof.yaml", "disable: [unchecked-alloc]\n")
        warm = self.cached()
        self.assertEqual(stats(warm.stderr)[:2], (0, 4))
        self.assertSameReport(warm, self.plain())
        self.assertEqual(stats(self.cached().stderr)[:2], (4, 0))

    def test_a_rule_pack_change_misses(self):
        pack = os.path.join(self.directory, "pack.yaml")
        entry = "pack: mine\nentries:\n  - {name: lookup_thing, returns: lookup, reason: %s}\n"
        write(pack, entry % "returns NULL when absent")
        first = self.cached("--rules", pack)
        self.assertEqual(stats(first.stderr)[:2], (0, 4), first.stderr)
        self.assertEqual(stats(self.cached("--rules", pack).stderr)[:2], (4, 0))
        write(pack, entry % "returns NULL when nothing matches")
        self.assertEqual(stats(self.cached("--rules", pack).stderr)[:2], (0, 4))

    # --- damaged entries, concurrency, the bound -----------------------------

    def test_damaged_and_foreign_entries_are_ignored_with_a_note(self):
        self.cached()
        names = self.entries()
        damaged = os.path.join(self.cache, names[0])
        with open(damaged, "r+b") as stream:
            stream.seek(os.path.getsize(damaged) // 2)
            stream.write(b"\xde\xad\xbe\xef")
        with open(os.path.join(self.cache, names[1]), "wb") as stream:
            stream.write(b"not an entry at all")
        truncated = os.path.join(self.cache, names[2])
        with open(truncated, "r+b") as stream:
            stream.truncate(os.path.getsize(truncated) // 3)
        warm = self.cached("-v")
        self.assertEqual(stats(warm.stderr)[:2], (1, 3))
        self.assertIn("damaged", warm.stderr)
        self.assertIn("not a nullproof cache entry", warm.stderr)
        self.assertEqual(warm.stderr.count("cache: ignored"), 3, warm.stderr)
        self.assertSameReport(warm, self.plain())
        # without --verbose, nothing is said; the entries were written again
        self.assertEqual(stats(self.cached().stderr)[:2], (4, 0))
        self.assertNotIn("ignored", self.cached().stderr)

    def test_two_runs_at_once_into_one_directory(self):
        command = [BINARY, "--color", "never", "-p", self.root, "--cache-dir", self.cache,
                   "--format", "json"]
        for _ in range(3):
            shutil.rmtree(self.cache, ignore_errors=True)
            runs = [subprocess.Popen(command, cwd=self.root, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE) for _ in range(2)]
            outputs = [run.communicate() for run in runs]
            plain = self.plain("--format", "json")
            for run, (stdout, stderr) in zip(runs, outputs):
                self.assertEqual(run.returncode, plain.status, stderr)
                self.assertEqual(stdout.decode(), plain.stdout)
            names = self.entries()
            self.assertEqual(len(names), 4, names)  # no temporary file left
            warm = self.cached("--format", "json")
            self.assertEqual(stats(warm.stderr)[:2], (4, 0))
            self.assertEqual(warm.stdout, plain.stdout)

    def test_the_size_bound_evicts_the_oldest_entries(self):
        self.cached()
        old = time.time() - 86400
        for index in range(3):  # 1.2 MiB of old entries
            path = os.path.join(self.cache, "%032x.npc" % index)
            with open(path, "wb") as stream:
                stream.write(b"\0" * (400 * 1024))
            os.utime(path, (old + index, old + index))
        run = self.cached("--cache-size", "1")
        hits, misses, _, _, evicted, size = stats(run.stderr)
        self.assertEqual((hits, misses), (4, 0))
        self.assertGreaterEqual(evicted, 1)
        self.assertLessEqual(size, 1.0)
        self.assertNotIn("%032x.npc" % 0, self.entries())  # the oldest went first
        self.assertEqual(stats(self.cached("--cache-size", "1").stderr)[:2], (4, 0))

    def test_a_cache_directory_that_cannot_be_made_is_an_error(self):
        blocker = os.path.join(self.directory, "file")
        write(blocker, "x")
        run = self.nullproof("--cache-dir", os.path.join(blocker, "cache"))
        self.assertEqual(run.status, 2, run.stderr)
        self.assertIn("result cache", run.stderr)
        run = self.nullproof("--cache-dir", self.cache, "--cache-size", "0x")
        self.assertEqual(run.status, 2, run.stderr)
        self.assertIn("--cache-size expects", run.stderr)

    # --- configuration, modes ------------------------------------------------

    def test_cache_dir_in_the_configuration_is_relative_to_it(self):
        self.edit(".nullproof.yaml", "cache-dir: .cache/nullproof\n")
        first = self.nullproof("--cache-stats")
        self.assertEqual(stats(first.stderr)[:2], (0, 4))
        self.assertEqual(len(self.entries(os.path.join(self.root, ".cache", "nullproof"))), 4)
        second = self.nullproof("--cache-stats")
        self.assertEqual(stats(second.stderr)[:2], (4, 0))
        self.assertSameReport(second, first)
        # --cache-dir wins over the configuration's
        third = self.cached()
        self.assertEqual(stats(third.stderr)[:2], (0, 4))

    def test_single_unit_runs_have_their_own_entries(self):
        self.cached()
        cold = self.cached("--single-unit")
        self.assertEqual(stats(cold.stderr)[:2], (0, 4))
        warm = self.cached("--single-unit")
        self.assertEqual(stats(warm.stderr)[:2], (4, 0))
        plain = self.plain("--single-unit")
        self.assertSameReport(warm, plain)
        self.assertNotIn("src/main.c", plain.stdout)  # no cross-file finding alone

    def test_shards_share_a_cache(self):
        shards = []
        for index in (1, 2):
            path = os.path.join(self.directory, "shard%d.json" % index)
            run = self.cached("--shard", "%d/2" % index, "--format", "json", "-o", path)
            self.assertIn(run.status, (0, 1), run.stderr)
            shards.append(path)
        merged = demo_project.run(BINARY, ["--color", "never", "--merge"] + shards, self.root)
        self.assertSameReport(merged, self.plain())
        whole = self.cached()
        self.assertEqual(stats(whole.stderr)[:2], (4, 0))
        self.assertSameReport(whole, self.plain())
        again = [self.cached("--shard", "%d/2" % index, "--format", "json") for index in (1, 2)]
        for run in again:
            self.assertEqual(stats(run.stderr)[:2], (4, 0))


def main():
    global BINARY
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    BINARY = os.path.abspath(sys.argv[1])
    program = unittest.main(argv=[sys.argv[0]], exit=False, verbosity=1)
    return 0 if program.result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
