"""Shared by the end-to-end tests: running the nullproof binary, a compile
database for testdata/demo written by hand (the same flags as its
CMakeLists.txt, without running CMake), and a two-file project where a
lookup defined in one unit is used unchecked in the other."""
import json
import os
import subprocess

# ../../include: the repository's include/ (nullproof/option.h, for src/store_option.c).
DEMO_FLAGS = ["-Iinclude", "-DCONTACTS_MAX_NAME=48", "-D_POSIX_C_SOURCE=200809L", "-std=c11",
              "-I../../include"]
DEMO_SOURCES = ["src/config.c", "src/main.c", "src/store.c", "src/store_option.c", "src/util.c"]
SKIP = 77  # the exit status ctest's SKIP_RETURN_CODE maps to "skipped"


def write_demo_database(source_dir, folder):
    """Writes folder/compile_commands.json for SOURCE_DIR/testdata/demo."""
    demo = os.path.join(source_dir, "testdata", "demo")
    entries = [{"directory": demo, "file": source,
                "arguments": ["cc"] + DEMO_FLAGS + ["-c", source, "-o", source + ".o"]}
               for source in DEMO_SOURCES]
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "compile_commands.json"), "w") as stream:
        json.dump(entries, stream, indent=1)
    return folder


# user_find() returns NULL when nothing matches; main.c uses its result
# unchecked, on line CROSSFILE_USE_LINE (0-based).
CROSSFILE_USERS_C = """#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct user {
    const char *name;
    int id;
};

static struct user users[] = {{"root", 0}, {"daemon", 1}};

struct user *user_find(const char *name)
{
    for (size_t i = 0; i < sizeof users / sizeof users[0]; i++)
        if (strcmp(users[i].name, name) == 0)
            return &users[i];
    return NULL;
}
"""

CROSSFILE_MAIN_C = """struct user {
    const char *name;
    int id;
};

struct user *user_find(const char *name);

int id_of(const char *name)
{
    struct user *user = user_find(name);
    return user->id;
}
"""
CROSSFILE_USE_LINE = 10


def write_crossfile_project(root, folder=""):
    """Writes root/folder/users.c and main.c and root/compile_commands.json;
    returns the paths of users.c and main.c."""
    os.makedirs(os.path.join(root, folder), exist_ok=True)
    names = [os.path.join(folder, name) for name in ("users.c", "main.c")]
    for name, text in zip(names, (CROSSFILE_USERS_C, CROSSFILE_MAIN_C)):
        with open(os.path.join(root, name), "w") as stream:
            stream.write(text)
    entries = [{"directory": root, "file": name, "arguments": ["cc", "-c", name]}
               for name in names]
    with open(os.path.join(root, "compile_commands.json"), "w") as stream:
        json.dump(entries, stream)
    return [os.path.join(root, name) for name in names]


class Result:
    def __init__(self, completed):
        self.status = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr

    def __repr__(self):
        return "status %d\n--- stdout\n%s--- stderr\n%s" % (self.status, self.stdout,
                                                            self.stderr)


def run(binary, arguments, cwd, env=None, timeout=600):
    environment = dict(os.environ)
    environment.pop("NO_COLOR", None)
    environment.update(env or {})
    completed = subprocess.run([binary] + list(arguments), cwd=cwd, capture_output=True,
                               text=True, env=environment, timeout=timeout, errors="replace")
    result = Result(completed)
    if result.status < 0 or "Sanitizer" in result.stderr or "runtime error" in result.stderr:
        raise AssertionError("nullproof failed: %r" % result)
    return result
