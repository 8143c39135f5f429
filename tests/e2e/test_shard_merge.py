#!/usr/bin/env python3
"""End-to-end tests of --shard K/N and --merge FILE...: a multi-file project
(a header finding seen from two units, a suppressed finding, a unit clang
cannot compile, a file the database lists that is missing) is analysed
whole and in 3 shards; the shards' JSON outputs merged in every format must
be byte for byte the whole run's output, with the same exit status. Also:
every unit is in exactly one shard, the split depends neither on the
working directory nor on where the checkout is, bad --shard values and bad
--merge inputs are errors (exit 2) that say what is wrong.

Usage: test_shard_merge.py NULLPROOF_BINARY SOURCE_DIR
"""
import json
import os
import re
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import demo_project  # noqa: E402

BINARY = None
FORMATS = ["text", "json", "sarif", "github", "codeclimate"]

HEADER = """#include <stdlib.h>
#include <string.h>

static inline char *copy_name(const char *name)
{
    char *copy = malloc(strlen(name) + 1);
    strcpy(copy, name);
    return copy;
}
"""

UNIT = """#include "names.h"

int fill_%(name)s(int size)
{
    int *values = malloc(sizeof *values * (size_t)size);
    values[0] = size;
    char *name = copy_name("%(name)s");
    free(name);
    free(values);
    return 0;
}
"""

SUPPRESSED = """#include <stdlib.h>

void quiet(void)
{
    char *p = malloc(4);
    p[0] = 0; // nullproof: ignore[unchecked-alloc]
    free(p);
}
"""

CLEAN = "int answer(void)\n{\n    return 42;\n}\n"
BROKEN = "int broken(void)\n{\n    return undeclared_name;\n}\n"
UNITS = ["src/alpha.c", "src/beta.c", "src/gamma.c", "src/delta.c", "lib/epsilon.c",
         "lib/zeta.c", "src/quiet.c", "src/clean.c", "src/broken.c"]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as stream:
        stream.write(text)


def write_project(root, missing=True, units=UNITS):
    """The sources under root and root/build/compile_commands.json, whose
    directory is not the sources' (the shard keys are then ../src/x.c)."""
    write(os.path.join(root, "include", "names.h"), HEADER)
    for unit in UNITS:
        name = os.path.splitext(os.path.basename(unit))[0]
        text = {"quiet": SUPPRESSED, "clean": CLEAN, "broken": BROKEN}.get(name,
                                                                          UNIT % {"name": name})
        write(os.path.join(root, unit), text)
    listed = list(units) + (["src/missing.c"] if missing else [])
    entries = [{"directory": root, "file": unit,
                "arguments": ["cc", "-Iinclude", "-std=c11", "-c", unit]} for unit in listed]
    build = os.path.join(root, "build")
    os.makedirs(build, exist_ok=True)
    with open(os.path.join(build, "compile_commands.json"), "w") as stream:
        json.dump(entries, stream, indent=1)
    return build


def read(path):
    with open(path, "rb") as stream:
        return stream.read()


def summary(stderr):
    """The summary line without its time."""
    lines = [line for line in stderr.splitlines() if re.match(r"nullproof: \d+ finding", line)]
    return re.sub(r", [\d.]+ s$", "", lines[-1]) if lines else None


class ShardMergeTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.mkdtemp(prefix="nullproof-shard-")
        cls.root = os.path.join(cls.directory, "project")
        cls.build = write_project(cls.root)
        # three shards in JSON, as the CI jobs write them
        cls.shards = []
        cls.shard_status = []
        for index in (1, 2, 3):
            path = os.path.join(cls.directory, "shard%d.json" % index)
            result = cls.nullproof("-p", cls.build, "--shard", "%d/3" % index, "--format", "json",
                                   "-o", path)
            cls.shards.append(path)
            cls.shard_status.append(result.status)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.directory)

    @classmethod
    def nullproof(cls, *arguments, cwd=None):
        return demo_project.run(BINARY, ["--color", "never"] + list(arguments), cwd or cls.root)

    def shard_keys(self, count, cwd=None, root=None):
        """{shard index: set of unit keys} from --verbose, for every K of N."""
        build = os.path.join(root or self.root, "build")
        shards = {}
        for index in range(1, count + 1):
            result = self.nullproof("-p", build, "--shard", "%d/%d" % (index, count), "-v",
                                    "--format", "json", "-o", os.devnull, cwd=cwd or root)
            self.assertIn(result.status, (0, 1, 2), repr(result))
            keys = set(re.findall(r": in shard %d/%d \(key (\S+)\)" % (index, count),
                                  result.stderr))
            others = set(re.findall(r": not in shard %d/%d \(key (\S+)\)" % (index, count),
                                    result.stderr))
            self.assertEqual(len(keys) + len(others), len(UNITS), result.stderr)
            shards[index] = keys
        return shards

    # --- the merged report is the whole run's ------------------------------

    def test_merged_output_is_identical_in_every_format(self):
        for format_name in FORMATS:
            with self.subTest(format=format_name):
                whole_path = os.path.join(self.directory, "whole." + format_name)
                merged_path = os.path.join(self.directory, "merged." + format_name)
                whole = self.nullproof("-p", self.build, "--format", format_name, "-o", whole_path)
                merged = self.nullproof("--merge", *self.shards, "--format", format_name,
                                        "-o", merged_path)
                self.assertEqual(whole.status, 2, repr(whole))  # the clang error, the missing file
                self.assertEqual(merged.status, whole.status, repr(merged))
                self.assertEqual(read(merged_path), read(whole_path))
                self.assertEqual(summary(merged.stderr), summary(whole.stderr))
                self.assertIn("undeclared_name", merged.stderr)  # clang's error still shown
                # the missing file is an error of every shard, said once
                self.assertEqual(merged.stderr.count("missing.c"), 1, merged.stderr)

    def test_whole_run_really_has_what_the_test_is_about(self):
        whole = self.nullproof("-p", self.build, "--format", "json")
        report = json.loads(whole.stdout)
        files = [finding["file"] for finding in report["findings"]]
        # the header's finding, seen from six units, once
        self.assertEqual(sum(1 for f in files if f.endswith("include/names.h")), 1, files)
        self.assertEqual(len(report["findings"]), 7, files)  # six units + the header
        self.assertFalse(any(f.endswith("quiet.c") for f in files))  # suppressed
        sources = [error.get("source") for error in report["errors"]]
        self.assertEqual(sorted(sources), ["clang", "nullproof"], report["errors"])
        self.assertEqual(report["translation_units"], len(UNITS))
        # and each shard had a part of it
        counts = []
        for path in self.shards:
            with open(path) as stream:
                counts.append(len(json.load(stream)["findings"]))
        self.assertTrue(all(count < 7 for count in counts), counts)

    def test_whole_program_facts_cross_shards(self):
        # user_find() in users.c returns NULL; main.c uses its result
        # unchecked. Each shard parses every unit for the summaries and
        # reports its own, so the finding is there whichever shard main.c is
        # in, and some N puts the two files in different shards.
        root = os.path.join(self.directory, "crossfile")
        demo_project.write_crossfile_project(root)
        whole = self.nullproof("-p", root, "--format", "json", cwd=root)
        self.assertIn("user_find()", whole.stdout)
        apart = False
        for count in range(2, 7):
            paths = []
            placed = {}
            for index in range(1, count + 1):
                path = os.path.join(root, "s%d-%d.json" % (count, index))
                result = self.nullproof("-p", root, "--shard", "%d/%d" % (index, count), "-v",
                                        "--format", "json", "-o", path, cwd=root)
                for unit in re.findall(r"(\S+\.c): in shard", result.stderr):
                    placed[os.path.basename(unit)] = index
                paths.append(path)
            apart = apart or placed.get("users.c") != placed.get("main.c")
            merged = self.nullproof("--merge", *paths, "--format", "json", cwd=root)
            self.assertEqual(merged.stdout, whole.stdout, "N=%d" % count)
        self.assertTrue(apart, "no N from 2 to 6 split the two files")

    def test_merge_of_one_whole_run_is_that_run(self):
        whole = os.path.join(self.directory, "whole-run.json")
        self.nullproof("-p", self.build, "--format", "json", "-o", whole)
        for format_name in ("json", "text"):
            direct = self.nullproof("-p", self.build, "--format", format_name)
            merged = self.nullproof("--merge", whole, "--format", format_name)
            self.assertEqual(merged.stdout, direct.stdout)
            self.assertEqual(merged.status, direct.status)

    def test_shard_order_on_the_command_line_does_not_matter(self):
        forward = self.nullproof("--merge", *self.shards, "--format", "sarif")
        backward = self.nullproof("--merge", *reversed(self.shards), "--format", "sarif")
        self.assertEqual(forward.stdout, backward.stdout)

    def test_exit_status_follows_the_usual_rules(self):
        build = write_project(os.path.join(self.directory, "plain"), missing=False,
                              units=[u for u in UNITS if "broken" not in u])
        shards = []
        for index in (1, 2):
            path = os.path.join(self.directory, "plain%d.json" % index)
            self.nullproof("-p", build, "--shard", "%d/2" % index, "--format", "json", "-o", path)
            shards.append(path)
        self.assertEqual(self.nullproof("--merge", *shards).status, 1)
        self.assertEqual(self.nullproof("--merge", *shards, "--exit-zero").status, 0)
        self.assertEqual(self.nullproof("-p", build).status, 1)
        # a baseline given to the merge hides what it records, as in a run
        baseline = os.path.join(self.directory, "plain.baseline")
        self.nullproof("-p", build, "--write-baseline", baseline)
        merged = self.nullproof("--merge", *shards, "--baseline", baseline, "--format", "json")
        whole = self.nullproof("-p", build, "--baseline", baseline, "--format", "json")
        self.assertEqual(merged.status, 0, repr(merged))
        self.assertEqual(merged.stdout, whole.stdout)

    # --- the split ----------------------------------------------------------

    def test_every_unit_is_in_exactly_one_shard(self):
        for count in (1, 2, 3, 5):
            with self.subTest(shards=count):
                shards = self.shard_keys(count)
                union = set()
                for keys in shards.values():
                    self.assertFalse(union & keys, shards)
                    union |= keys
                self.assertEqual(union, {"../" + unit for unit in UNITS})

    def test_split_does_not_depend_on_the_working_directory_or_checkout(self):
        here = self.shard_keys(3)
        elsewhere = self.shard_keys(3, cwd=self.directory)
        self.assertEqual(here, elsewhere)
        # the same project checked out somewhere else, reached through a symlink
        other = os.path.join(self.directory, "another", "checkout")
        write_project(other)
        link = os.path.join(self.directory, "link")
        os.symlink(other, link)
        self.assertEqual(self.shard_keys(3, root=link), here)

    def test_more_shards_than_units_leaves_some_empty(self):
        build = write_project(os.path.join(self.directory, "small"), missing=False,
                              units=["src/clean.c"])
        statuses = []
        for index in range(1, 5):
            result = self.nullproof("-p", build, "--shard", "%d/4" % index, "--format", "json")
            report = json.loads(result.stdout)
            statuses.append((result.status, report["translation_units"], report["findings"]))
        self.assertEqual(sorted(statuses, key=lambda s: s[1]),
                         [(0, 0, [])] * 3 + [(0, 1, [])], statuses)

    def test_bad_shard_values_are_usage_errors(self):
        for value in ("0/3", "4/3", "1/0", "0/0", "garbage", "1/3x", "-1/3", "1/3/3", "/3",
                      "1/", "+1/3", " 1/3", "99999999999/1"):
            with self.subTest(value=value):
                result = self.nullproof("-p", self.build, "--shard", value)
                self.assertEqual(result.status, 2, repr(result))
                self.assertIn("--shard expects K/N", result.stderr)
                self.assertEqual(result.stdout, "")
        twice = self.nullproof("-p", self.build, "--shard", "1/2", "--shard", "2/2")
        self.assertEqual(twice.status, 2)
        self.assertIn("--shard given twice", twice.stderr)

    # --- what --merge refuses -----------------------------------------------

    def merge_error(self, *files, expected):
        output = os.path.join(self.directory, "refused.sarif")
        result = self.nullproof("--merge", *files, "--format", "sarif", "-o", output)
        self.assertEqual(result.status, 2, repr(result))
        self.assertIn(expected, result.stderr)
        return result

    def copy_with(self, path, name, change):
        with open(path) as stream:
            report = json.load(stream)
        change(report)
        copy = os.path.join(self.directory, name)
        with open(copy, "w") as stream:
            json.dump(report, stream)
        return copy

    def test_merge_refuses_bad_inputs(self):
        first, second, third = self.shards
        broken = os.path.join(self.directory, "broken.json")
        write(broken, '{"format_version": 1,')
        self.merge_error(first, broken, expected=broken)
        foreign = os.path.join(self.directory, "foreign.json")
        write(foreign, '{"runs": []}')
        self.merge_error(foreign, expected=foreign + ": not a valid nullproof JSON output")
        bad_finding = self.copy_with(first, "bad-finding.json",
                                     lambda r: r["findings"][0].update(line="ten"))
        self.merge_error(bad_finding, second, third,
                         expected="bad-finding.json: not a valid nullproof JSON output: "
                                  "findings[0].line")
        self.merge_error(first, os.path.join(self.directory, "absent.json"),
                         expected="absent.json")
        self.merge_error(first, second, expected="shard 3/3 is missing")
        self.merge_error(first, second, third, first, expected="are both shard 1/3")
        whole = os.path.join(self.directory, "whole-mixed.json")
        self.nullproof("-p", self.build, "--format", "json", "-o", whole)
        self.merge_error(first, second, third, whole, expected="is not the output of a shard")
        older = self.copy_with(second, "older.json",
                               lambda r: r["tool"].update(version="0.0.1"))
        self.merge_error(first, older, third, expected="written by nullproof 0.0.1")
        other_rules = os.path.join(self.directory, "other-rules.json")
        self.nullproof("-p", self.build, "--shard", "3/3", "--disable", "unchecked-alloc",
                       "--format", "json", "-o", other_rules)
        self.merge_error(first, second, other_rules, expected="different rule configurations")
        other_suggest = os.path.join(self.directory, "other-suggest.json")
        self.nullproof("-p", self.build, "--shard", "3/3", "--suggest", "none",
                       "--format", "json", "-o", other_suggest)
        self.merge_error(first, second, other_suggest, expected="different rule configurations")
        elsewhere = os.path.join(self.directory, "elsewhere.json")
        self.nullproof("-p", self.build, "--shard", "3/3", "--format", "json", "-o", elsewhere,
                       cwd=self.directory)
        self.merge_error(first, second, elsewhere, expected="different working directories")
        self.merge_error(expected="--merge expects the --format json outputs")
        for flags in (["--shard", "1/3"], ["-p", self.build], ["--disable", "unchecked-alloc"],
                      ["--suggest", "full"], ["--fix"]):
            with self.subTest(flags=flags):
                result = self.nullproof("--merge", first, second, third, *flags)
                self.assertEqual(result.status, 2, repr(result))
                self.assertIn("--merge combines JSON outputs", result.stderr)
                self.assertEqual(result.stdout, "")


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
