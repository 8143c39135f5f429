#!/usr/bin/env python3
"""`nullproof --lsp` in a real LSP client: headless Neovim (Debian's
neovim, 0.7's built-in client) starts with the configuration that
docs/editors.md gives (its first ```lua block under "Neovim: the built-in
client", used as init.lua unchanged, `nullproof` found on PATH), opens a C
file of a tiny project with compile_commands.json, so that the FileType
autocommand attaches the server; a small Lua script then waits until
vim.diagnostic.get() lists the rule, picks the preferred quick fix
through vim.lsp.buf.code_action() (vim.ui.select answered by the script),
checks the buffer's text and waits for the diagnostic to clear. The
script writes what it saw to a JSON file that the test reads back.

Without nvim the test exits 77 (ctest: skipped).

Usage: test_neovim_lsp.py NULLPROOF_BINARY SOURCE_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = None
SOURCE_DIR = None
SKIP = 77

SOURCE = """#include <stdlib.h>
#include "fill.h"

void fill(void)
{
    char *p = malloc(FILL_SIZE);
    p[0] = 0;
    free(p);
}
"""

# The client's part, run with :luafile. Every step is recorded; the script
# always quits, and the test reads `result.json`.
SCRIPT = r"""
local result = {}
local function finish()
  local stream = io.open(RESULT_PATH, 'w')
  stream:write(vim.fn.json_encode(result))
  stream:close()
  vim.cmd('qall!')
end
local function has_rule(rule)
  for _, diagnostic in ipairs(vim.diagnostic.get(0)) do
    if diagnostic.code == rule and diagnostic.source == 'nullproof' then
      return diagnostic
    end
  end
  return nil
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(SOURCE_PATH))
  result.filetype = vim.bo.filetype
  -- the documented FileType autocommand attaches the server
  result.client_started = vim.wait(30000, function()
    return #vim.lsp.buf_get_clients(0) > 0
  end, 20)
  local client = vim.lsp.buf_get_clients(0)[1] or vim.lsp.get_active_clients()[1]
  result.client_name = client and client.name
  result.root_dir = client and client.config.root_dir

  result.diagnostic_seen = vim.wait(60000, function() return has_rule('unchecked-alloc') ~= nil end, 50)
  local diagnostic = has_rule('unchecked-alloc')
  if diagnostic then
    result.diagnostic = { lnum = diagnostic.lnum, col = diagnostic.col, message = diagnostic.message,
                          code = diagnostic.code }
  end
  if not result.diagnostic_seen then return end

  -- The code action as a user gets it: :lua vim.lsp.buf.code_action() on the
  -- line, the preferred action chosen in the menu.
  result.titles = {}
  local chosen = false
  vim.ui.select = function(items, _, on_choice)
    local pick = nil
    for _, item in ipairs(items) do
      table.insert(result.titles, item[2].title)
      if item[2].isPreferred then pick = item end
    end
    chosen = pick ~= nil
    on_choice(pick)
  end
  vim.api.nvim_win_set_cursor(0, { diagnostic.lnum + 1, diagnostic.col })
  vim.lsp.buf.code_action()
  result.action_chosen = vim.wait(30000, function() return chosen end, 20)
  result.lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  result.cleared = vim.wait(60000, function() return has_rule('unchecked-alloc') == nil end, 50)
  result.modified = vim.bo.modified
  if client then vim.lsp.stop_client(client.id) end
end)
result.ok = ok
result.error = err and tostring(err) or nil
finish()
"""


def documented_configuration():
    """The Lua of docs/editors.md's "Neovim: the built-in client" section."""
    with open(os.path.join(SOURCE_DIR, "docs", "editors.md")) as stream:
        text = stream.read()
    section = text[text.index("### Neovim: the built-in client"):]
    return re.search(r"```lua\n(.*?)```", section, re.DOTALL).group(1)


class NeovimLspTest(unittest.TestCase):
    def setUp(self):
        self.root = os.path.realpath(tempfile.mkdtemp(prefix="nullproof-nvim-lsp-"))
        self.source = os.path.join(self.root, "src", "fill.c")
        os.makedirs(os.path.dirname(self.source))
        os.makedirs(os.path.join(self.root, "include"))
        with open(self.source, "w") as stream:
            stream.write(SOURCE)
        with open(os.path.join(self.root, "include", "fill.h"), "w") as stream:
            stream.write("#define FILL_SIZE 10\n")
        with open(os.path.join(self.root, "compile_commands.json"), "w") as stream:
            json.dump([{"directory": self.root, "file": "src/fill.c",
                        "arguments": ["cc", "-Iinclude", "-c", "src/fill.c"]}], stream)

    def tearDown(self):
        shutil.rmtree(self.root)

    def run_neovim(self):
        result_path = os.path.join(self.root, "result.json")
        init = os.path.join(self.root, "init.lua")
        with open(init, "w") as stream:
            stream.write(documented_configuration())
        script = os.path.join(self.root, "check.lua")
        with open(script, "w") as stream:
            for name, value in (("SOURCE_PATH", self.source), ("RESULT_PATH", result_path)):
                stream.write("%s = %s\n" % (name, json.dumps(value)))
            stream.write(SCRIPT)
        bin_directory = os.path.join(self.root, "bin")
        os.makedirs(bin_directory)
        os.symlink(BINARY, os.path.join(bin_directory, "nullproof"))
        environment = dict(os.environ)
        environment["HOME"] = self.root
        environment["XDG_STATE_HOME"] = os.path.join(self.root, "state")
        environment["XDG_DATA_HOME"] = os.path.join(self.root, "data")
        environment["XDG_CACHE_HOME"] = os.path.join(self.root, "cache")
        environment["PATH"] = bin_directory + os.pathsep + environment.get("PATH", "")
        completed = subprocess.run(
            ["nvim", "--headless", "-u", init, "-i", "NONE", "-n", "-c", "luafile " + script],
            cwd="/", capture_output=True, text=True, env=environment, timeout=240,
            stdin=subprocess.DEVNULL)
        self.assertTrue(os.path.exists(result_path),
                        "nvim wrote no result (status %d):\n%s%s" %
                        (completed.returncode, completed.stdout, completed.stderr))
        with open(result_path) as stream:
            return json.load(stream)

    def test_diagnostic_and_quick_fix(self):
        result = self.run_neovim()
        self.assertTrue(result["ok"], result.get("error"))
        self.assertEqual(result["filetype"], "c")
        self.assertTrue(result["client_started"], result)
        self.assertEqual(result["client_name"], "nullproof")
        self.assertEqual(result["root_dir"], self.root)  # where compile_commands.json is
        self.assertTrue(result["diagnostic_seen"], result)
        self.assertEqual(result["diagnostic"], {"lnum": 6, "col": 4, "code": "unchecked-alloc",
                                                "message": "'p' may be NULL and is indexed"})
        self.assertTrue(result["action_chosen"], result)
        self.assertIn("Insert 'if (p == NULL) return;'", result["titles"])
        self.assertIn("Suppress unchecked-alloc on this line", result["titles"])
        self.assertEqual(result["lines"][5:8], ["    char *p = malloc(FILL_SIZE);",
                                                "    if (p == NULL) return;",
                                                "    p[0] = 0;"])
        self.assertTrue(result["modified"])  # edited in the buffer, not on disk
        self.assertTrue(result["cleared"], result)
        with open(self.source) as stream:
            self.assertEqual(stream.read(), SOURCE)


def main():
    global BINARY, SOURCE_DIR
    if len(sys.argv) < 3:
        sys.exit("usage: test_neovim_lsp.py NULLPROOF_BINARY SOURCE_DIR")
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    if not shutil.which("nvim"):
        print("SKIPPED: Neovim (nvim) is not installed (scripts/install-deps.sh installs "
              "Debian's neovim); the language server was not tested in it")
        sys.exit(SKIP)
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])


if __name__ == "__main__":
    main()
