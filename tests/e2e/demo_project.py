"""Shared by the format, baseline and integration end-to-end tests: running
the nullproof binary and a compile database for testdata/demo written by
hand (the same flags as its CMakeLists.txt, without running CMake)."""
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
