#!/usr/bin/env python3
"""End-to-end tests of rule packs, the configuration file and inline
suppressions: --rules, --list-rules --verbose, .nullproof.yaml found upward
or given with --config, --dump-config, the command line over the file, and
--report-unused-suppressions.

Usage: test_rules_config.py NULLPROOF_BINARY SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from demo_project import Result  # noqa: E402  (the shared e2e helpers)

BINARY = None
SOURCE_DIR = None

LOOKUP = """#include <stddef.h>

struct strmap;
const char *strmap_get(const struct strmap *map, const char *key);
size_t strlen(const char *text);

size_t timeout_length(const struct strmap *settings)
{
    const char *timeout = strmap_get(settings, "timeout");
    return strlen(timeout);
}
"""
LOOKUP_LINE = 10

PACK = """pack: strmap
description: our string map
entries:
  - {name: strmap_get, returns: lookup, nonnull: [1, 2], reason: returns NULL when the key is absent}
"""

ALLOC = """#include <stdlib.h>

void fill(void)
{
    char *p = malloc(10);
    p[0] = 0; // SUPPRESS
    free(p);
}
"""


class RulesConfigTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="nullproof-config-")

    def tearDown(self):
        shutil.rmtree(self.directory)

    def write(self, name, content):
        path = os.path.join(self.directory, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as stream:
            stream.write(content)
        return path

    def run_nullproof(self, *arguments, cwd=None, binary=None):
        completed = subprocess.run([binary or BINARY, "--color", "never"] + list(arguments),
                                   cwd=cwd or self.directory, capture_output=True, text=True,
                                   timeout=600, errors="replace")
        result = Result(completed)
        self.assertGreaterEqual(result.status, 0, "killed by a signal: %r" % result)
        self.assertNotIn("Sanitizer", result.stderr, repr(result))
        self.assertNotIn("runtime error", result.stderr, repr(result))
        return result

    def assertStatus(self, result, status):
        self.assertEqual(result.status, status, repr(result))

    # --- rule packs --------------------------------------------------------

    def test_user_pack_file_and_directory(self):
        self.write("lookup.c", LOOKUP)
        self.assertStatus(self.run_nullproof("lookup.c"), 0)
        self.write("packs/strmap.yaml", PACK)
        for given in ["packs/strmap.yaml", "packs", "--rules=packs"]:
            arguments = [given] if given.startswith("--") else ["--rules", given]
            result = self.run_nullproof(*arguments, "lookup.c")
            self.assertStatus(result, 1)
            self.assertRegex(result.stdout,
                             re.compile(r"^lookup.c:%d:\d+: warning: .*\[unchecked-lookup\]$"
                                        % LOOKUP_LINE, re.MULTILINE))
            self.assertIn("strmap_get() returns NULL when the key is absent", result.stdout)

    def test_broken_pack_is_an_input_error(self):
        self.write("lookup.c", LOOKUP)
        self.write("bad.yaml", "pack: strmap\nentries:\n  - name: strmap_get\n"
                               "    returns: lookup\n    nonull: [1]\n")
        result = self.run_nullproof("--rules", "bad.yaml", "lookup.c")
        self.assertStatus(result, 2)
        self.assertIn("nullproof: error: bad.yaml:5:5: unknown key 'nonull' in an entry; "
                      "expected one of: name, macro, returns, nonnull", result.stderr)
        self.assertEqual(result.stdout, "")
        self.write("other.c", LOOKUP)
        result = self.run_nullproof("--rules", "missing.yaml", "lookup.c", "other.c")
        self.assertStatus(result, 2)
        self.assertEqual(result.stderr.count("cannot read rule pack missing.yaml"), 1,
                         repr(result))
        self.write("worse.yaml", "pack: x\nentries:\n  - {name: f, returns: alloc\n")
        result = self.run_nullproof("--rules", "worse.yaml", "lookup.c")
        self.assertStatus(result, 2)
        self.assertRegex(result.stderr, r"worse.yaml:\d+:\d+: invalid YAML")

    def test_list_rules_verbose_names_the_packs(self):
        self.write("packs/strmap.yaml", PACK)
        plain = self.run_nullproof("--list-rules")
        self.assertStatus(plain, 0)
        self.assertNotIn("Rule packs", plain.stdout)
        result = self.run_nullproof("--list-rules", "--verbose", "--rules", "packs")
        self.assertStatus(result, 0)
        self.assertTrue(result.stdout.startswith(plain.stdout), result.stdout)
        for pack in ["libc", "posix", "glib", "cjson", "jansson", "uthash", "curl", "sqlite",
                     "openssl", "libevent", "hiredis", "gnutls", "libxml2", "zlib", "strmap"]:
            self.assertRegex(result.stdout, re.compile(r"^  %s +\d+ entries" % pack,
                                                       re.MULTILINE))
        self.assertRegex(result.stdout, re.compile(
            r"^  malloc +libc +returns alloc: returns NULL when allocation fails +\[libc.yaml:\d+\]$",
            re.MULTILINE))
        self.assertRegex(result.stdout, re.compile(
            r"^  memcpy +libc +nonnull 1 if 3 is not 0, nonnull 2 if 3 is not 0 +\[libc.yaml:\d+\]$",
            re.MULTILINE))
        self.assertRegex(result.stdout, re.compile(
            r"^  curl_easy_getinfo +curl +nonnull 1, out-null 3 \(nullable\) if argument 2 is one "
            r"of 7 values: ", re.MULTILINE))
        self.assertRegex(result.stdout, re.compile(r"^  qsort +libc +nonnull 4, nonnull 1 if 2 "
                                                   r"is not 0, calls back ", re.MULTILINE))
        self.assertRegex(result.stdout, re.compile(r"^  rindex +posix +returns lookup, nonnull 1, "
                                                   r"found with index, found if argument 1 "
                                                   r"starts with argument 2: ", re.MULTILINE))
        self.assertRegex(result.stdout, re.compile(r"^  localtime +libc +returns nullable, "
                                                   r"nonnull 1, found if argument 1 is a time "
                                                   r"that fits: ", re.MULTILINE))
        self.assertRegex(result.stdout, re.compile(r"^  mktime +libc +nonnull 1, gives a time "
                                                   r"that fits ", re.MULTILINE))
        self.assertRegex(result.stdout, re.compile(r"^  strmap_get +strmap +returns lookup, "
                                                   r"nonnull 1,2", re.MULTILINE))
        self.assertRegex(result.stdout, re.compile(r"^  HASH_FIND_STR \(macro\) +uthash +"
                                                   r"out-null 3 \(lookup\)", re.MULTILINE))

    def test_lone_executable_has_its_packs(self):
        copy = os.path.join(self.directory, "nullproof")
        shutil.copy(BINARY, copy)
        self.write("glib_use.c", "typedef struct _GHashTable GHashTable;\n"
                                 "void *g_hash_table_lookup(GHashTable *t, const void *k);\n"
                                 "int f(GHashTable *t) { int *v = g_hash_table_lookup(t, \"k\");"
                                 " return *v; }\n")
        result = self.run_nullproof("glib_use.c", binary=copy)
        self.assertStatus(result, 1)
        self.assertIn("[unchecked-lookup]", result.stdout)

    # --- configuration -----------------------------------------------------

    def test_config_found_upward(self):
        self.write("project/src/lib/alloc.c", ALLOC)
        self.write("project/.nullproof.yaml", "severity: {unchecked-alloc: error}\n")
        result = self.run_nullproof("project/src/lib/alloc.c")
        self.assertStatus(result, 1)  # an error-severity finding is a finding, not a failure
        self.assertRegex(result.stdout, re.compile(
            r"^project/src/lib/alloc.c:6:5: error: .*\[unchecked-alloc\]$", re.MULTILINE))
        # a nearer file wins
        self.write("project/src/.nullproof.yaml", "disable: [unchecked-alloc]\n")
        self.assertStatus(self.run_nullproof("project/src/lib/alloc.c"), 0)
        # --config wins over both
        self.write("ci.yaml", "severity: {unchecked-alloc: note}\n")
        result = self.run_nullproof("--config", "ci.yaml", "project/src/lib/alloc.c")
        self.assertStatus(result, 1)
        self.assertRegex(result.stdout, re.compile(r"^project/src/lib/alloc.c:6:5: note: .*"
                                                   r"\[unchecked-alloc\]$", re.MULTILINE))

    def test_broken_config_is_an_input_error(self):
        self.write("alloc.c", ALLOC)
        self.write(".nullproof.yaml", "disable: [unchecked-aloc]\n")
        result = self.run_nullproof("alloc.c")
        self.assertStatus(result, 2)
        self.assertRegex(result.stderr, r"nullproof: error: .*\.nullproof\.yaml:1:11: unknown "
                                        r"rule 'unchecked-aloc' \(see --list-rules\)")
        self.assertEqual(result.stdout, "")
        os.remove(os.path.join(self.directory, ".nullproof.yaml"))
        result = self.run_nullproof("--config", "nowhere.yaml", "alloc.c")
        self.assertStatus(result, 2)
        self.assertIn("cannot read configuration nowhere.yaml", result.stderr)

    def test_command_line_overrides_the_file(self):
        self.write("alloc.c", ALLOC)
        self.write(".nullproof.yaml", "allocations-never-fail: true\n")
        self.assertStatus(self.run_nullproof("alloc.c"), 0)
        self.assertStatus(self.run_nullproof("--enable", "unchecked-alloc", "alloc.c"), 1)
        self.write(".nullproof.yaml", "enable: [unchecked-alloc]\n")
        self.assertStatus(self.run_nullproof("alloc.c"), 1)
        self.assertStatus(self.run_nullproof("--disable", "unchecked-alloc", "alloc.c"), 0)
        self.assertStatus(self.run_nullproof("--enable", "null-deref", "alloc.c"), 0)

    def test_packs_and_excludes_from_the_file(self):
        self.write("packs/strmap.yaml", PACK)
        self.write("lookup.c", LOOKUP)
        self.write(".nullproof.yaml", "packs: [packs/strmap.yaml]\n")
        self.assertStatus(self.run_nullproof("lookup.c"), 1)
        self.write("sub/.nullproof.yaml", "packs: [../packs]\nbuiltin-packs: [posix]\n")
        self.write("sub/lookup.c", LOOKUP)
        # strlen's facts are in libc, left out: only the pack's own nonnull remain
        self.assertStatus(self.run_nullproof("sub/lookup.c"), 0)
        self.write("vendor/helper.h", "#include <stdlib.h>\n"
                                      "static inline char first(void) { char *p = malloc(1); "
                                      "return p[0]; }\n")
        self.write("main.c", "#include \"vendor/helper.h\"\nint main(void) { return first(); }\n")
        self.write(".nullproof.yaml", "exclude: [vendor]\n")
        self.assertStatus(self.run_nullproof("main.c"), 0)
        self.write(".nullproof.yaml", "exclude: ['*/helper.h']\n")
        self.assertStatus(self.run_nullproof("main.c"), 0)
        os.remove(os.path.join(self.directory, ".nullproof.yaml"))
        self.assertStatus(self.run_nullproof("main.c"), 1)

    def test_dump_config_reads_back(self):
        self.write("packs/strmap.yaml", PACK)
        self.write("src/.nullproof.yaml", "disable: [check-after-deref]\n"
                                          "severity: {unchecked-lookup: error}\n"
                                          "exclude: [gen/]\nallocations-never-fail: true\n")
        self.write("src/a.c", ALLOC)
        result = self.run_nullproof("--dump-config", "--rules", "packs", "src/a.c")
        self.assertStatus(result, 0)
        self.assertTrue(result.stdout.startswith("# nullproof configuration: "), result.stdout)
        self.assertIn(".nullproof.yaml and the command line", result.stdout.splitlines()[0])
        text = result.stdout
        self.assertRegex(text, re.compile(r"^enable: \[null-deref, unchecked-lookup", re.M))
        self.assertIn("  unchecked-lookup: error\n", text)
        self.assertIn("allocations-never-fail: true\n", text)
        self.assertRegex(text, re.compile(r"^packs: \[.*/packs\]$", re.M))
        self.assertRegex(text, re.compile(r"^exclude: \[.*/src/gen\]$", re.M))
        self.assertIn("builtin-packs: [cjson, curl, glib, gnutls, hiredis, jansson, libc, "
                      "libevent, libxml2, openssl, posix,\n  sqlite, uthash, zlib]\n", text)
        try:
            import yaml
        except ImportError:
            yaml = None
        if yaml:
            loaded = yaml.safe_load(text)
            self.assertEqual(loaded["severity"]["unchecked-lookup"], "error")
            self.assertNotIn("check-after-deref", loaded["enable"])
        # the dump is a configuration that gives the same dump
        self.write("dumped.yaml", text)
        again = self.run_nullproof("--dump-config", "--config", "dumped.yaml", "src/a.c")
        self.assertStatus(again, 0)
        self.assertEqual(again.stdout.splitlines()[1:], text.splitlines()[1:])
        # no file at all: the defaults
        result = self.run_nullproof("--dump-config", cwd="/")
        self.assertStatus(result, 0)
        self.assertIn("no .nullproof.yaml found", result.stdout)
        self.assertStatus(self.run_nullproof("--dump-config", "--enable", "no-such-rule"), 2)

    # --- suppressions ------------------------------------------------------

    def test_suppressions_and_unused_ones(self):
        self.write("a.c", ALLOC.replace("// SUPPRESS", "// nullproof: ignore[unchecked-alloc]"))
        self.assertStatus(self.run_nullproof("a.c"), 0)
        self.write("b.c", ALLOC.replace("// SUPPRESS", "// NOLINT(nullproof-unchecked-alloc)"))
        self.assertStatus(self.run_nullproof("b.c"), 0)
        self.write("c.c", "int zero(void)\n{\n    return 0; // nullproof: ignore[null-deref]\n}\n")
        self.assertStatus(self.run_nullproof("c.c"), 0)
        result = self.run_nullproof("--report-unused-suppressions", "a.c", "c.c")
        self.assertStatus(result, 1)
        self.assertIn("c.c:3:18: warning: suppression 'nullproof: ignore[null-deref]' matches "
                      "no finding [unused-suppression]", result.stdout)
        self.assertIn("    return 0; // nullproof: ignore[null-deref]", result.stdout)
        self.assertNotIn("a.c:", result.stdout)
        self.write(".nullproof.yaml", "report-unused-suppressions: true\n")
        self.assertStatus(self.run_nullproof("c.c"), 1)


def main():
    global BINARY, SOURCE_DIR
    if len(sys.argv) < 3:
        sys.exit("usage: test_rules_config.py NULLPROOF_BINARY SOURCE_DIR")
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])


if __name__ == "__main__":
    main()
