#!/usr/bin/env python3
"""`nullproof --lsp` driven through a whole editing session over its pipes
(tests/e2e/lsp_client.py), in a tiny project whose compile_commands.json
gives the -I that its header needs:

- a buggy file is opened: its diagnostic comes with the rule id, the line,
  the rule's page and the note where the NULL comes from;
- its quick fix is applied as an incremental change: the diagnostic clears;
  the text is changed back, unsaved: the diagnostic returns;
- "suppress on this line" and the Option/Result command;
- a second file; an unsaved header edit re-checks the file that includes it;
- quick edits are superseded (only the last version is published); close
  clears; malformed JSON and a bad header are answered with ParseError and
  the next request is still answered; unknown methods are MethodNotFound;
- shutdown then exit is status 0, exit alone 1; stdout carries only
  protocol (the client rejects anything else).

Usage: test_lsp.py NULLPROOF_BINARY SOURCE_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from demo_project import (CROSSFILE_MAIN_C, CROSSFILE_USE_LINE,  # noqa: E402
                          CROSSFILE_USERS_C, write_crossfile_project)
from lsp_client import LspClient, uri_of  # noqa: E402

BINARY = None
SOURCE_DIR = None

A_C = """#include <stdlib.h>
#include "names.h"

void fill(void)
{
    char *p = malloc(10);
    p[0] = 0;
    free(p);
}

char first_letter(void)
{
    char *name = make_name();
    return name[0];
}
"""

B_C = """#include <stdlib.h>
#include <string.h>

size_t home_length(void)
{
    const char *home = getenv("HOME");
    return strlen(home);
}
"""

HEADER = "char *make_name(void);\n"


def position_offset(text, position):
    """Offset of an LSP position (UTF-16 = code points here: ASCII text)."""
    lines = text.split("\n")
    offset = sum(len(line) + 1 for line in lines[:position["line"]])
    return offset + position["character"]


def apply_edits(text, edits):
    for edit in sorted(edits, key=lambda e: position_offset(text, e["range"]["start"]),
                       reverse=True):
        start = position_offset(text, edit["range"]["start"])
        end = position_offset(text, edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


class LspSessionTest(unittest.TestCase):
    def setUp(self):
        self.root = os.path.realpath(tempfile.mkdtemp(prefix="nullproof-lsp-"))
        os.makedirs(os.path.join(self.root, "src"))
        os.makedirs(os.path.join(self.root, "include"))
        self.a = os.path.join(self.root, "src", "a.c")
        self.b = os.path.join(self.root, "src", "b.c")
        self.header = os.path.join(self.root, "include", "names.h")
        for path, text in ((self.a, A_C), (self.b, B_C), (self.header, HEADER)):
            with open(path, "w") as stream:
                stream.write(text)
        entries = [{"directory": self.root, "arguments": ["cc", "-Iinclude", "-c", name],
                    "file": name} for name in ("src/a.c", "src/b.c")]
        with open(os.path.join(self.root, "compile_commands.json"), "w") as stream:
            json.dump(entries, stream)
        self.log = open(os.path.join(self.root, "server.log"), "w+")
        self.client = LspClient([BINARY, "--lsp"], cwd=self.root, stderr=self.log)

    def tearDown(self):
        self.client.kill()
        self.log.close()
        shutil.rmtree(self.root)

    def server_log(self):
        self.log.seek(0)
        return self.log.read()

    def code_actions(self, uri, diagnostic, only=None):
        context = {"diagnostics": [diagnostic]}
        if only:
            context["only"] = only
        response = self.client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diagnostic["range"], "context": context})
        self.assertIn("result", response, response)
        return response["result"]

    def test_session(self):
        client = self.client
        result = client.initialize(self.root)["result"]
        capabilities = result["capabilities"]
        self.assertEqual(result["serverInfo"]["name"], "nullproof")
        self.assertTrue(result["serverInfo"]["version"])
        self.assertTrue(capabilities["textDocumentSync"]["openClose"])
        self.assertIn(capabilities["textDocumentSync"]["change"], (1, 2))
        self.assertIn("save", capabilities["textDocumentSync"])
        self.assertIn("quickfix", capabilities["codeActionProvider"]["codeActionKinds"])

        # A buggy file: the diagnostic, its rule, line, page and note.
        uri = uri_of(self.a)
        client.open(self.a, A_C, version=1)
        published = client.diagnostics(uri, version=1)
        diagnostics = published["diagnostics"]
        self.assertEqual([(d["code"], d["range"]["start"]["line"]) for d in diagnostics],
                         [("unchecked-alloc", 6)], self.server_log())
        diagnostic = diagnostics[0]
        self.assertEqual(diagnostic["source"], "nullproof")
        self.assertEqual(diagnostic["severity"], 2)
        self.assertEqual(diagnostic["range"]["start"]["character"], 4)
        self.assertEqual(diagnostic["message"], "'p' may be NULL and is indexed")
        self.assertTrue(diagnostic["codeDescription"]["href"].endswith("rules/unchecked-alloc.md"))
        related = diagnostic["relatedInformation"]
        self.assertEqual(related[0]["location"]["uri"], uri)
        self.assertEqual(related[0]["location"]["range"]["start"], {"line": 5, "character": 14})
        self.assertIn("malloc() returns NULL", related[0]["message"])

        # The code actions: the fix-it (preferred), the suppression, the pattern.
        actions = self.code_actions(uri, diagnostic)
        titles = [action["title"] for action in actions]
        fix = [action for action in actions if action.get("isPreferred")]
        self.assertEqual(len(fix), 1, titles)
        self.assertEqual(fix[0]["kind"], "quickfix")
        self.assertIn("if (p == NULL) return;", fix[0]["title"])
        suppress = [a for a in actions if a["title"].startswith("Suppress")]
        self.assertEqual(len(suppress), 1, titles)
        pattern = [a for a in actions if "command" in a]
        self.assertEqual(len(pattern), 1, titles)
        self.assertNotIn("edit", pattern[0])
        self.assertIn("Result", pattern[0]["title"])
        # `only` filters by kind
        self.assertEqual([a["kind"] for a in self.code_actions(uri, diagnostic,
                                                               ["refactor"])],
                         ["refactor.rewrite"])

        # The command shows the advice.
        shown = client.request("workspace/executeCommand", pattern[0]["command"])
        self.assertIsNone(shown.get("result"), shown)
        message = client.wait_for(lambda m: m.get("method") == "window/showMessage")
        self.assertIn("NP_RESULT_DECLARE", message["params"]["message"])

        # Apply the fix-it as an incremental change: the diagnostic clears.
        edits = fix[0]["edit"]["changes"][uri]
        fixed = apply_edits(A_C, edits)
        self.assertIn("    char *p = malloc(10);\n    if (p == NULL) return;\n    p[0] = 0;",
                      fixed)
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": edit["range"], "text": edit["newText"]}
                               for edit in edits]})
        self.assertEqual(client.diagnostics(uri, version=2)["diagnostics"], [])

        # Back to the buggy text without saving: the diagnostic returns.
        client.change(self.a, 3, text=A_C)
        again = client.diagnostics(uri, version=3)["diagnostics"]
        self.assertEqual([(d["code"], d["range"]["start"]["line"]) for d in again],
                         [("unchecked-alloc", 6)])

        # Suppress on this line: the comment is inserted and honoured.
        edits = self.code_actions(uri, again[0])
        edit = [a for a in edits if a["title"].startswith("Suppress")][0]["edit"]["changes"][uri]
        suppressed = apply_edits(A_C, edit)
        self.assertIn("    p[0] = 0; // nullproof: ignore[unchecked-alloc]\n", suppressed)
        client.change(self.a, 4, text=suppressed)
        self.assertEqual(client.diagnostics(uri, version=4)["diagnostics"], [])
        client.change(self.a, 5, text=A_C)
        self.assertEqual(len(client.diagnostics(uri, version=5)["diagnostics"]), 1)

        # A second file.
        uri_b = uri_of(self.b)
        client.open(self.b, B_C, version=1)
        second = client.diagnostics(uri_b, version=1)["diagnostics"]
        self.assertEqual([(d["code"], d["range"]["start"]["line"],
                           d["range"]["start"]["character"]) for d in second],
                         [("unchecked-lookup", 6, 11)])

        # An unsaved header edit re-checks the open file that includes it.
        uri_h = uri_of(self.header)
        client.open(self.header, HEADER, version=1)
        client.change(self.header, 2, text="char *_Nullable make_name(void);\n")
        rechecked = client.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and
            m["params"]["uri"] == uri and len(m["params"]["diagnostics"]) == 2)
        self.assertEqual(sorted((d["code"], d["range"]["start"]["line"])
                                for d in rechecked["params"]["diagnostics"]),
                         [("unchecked-alloc", 6), ("unchecked-nullable", 13)])
        self.assertEqual(rechecked["params"]["version"], 5)
        with open(self.header) as stream:
            self.assertEqual(stream.read(), HEADER)  # nothing was written

        # Quick edits: only the last version is analysed and published.
        for version in (6, 7, 8):
            client.change(self.a, version, text=A_C + "\n" * version)
        client.diagnostics(uri, version=8)
        superseded = [m for m in client.notifications
                      if m.get("method") == "textDocument/publishDiagnostics" and
                      m["params"]["version"] in (6, 7)]
        self.assertEqual(superseded, [])

        # A malformed message, then a bad header: ParseError, and the
        # next request is still answered.
        body = b'{"jsonrpc": "2.0", "id": 99, "method": '
        client.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        error = client.wait_for(lambda m: "error" in m and m.get("id") is None)
        self.assertEqual(error["error"]["code"], -32700)
        client.send_raw(b"Content-Type: text/plain\r\n\r\n")
        error = client.wait_for(lambda m: "error" in m and m.get("id") is None)
        self.assertEqual(error["error"]["code"], -32700)
        answered = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri_b}, "range": second[0]["range"],
            "context": {"diagnostics": second}})
        self.assertTrue(answered["result"], answered)

        # Unknown methods.
        unknown = client.request("nullproof/noSuchMethod", {})
        self.assertEqual(unknown["error"]["code"], -32601)

        # A cancelled request is answered once: its result or RequestCancelled.
        request_id = client.request_async("textDocument/codeAction", {
            "textDocument": {"uri": uri_b}, "range": second[0]["range"],
            "context": {"diagnostics": second}})
        client.notify("$/cancelRequest", {"id": request_id})
        cancelled = client.response(request_id)
        self.assertTrue("result" in cancelled or cancelled["error"]["code"] == -32800,
                        cancelled)
        self.assertEqual(client.request("nullproof/noSuchMethod")["error"]["code"], -32601)

        # Close: the diagnostics are cleared.
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri_b}})
        self.assertEqual(client.diagnostics(uri_b)["diagnostics"], [])
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri_h}})

        response, status = client.shutdown_and_exit()
        self.assertIsNone(response["result"])
        self.assertEqual(status, 0, self.server_log())
        self.assertNotIn("ERROR: AddressSanitizer", self.server_log())
        self.assertNotIn("runtime error", self.server_log())

    def test_header_findings(self):
        """A finding in an open header, from the unit that includes it, is
        published for the header; its code actions work there; a
        suppression typed (unsaved) in the header hides it; closing the
        unit takes it away."""
        header_text = ("#include <stdlib.h>\n"
                       "static inline char *name_copy(void)\n"
                       "{\n"
                       "    char *copy = malloc(8);\n"
                       "    copy[0] = 'n';\n"
                       "    return copy;\n"
                       "}\n" + HEADER)
        client = self.client
        client.initialize(self.root)
        uri, uri_h = uri_of(self.a), uri_of(self.header)
        client.open(self.header, header_text)
        client.open(self.a, A_C)
        own = client.diagnostics(uri)["diagnostics"]
        self.assertEqual([d["range"]["start"]["line"] for d in own], [6])  # not the header's
        found = client.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and
            m["params"]["uri"] == uri_h and m["params"]["diagnostics"])
        diagnostics = found["params"]["diagnostics"]
        self.assertEqual([(d["code"], d["range"]["start"]["line"]) for d in diagnostics],
                         [("unchecked-alloc", 4)])
        actions = self.code_actions(uri_h, diagnostics[0])
        suppress = [a for a in actions if a["title"].startswith("Suppress")]
        self.assertEqual(len(suppress), 1, actions)
        suppressed = apply_edits(header_text, suppress[0]["edit"]["changes"][uri_h])
        self.assertIn("    copy[0] = 'n'; // nullproof: ignore[unchecked-alloc]\n", suppressed)
        client.change(self.header, 2, text=suppressed)
        cleared = client.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and
            m["params"]["uri"] == uri_h and m["params"]["version"] == 2)
        self.assertEqual(cleared["params"]["diagnostics"], [])
        client.change(self.header, 3, text=header_text)
        client.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and
            m["params"]["uri"] == uri_h and m["params"]["version"] == 3 and
            m["params"]["diagnostics"])
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        gone = client.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and
            m["params"]["uri"] == uri_h and not m["params"]["diagnostics"])
        self.assertEqual(gone["params"]["diagnostics"], [])
        self.assertEqual(client.shutdown_and_exit()[1], 0)

    def test_exit_without_shutdown(self):
        self.client.initialize(self.root)
        self.client.notify("exit")
        self.client.process.stdin.close()
        self.assertEqual(self.client.process.wait(60), 1)

    def test_requests_before_initialize(self):
        response = self.client.request("textDocument/codeAction", {})
        self.assertEqual(response["error"]["code"], -32002)
        self.client.initialize(self.root)
        response, status = self.client.shutdown_and_exit()
        self.assertEqual(status, 0)

    def test_whole_program(self):
        """A lookup defined in another unit of the database and used
        unchecked in the buffer is found, with a note at its definition;
        once that unit is changed on disk and saved so that it never
        returns NULL, the finding goes."""
        users, main = write_crossfile_project(self.root, "src")
        self.client.initialize(self.root)
        self.client.open(main, CROSSFILE_MAIN_C)
        diagnostics = self.client.diagnostics(uri_of(main))["diagnostics"]
        self.assertEqual([(d["code"], d["range"]["start"]["line"]) for d in diagnostics],
                         [("unchecked-lookup", CROSSFILE_USE_LINE)], self.server_log())
        related = [info["location"]["uri"] for info in diagnostics[0]["relatedInformation"]]
        self.assertIn(uri_of(users), related)
        # users.c now aborts instead of returning NULL: saved, main.c is clean
        with open(users, "w") as stream:
            stream.write(CROSSFILE_USERS_C.replace("return NULL;", "abort();"))
        self.client.open(users, CROSSFILE_USERS_C.replace("return NULL;", "abort();"))
        self.client.notify("textDocument/didSave", {"textDocument": {"uri": uri_of(users)}})
        cleared = self.client.wait_for(
            lambda message: message.get("method") == "textDocument/publishDiagnostics" and
            message["params"]["uri"] == uri_of(main) and not message["params"]["diagnostics"])
        self.assertTrue(cleared, self.server_log())
        self.assertEqual(self.client.shutdown_and_exit()[1], 0)

    def test_whole_program_with_cache(self):
        """With --cache-dir the table is made through the CLI's result
        cache: entries are written, and a second session finds the same."""
        cache = os.path.join(self.root, "cache")
        main = write_crossfile_project(self.root, "src")[1]
        found = []
        for session in range(2):
            self.client.kill()
            self.client = LspClient([BINARY, "--lsp", "--cache-dir", cache], cwd=self.root,
                                    stderr=self.log)
            self.client.initialize(self.root)
            self.client.open(main, CROSSFILE_MAIN_C)
            diagnostics = self.client.diagnostics(uri_of(main))["diagnostics"]
            found.append([(d["code"], d["range"]["start"]["line"]) for d in diagnostics])
            self.assertEqual(self.client.shutdown_and_exit()[1], 0)
            if session == 0:
                stored = [name for name in os.listdir(cache) if name.endswith(".npc")]
                self.assertEqual(len(stored), 2, self.server_log())
        self.assertEqual(found, [[("unchecked-lookup", CROSSFILE_USE_LINE)]] * 2,
                         self.server_log())

    def test_missing_database(self):
        """A database directory that does not exist fails initialize with a
        message; a second initialize without it works."""
        response = self.client.initialize(self.root, {"compilationDatabasePath": "no/such"})
        self.assertIn("error", response)
        self.assertIn("no/such", response["error"]["message"])
        response = self.client.initialize(self.root)
        self.assertIn("capabilities", response["result"])
        self.assertEqual(self.client.shutdown_and_exit()[1], 0)

    def test_initialization_options(self):
        """The database directory and the configuration file come from
        initializationOptions: a database elsewhere, and a configuration
        that makes the rule an error."""
        build = os.path.join(self.root, "build")
        os.makedirs(build)
        os.rename(os.path.join(self.root, "compile_commands.json"),
                  os.path.join(build, "compile_commands.json"))
        config = os.path.join(self.root, "strict.yaml")
        with open(config, "w") as stream:
            stream.write("severity:\n  unchecked-alloc: error\n")
        # relative to the workspace root, not to the server's directory
        self.client.kill()
        self.client = LspClient([BINARY, "--lsp"], cwd="/", stderr=self.log)
        self.client.initialize(self.root, {"compilationDatabasePath": "build",
                                           "configFile": config})
        self.client.open(self.a, A_C)
        diagnostics = self.client.diagnostics(uri_of(self.a))["diagnostics"]
        self.assertEqual([(d["code"], d["severity"]) for d in diagnostics],
                         [("unchecked-alloc", 1)], self.server_log())
        self.assertEqual(self.client.shutdown_and_exit()[1], 0)


def main():
    global BINARY, SOURCE_DIR
    if len(sys.argv) < 3:
        sys.exit("usage: test_lsp.py NULLPROOF_BINARY SOURCE_DIR")
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])


if __name__ == "__main__":
    main()
