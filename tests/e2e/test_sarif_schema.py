#!/usr/bin/env python3
"""Validates nullproof's SARIF for testdata/demo (and for a run with errors)
against the official SARIF 2.1.0 JSON schema with Debian's python3-jsonschema
and, where it installs from the npm registry, with Microsoft's SARIF
multitool (`npx @microsoft/sarif-multitool validate`).

The schema is read from ../shared/schemas/ beside the source directory
(never copied into the repository). Without it, or without the jsonschema
module, the test exits 77, which ctest reports as skipped.

Usage: test_sarif_schema.py NULLPROOF_BINARY SOURCE_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import demo_project  # noqa: E402

BINARY = None
SOURCE_DIR = None
SCHEMA = None
MULTITOOL_TIMEOUT = 600  # seconds, the first run downloads the tool

BROKEN = "int f(void)\n{\n    return undeclared_name;\n}\n"


class SarifSchemaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.mkdtemp(prefix="nullproof-sarif-")
        database = demo_project.write_demo_database(SOURCE_DIR, os.path.join(cls.directory, "db"))
        cls.demo_log = os.path.join(cls.directory, "demo.sarif")
        result = demo_project.run(BINARY, ["--quiet", "--format", "sarif", "-o", cls.demo_log,
                                           "-p", database, "testdata/demo/src"], SOURCE_DIR)
        assert result.status == 1, repr(result)
        with open(os.path.join(cls.directory, "broken.c"), "w") as stream:
            stream.write(BROKEN)
        cls.error_log = os.path.join(cls.directory, "errors.sarif")
        result = demo_project.run(BINARY, ["--quiet", "--format", "sarif", "-o", cls.error_log,
                                           "broken.c", "missing.c"], cls.directory)
        assert result.status == 2, repr(result)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.directory)

    def validate_with_jsonschema(self, path):
        import jsonschema
        with open(SCHEMA) as stream:
            schema = json.load(stream)
        with open(path) as stream:
            log = json.load(stream)
        validator = jsonschema.Draft4Validator(schema,
                                               format_checker=jsonschema.FormatChecker())
        errors = ["%s: %s" % ("/".join(str(part) for part in error.absolute_path),
                              error.message)
                  for error in validator.iter_errors(log)]
        self.assertEqual(errors, [], "%s does not match the SARIF 2.1.0 schema" % path)
        return log

    def test_demo_matches_schema(self):
        log = self.validate_with_jsonschema(self.demo_log)
        self.assertEqual(len(log["runs"][0]["results"]), 9)
        from importlib import metadata
        print("\nSARIF for testdata/demo: valid against %s (jsonschema %s)" %
              (SCHEMA, metadata.version("jsonschema")), file=sys.stderr)

    def test_errors_match_schema(self):
        log = self.validate_with_jsonschema(self.error_log)
        notifications = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        self.assertEqual(len(notifications), 2)

    def test_sarif_multitool(self):
        npx = shutil.which("npx")
        if not npx:
            self.skipTest("npx (Node.js) is not installed: SARIF multitool not run")
        output = os.path.join(self.directory, "validation.sarif")
        try:
            completed = subprocess.run(
                [npx, "--yes", "@microsoft/sarif-multitool", "validate", self.demo_log,
                 self.error_log, "--output", output],
                capture_output=True, text=True, timeout=MULTITOOL_TIMEOUT, cwd=self.directory)
        except subprocess.TimeoutExpired:
            self.skipTest("@microsoft/sarif-multitool did not install or run within %d s" %
                          MULTITOOL_TIMEOUT)
        text = completed.stdout + completed.stderr
        if "Analysis completed" not in text:
            self.skipTest("@microsoft/sarif-multitool could not be installed or run from the "
                          "npm registry:\n" + text[-2000:])
        errors = [line for line in text.splitlines() if ": error " in line]
        self.assertEqual(errors, [], text)
        self.assertEqual(completed.returncode, 0, text)
        print("\nSARIF multitool: %s" % " ".join(
            line.strip() for line in text.splitlines() if "Analysis completed" in line),
            file=sys.stderr)


def main():
    global BINARY, SOURCE_DIR, SCHEMA
    if len(sys.argv) < 3:
        sys.exit("usage: test_sarif_schema.py NULLPROOF_BINARY SOURCE_DIR")
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    schemas = os.path.normpath(os.path.join(SOURCE_DIR, "..", "shared", "schemas"))
    SCHEMA = os.path.join(schemas, "sarif-schema-2.1.0.json")
    if not os.path.isfile(SCHEMA):
        print("SKIPPED: the SARIF 2.1.0 schema is not at %s (../shared/schemas beside the "
              "source directory); SARIF was not validated" % SCHEMA)
        sys.exit(demo_project.SKIP)
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        print("SKIPPED: the Python module jsonschema is missing (Debian package "
              "python3-jsonschema, see scripts/install-deps.sh); SARIF was not validated")
        sys.exit(demo_project.SKIP)
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])


if __name__ == "__main__":
    main()
