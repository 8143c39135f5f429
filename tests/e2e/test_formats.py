#!/usr/bin/env python3
"""End-to-end tests of the output formats (--format text, json, sarif,
github, codeclimate) on testdata/demo against the golden files in
tests/golden/, and of what each format does with errors and clean runs.

Golden files hold the output with the version, the source directory and
the documentation URL replaced by @VERSION@, @SOURCE_DIR@ and @DOCS_URL@
(and JSON's configuration digest, which any new rule changes, by @CONFIGURATION@);
SARIF's rule help (the docs/rules pages) is checked against the pages and
replaced by @docs/rules/ID.md@. Regenerate them after an intended change:
  NULLPROOF_UPDATE_GOLDEN=1 test_formats.py BINARY SOURCE_DIR

Usage: test_formats.py NULLPROOF_BINARY SOURCE_DIR
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
SOURCE_DIR = None
GOLDEN = {
    "text": "demo.txt",
    "json": "demo.json",
    "sarif": "demo.sarif",
    "github": "demo.github",
    "codeclimate": "demo.codeclimate.json",
}

FLAGGED = "#include <stdlib.h>\n\nvoid fill(void)\n{\n    char *p = malloc(10);\n" \
          "    p[0] = 0;\n    free(p);\n}\n"
CLEAN = "int answer(void)\n{\n    return 42;\n}\n"
BROKEN = "int f(void)\n{\n    return undeclared_name;\n}\n"


class FormatTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.mkdtemp(prefix="nullproof-formats-")
        cls.database = demo_project.write_demo_database(SOURCE_DIR,
                                                        os.path.join(cls.directory, "db"))
        version = demo_project.run(BINARY, ["--version"], cls.directory).stdout
        cls.version = re.match(r"nullproof version (\S+)", version).group(1)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.directory)

    def run_nullproof(self, *arguments, cwd=None):
        return demo_project.run(BINARY, list(arguments), cwd or SOURCE_DIR)

    def render_demo(self, format_name):
        # An absolute path: libclang 14 moves the process into the compile
        # command's directory while it parses, which relative names do not survive.
        result = self.run_nullproof("--color", "never", "--quiet", "-p", self.database,
                                    "--format", format_name,
                                    os.path.join(SOURCE_DIR, "testdata", "demo", "src"))
        self.assertEqual(result.status, 1, repr(result))
        self.assertEqual(result.stderr, "")
        return result.stdout

    def normalise_sarif(self, text):
        log = json.loads(text)
        driver = log["runs"][0]["tool"]["driver"]
        docs_url = driver["informationUri"]
        for rule in driver["rules"]:
            page = os.path.join(SOURCE_DIR, "docs", "rules", rule["id"] + ".md")
            with open(page) as stream:
                markdown = stream.read()
            self.assertEqual(rule["help"]["markdown"], markdown, rule["id"])
            self.assertEqual(rule["help"]["text"], markdown, rule["id"])
            paragraph = " ".join(rule["fullDescription"]["text"].split())
            self.assertIn(paragraph[:60], " ".join(markdown.split()), rule["id"])
            self.assertEqual(rule["helpUri"], docs_url + "rules/" + rule["id"] + ".md")
            rule["help"] = {"text": "@docs/rules/%s.md@" % rule["id"],
                            "markdown": "@docs/rules/%s.md@" % rule["id"]}
            rule["fullDescription"] = {"text": "@docs/rules/%s.md: What it finds@" % rule["id"]}
            rule["helpUri"] = "@DOCS_URL@rules/%s.md" % rule["id"]
        driver["informationUri"] = "@DOCS_URL@"
        return json.dumps(log, indent=2) + "\n"

    def normalise(self, format_name, text):
        if format_name == "sarif":
            text = self.normalise_sarif(text)
        text = text.replace(SOURCE_DIR, "@SOURCE_DIR@")
        if format_name in ("json", "sarif"):
            text = text.replace('"%s"' % self.version, '"@VERSION@"')
        if format_name == "json":
            text = re.sub(r'"configuration": "[0-9a-f]{16}"', '"configuration": "@CONFIGURATION@"',
                          text)
        return text

    def check_golden(self, format_name):
        actual = self.normalise(format_name, self.render_demo(format_name))
        path = os.path.join(SOURCE_DIR, "tests", "golden", GOLDEN[format_name])
        if os.environ.get("NULLPROOF_UPDATE_GOLDEN"):
            with open(path, "w") as stream:
                stream.write(actual)
        with open(path) as stream:
            expected = stream.read()
        self.assertEqual(actual, expected,
                         "%s differs from %s (NULLPROOF_UPDATE_GOLDEN=1 regenerates it)" %
                         (format_name, path))

    # --- golden files ------------------------------------------------------

    def test_text_golden(self):
        self.check_golden("text")

    def test_json_golden(self):
        self.check_golden("json")

    def test_sarif_golden(self):
        self.check_golden("sarif")

    def test_github_golden(self):
        self.check_golden("github")

    def test_codeclimate_golden(self):
        self.check_golden("codeclimate")

    # --- properties the goldens do not show by themselves -------------------

    def test_json_fingerprints_are_stable_and_unique_in_demo(self):
        findings = json.loads(self.render_demo("json"))["findings"]
        self.assertEqual(len(findings), 9)
        fingerprints = [finding["fingerprint"] for finding in findings]
        self.assertEqual(len(set(fingerprints)), 9)
        for finding in findings:
            self.assertRegex(finding["fingerprint"], r"^[0-9a-f]{16}$")
            self.assertGreaterEqual(finding["end_column"], finding["column"])

    def test_fingerprints_do_not_depend_on_how_files_are_named(self):
        """Relative names, with compile commands in another directory (which
        libclang 14 moves the process into), give the same source lines and
        fingerprints as absolute ones."""
        absolute = json.loads(self.render_demo("json"))["findings"]
        result = self.run_nullproof("--quiet", "-j", "2", "-p", self.database, "--format",
                                    "json", "testdata/demo/src")
        relative = json.loads(result.stdout)["findings"]
        self.assertEqual([finding["file"] for finding in relative],
                         [os.path.relpath(finding["file"], SOURCE_DIR) for finding in absolute])
        for finding in relative:
            self.assertIsNotNone(finding["source_line"], finding)
        self.assertEqual([finding["fingerprint"] for finding in relative],
                         [finding["fingerprint"] for finding in absolute])

    def test_machine_formats_are_json(self):
        for format_name in ("json", "sarif", "codeclimate"):
            with self.subTest(format=format_name):
                json.loads(self.render_demo(format_name))

    def test_github_lines_are_workflow_commands(self):
        lines = self.render_demo("github").splitlines()
        self.assertEqual(len(lines), 9)
        for line in lines:
            self.assertRegex(line, r"^::warning file=%s/testdata/demo/src/[a-z]+\.c,line=\d+,"
                             r"col=\d+,(endLine=\d+,endColumn=\d+,)?title=[a-z-]+::\S"
                             % re.escape(SOURCE_DIR))

    def write(self, name, content):
        path = os.path.join(self.directory, name)
        with open(path, "w") as stream:
            stream.write(content)
        return path

    def test_clean_run_in_every_format(self):
        self.write("clean.c", CLEAN)
        expected = {"text": "", "github": ""}
        for format_name in GOLDEN:
            with self.subTest(format=format_name):
                result = self.run_nullproof("--quiet", "--format", format_name, "clean.c",
                                            cwd=self.directory)
                self.assertEqual(result.status, 0, repr(result))
                if format_name in expected:
                    self.assertEqual(result.stdout, expected[format_name])
                elif format_name == "json":
                    document = json.loads(result.stdout)
                    self.assertEqual(document["findings"], [])
                    self.assertEqual(document["exit_status"], 0)
                elif format_name == "sarif":
                    run = json.loads(result.stdout)["runs"][0]
                    self.assertEqual(run["results"], [])
                    self.assertEqual(run["invocations"][0]["exitCode"], 0)
                    self.assertTrue(run["invocations"][0]["executionSuccessful"])
                else:
                    self.assertEqual(json.loads(result.stdout), [])

    def test_errors_in_every_format(self):
        self.write("flagged.c", FLAGGED)
        self.write("broken.c", BROKEN)
        arguments = ["--quiet", "broken.c", "flagged.c", "missing.c"]
        result = self.run_nullproof("--format", "json", *arguments, cwd=self.directory)
        self.assertEqual(result.status, 2, repr(result))
        self.assertIn("nullproof: error: no such file or directory: missing.c", result.stderr)
        document = json.loads(result.stdout)
        self.assertEqual(document["exit_status"], 2)
        self.assertEqual([finding["rule"] for finding in document["findings"]],
                         ["unchecked-alloc"])
        sources = sorted((error["source"], error["message"]) for error in document["errors"])
        self.assertEqual(sources, [
            ("clang", "use of undeclared identifier 'undeclared_name'"),
            ("nullproof", "no such file or directory: missing.c")])

        result = self.run_nullproof("--format", "sarif", *arguments, cwd=self.directory)
        self.assertEqual(result.status, 2, repr(result))
        invocation = json.loads(result.stdout)["runs"][0]["invocations"][0]
        self.assertEqual(invocation["exitCode"], 2)
        self.assertFalse(invocation["executionSuccessful"])
        messages = sorted(notification["message"]["text"]
                          for notification in invocation["toolExecutionNotifications"])
        self.assertEqual(messages, ["no such file or directory: missing.c",
                                    "use of undeclared identifier 'undeclared_name'"])

        result = self.run_nullproof("--format", "github", *arguments, cwd=self.directory)
        self.assertEqual(result.status, 2, repr(result))
        self.assertIn("::error file=broken.c,line=3,col=12,", result.stdout)
        self.assertIn("::warning file=flagged.c,line=6,col=5,", result.stdout)

        result = self.run_nullproof("--format", "codeclimate", *arguments, cwd=self.directory)
        self.assertEqual(result.status, 2, repr(result))
        issues = json.loads(result.stdout)
        self.assertEqual(sorted((issue["check_name"], issue["severity"]) for issue in issues),
                         [("clang", "blocker"), ("unchecked-alloc", "major")])

    def test_exit_zero_is_recorded(self):
        self.write("flagged.c", FLAGGED)
        result = self.run_nullproof("--quiet", "--exit-zero", "--format", "sarif", "flagged.c",
                                    cwd=self.directory)
        self.assertEqual(result.status, 0, repr(result))
        invocation = json.loads(result.stdout)["runs"][0]["invocations"][0]
        self.assertEqual(invocation["exitCode"], 0)

    def test_sarif_to_output_file(self):
        self.write("flagged.c", FLAGGED)
        result = self.run_nullproof("--quiet", "--format=sarif", "-o", "report.sarif",
                                    "flagged.c", cwd=self.directory)
        self.assertEqual(result.status, 1, repr(result))
        self.assertEqual(result.stdout, "")
        with open(os.path.join(self.directory, "report.sarif")) as stream:
            log = json.load(stream)
        result_object = log["runs"][0]["results"][0]
        location = result_object["locations"][0]["physicalLocation"]
        self.assertEqual(location["artifactLocation"],
                         {"uri": "flagged.c", "uriBaseId": "%SRCROOT%"})
        self.assertEqual(location["region"]["startLine"], 6)
        base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        self.assertEqual(base, "file://" + os.path.realpath(self.directory) + "/")


def main():
    global BINARY, SOURCE_DIR
    if len(sys.argv) < 3:
        sys.exit("usage: test_formats.py NULLPROOF_BINARY SOURCE_DIR")
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])


if __name__ == "__main__":
    main()
