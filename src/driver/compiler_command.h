/*
 * compiler_command: a whole compiler command line after `--`, as CMake's
 * CMAKE_C_CLANG_TIDY passes it (`nullproof OPTIONS FILE -- cc -I.. -o x.o
 * -c FILE`). It recognises that shape and turns it into parse arguments
 * the way compile_commands.json entries are filtered. Plain flags after
 * `--` (`-- -std=c11 -DX`) are not a command line and stay as they are.
 */
#ifndef NULLPROOF_COMPILER_COMMAND_H
#define NULLPROOF_COMPILER_COMMAND_H

#include <stdbool.h>

/* True when `arguments` starts with a compiler: a word that is not an
 * option and names a C compiler (cc, gcc, clang, c99, ... with a target
 * prefix or version suffix such as x86_64-linux-gnu-gcc-12), possibly
 * behind a launcher (ccache, distcc, sccache), or is an executable file.
 * *compiler_index receives the compiler's index. */
bool compiler_command_recognise(const char *const *arguments, int count, int *compiler_index);

/* Parse arguments for `source` (absolute) from the command line whose
 * compiler is arguments[compiler_index]: the compiler, launcher, -c, -o,
 * dependency-file flags and the source itself dropped, -working-directory
 * set to `directory`. Returns a malloc'ed array of malloc'ed strings
 * (count in *result_count); release with compiler_command_free. */
char **compiler_command_arguments(const char *const *arguments, int count, int compiler_index,
                                  const char *directory, const char *source, int *result_count);

void compiler_command_free(char **arguments, int count);

#endif
