/*
 * parse: the front end's entry points. Parses one translation unit with
 * libclang (KeepGoing, attributed types, detailed preprocessing record),
 * reports clang's errors as findings, lowers the unit and releases every
 * libclang object before returning. It does not read compile databases
 * (compile_db.c) or analyse anything.
 */
#include "frontend.h"

#include <clang-c/Index.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lower.h"

struct frontend {
    CXIndex index;
    /* The unit being parsed and lowered, owned here so that a frontend left
     * mid-unit (out of memory: xalloc.h) still releases it when destroyed. */
    CXTranslationUnit tu;
    struct frontend_unit unit;
    bool unit_live;
};

struct frontend *frontend_create(void)
{
    struct frontend *frontend = calloc(1, sizeof *frontend);
    if (!frontend)
        return NULL;
    frontend->index = clang_createIndex(0, 0); /* we print diagnostics ourselves */
    if (!frontend->index) {
        free(frontend);
        return NULL;
    }
    return frontend;
}

/* Releases the unit in progress, if any. */
static void release_unit(struct frontend *frontend)
{
    if (frontend->unit_live)
        frontend_unit_free(&frontend->unit);
    frontend->unit_live = false;
    if (frontend->tu)
        clang_disposeTranslationUnit(frontend->tu);
    frontend->tu = NULL;
}

void frontend_destroy(struct frontend *frontend)
{
    if (!frontend)
        return;
    release_unit(frontend);
    clang_disposeIndex(frontend->index);
    free(frontend);
}

char *frontend_version(void)
{
    CXString full = clang_getClangVersion();
    const char *text = clang_getCString(full);
    const char *version = text ? strstr(text, "version ") : NULL;
    size_t length = 0;
    if (version) {
        version += strlen("version ");
        while ((version[length] >= '0' && version[length] <= '9') || version[length] == '.')
            length++;
    }
    size_t size = length + sizeof "libclang unknown";
    char *result = malloc(size);
    if (result) {
        if (length)
            snprintf(result, size, "libclang %.*s", (int)length, version);
        else
            snprintf(result, size, "libclang unknown");
    }
    clang_disposeString(full);
    return result;
}

static bool has_argument(const struct frontend_job *job, const char *prefix)
{
    for (int i = 0; i < job->argument_count; i++) {
        if (job->arguments[i] && strncmp(job->arguments[i], prefix, strlen(prefix)) == 0)
            return true;
    }
    return false;
}

/* The line of `file` holding `offset`, without its newline. */
static const char *source_line(CXTranslationUnit tu, CXFile file, unsigned offset,
                               struct arena *arena)
{
    size_t size = 0;
    const char *buffer = file ? clang_getFileContents(tu, file, &size) : NULL;
    if (!buffer || offset > size)
        return NULL;
    size_t begin = offset, end = offset;
    while (begin > 0 && buffer[begin - 1] != '\n')
        begin--;
    while (end < size && buffer[end] != '\n' && buffer[end] != '\r')
        end++;
    return arena_strndup(arena, buffer + begin, end - begin);
}

static void report_diagnostics(struct frontend_unit *unit, const char *main_file,
                               struct finding_list *diagnostics, struct frontend_result *result)
{
    unsigned count = clang_getNumDiagnostics(unit->tu);
    for (unsigned i = 0; i < count; i++) {
        CXDiagnostic diagnostic = clang_getDiagnostic(unit->tu, i);
        if (clang_getDiagnosticSeverity(diagnostic) < CXDiagnostic_Error) {
            clang_disposeDiagnostic(diagnostic);
            continue;
        }
        result->error_count++;
        CXSourceLocation location = clang_getDiagnosticLocation(diagnostic);
        CXFile file = NULL;
        unsigned line = 0, column = 0, offset = 0;
        clang_getExpansionLocation(location, &file, &line, &column, &offset);
        unit_add_error(unit, location);
        if (diagnostics) {
            int file_index = unit_file(unit, file);
            const char *name = file_index >= 0 ? unit->files[file_index].name : main_file;
            CXString message = clang_getDiagnosticSpelling(diagnostic);
            const char *text = clang_getCString(message);
            finding_add(diagnostics, "clang-diagnostic", SEVERITY_ERROR, name, line, column,
                        text ? text : "", source_line(unit->tu, file, offset, unit->arena), NULL);
            clang_disposeString(message);
        }
        clang_disposeDiagnostic(diagnostic);
    }
}

/* Flags whose value is a path, written joined (-Iinclude) or apart (-I include). */
static const char *const path_flags[] = {"-I", "-isystem", "-iquote", "-idirafter", "-include",
                                         "-imacros", "-isysroot", "-F", "--sysroot="};

static const char *absolute_path(struct arena *arena, const char *directory, const char *path)
{
    if (!directory || !path[0] || path[0] == '/')
        return path;
    return arena_printf(arena, "%s/%s", directory, path);
}

/* The arguments with every relative path made absolute against the
 * compile command's directory, and no -working-directory: libclang 14
 * implements it with chdir(), which moves every worker thread at once. */
static int absolute_arguments(const struct frontend_job *job, struct arena *arena,
                              const char **arguments)
{
    const char *directory = job->directory;
    for (int i = 0; i < job->argument_count; i++)
        if (strncmp(job->arguments[i], "-working-directory=", 19) == 0)
            directory = job->arguments[i] + 19;
    int count = 0;
    for (int i = 0; i < job->argument_count; i++) {
        const char *argument = job->arguments[i];
        if (strncmp(argument, "-working-directory", 18) == 0) {
            if (strcmp(argument, "-working-directory") == 0 && i + 1 < job->argument_count)
                directory = job->arguments[++i];
            continue;
        }
        const char *rewritten = argument;
        for (size_t f = 0; f < sizeof path_flags / sizeof path_flags[0]; f++) {
            size_t length = strlen(path_flags[f]);
            if (strncmp(argument, path_flags[f], length) != 0)
                continue;
            if (argument[length] == '\0' && i + 1 < job->argument_count) {
                arguments[count++] = argument;
                rewritten = absolute_path(arena, directory, job->arguments[++i]);
            } else if (argument[length] != '\0' && argument[length] != '-') {
                rewritten = arena_printf(arena, "%s%s", path_flags[f],
                                         absolute_path(arena, directory, argument + length));
            }
            break;
        }
        arguments[count++] = rewritten;
    }
    return count;
}

/* The quoted compiler argument a driver error names: "unknown argument:
 * '-fanalyzer'" (with or without a "did you mean"), or, for an error with
 * no place in the source, a quoted -f or -m code-generation option the
 * driver refuses (libclang 14's "'-ftrivial-auto-var-init=zero' hasn't been
 * enabled"); the opening quote, or NULL. */
static const char *refused_argument(CXDiagnostic diagnostic, const char *text)
{
    if (!text)
        return NULL;
    if (strncmp(text, "unknown argument", 16) == 0)
        return strchr(text, '\'');
    if (clang_getDiagnosticSeverity(diagnostic) < CXDiagnostic_Error)
        return NULL;
    CXFile file = NULL;
    clang_getExpansionLocation(clang_getDiagnosticLocation(diagnostic), &file, NULL, NULL, NULL);
    if (file)
        return NULL;
    for (const char *quote = strchr(text, '\''); quote; quote = strchr(quote + 1, '\''))
        if (strncmp(quote + 1, "-f", 2) == 0 || strncmp(quote + 1, "-m", 2) == 0)
            return quote;
    return NULL;
}

/* The arguments the driver part of clang rejected (refused_argument), taken
 * out of `arguments`; returns how many were removed. GCC-only flags in a
 * compile database would otherwise fail the unit. */
static int drop_unknown_arguments(CXTranslationUnit tu, const char **arguments, int *count,
                                  struct arena *arena, struct frontend_result *result)
{
    int removed = 0;
    unsigned diagnostics = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < diagnostics; i++) {
        CXDiagnostic diagnostic = clang_getDiagnostic(tu, i);
        CXString spelling = clang_getDiagnosticSpelling(diagnostic);
        const char *text = clang_getCString(spelling);
        const char *open = refused_argument(diagnostic, text);
        const char *close = open ? strchr(open + 1, '\'') : NULL;
        if (close) {
            const char *unknown = arena_strndup(arena, open + 1, (size_t)(close - open - 1));
            int kept = 0;
            for (int a = 0; a < *count; a++) {
                if (strcmp(arguments[a], unknown) == 0) {
                    removed++;
                    continue;
                }
                arguments[kept++] = arguments[a];
            }
            if (kept < *count) {
                result->dropped = arena_grow(arena, result->dropped, (size_t)result->dropped_count,
                                             (size_t)result->dropped_count + 1,
                                             sizeof *result->dropped);
                result->dropped[result->dropped_count++] = unknown;
            }
            *count = kept;
        }
        clang_disposeString(spelling);
        clang_disposeDiagnostic(diagnostic);
    }
    return removed;
}

/* Whether `argument` is a machine option that only tunes code generation
 * (-mindirect-branch=thunk, -mfunction-return=thunk): GCC takes values
 * clang's driver refuses, and then no unit comes out at all. The ones that
 * change the preprocessor or the types (-m32, -march=, -mabi=) stay. */
static bool codegen_machine_option(const char *argument)
{
    static const char *const kept[] = {"-m16", "-m32", "-m64", "-mx32", "-march=", "-mcpu=",
                                       "-mabi=", "-mfloat-abi=", "-mlong-double-"};
    if (strncmp(argument, "-m", 2) != 0 || argument[2] == '\0')
        return false;
    for (size_t k = 0; k < sizeof kept / sizeof kept[0]; k++)
        if (strncmp(argument, kept[k], strlen(kept[k])) == 0)
            return false;
    return true;
}

/* Leaves the code-generation machine options out of `arguments` (noted in
 * result->dropped, which --verbose lists); returns how many went. */
static int drop_codegen_options(const char **arguments, int *count, struct arena *arena,
                                struct frontend_result *result)
{
    int kept = 0, removed = 0;
    for (int a = 0; a < *count; a++) {
        if (!codegen_machine_option(arguments[a])) {
            arguments[kept++] = arguments[a];
            continue;
        }
        removed++;
        result->dropped = arena_grow(arena, result->dropped, (size_t)result->dropped_count,
                                     (size_t)result->dropped_count + 1, sizeof *result->dropped);
        result->dropped[result->dropped_count++] = arguments[a];
    }
    *count = kept;
    return removed;
}

/* Whether the arguments ask for C89's rule that declarations come first
 * in a block: a C89/C90 standard (the last -std= wins; -ansi is one), or
 * -Wdeclaration-after-statement. */
static bool declarations_first(const char *const *arguments, int count)
{
    static const char *const c89[] = {"-std=c89", "-std=c90", "-std=gnu89", "-std=gnu90",
                                      "-std=iso9899:1990", "-std=iso9899:199409"};
    bool old_standard = false, warned = false;
    for (int i = 0; i < count; i++) {
        const char *argument = arguments[i];
        if (strncmp(argument, "-std=", 5) == 0) {
            old_standard = false;
            for (size_t k = 0; k < sizeof c89 / sizeof c89[0]; k++)
                old_standard |= strcmp(argument, c89[k]) == 0;
        } else if (strcmp(argument, "-ansi") == 0) {
            old_standard = true;
        } else if (strcmp(argument, "-Wdeclaration-after-statement") == 0 ||
                   strcmp(argument, "-Werror=declaration-after-statement") == 0) {
            warned = true;
        } else if (strcmp(argument, "-Wno-declaration-after-statement") == 0) {
            warned = false;
        }
    }
    return old_standard || warned;
}

/* The editor's buffers as libclang takes them, in `arena`. */
static struct CXUnsavedFile *unsaved_files(const struct frontend_job *job, struct arena *arena)
{
    if (job->unsaved_count <= 0)
        return NULL;
    struct CXUnsavedFile *files =
        arena_alloc(arena, (size_t)job->unsaved_count * sizeof *files);
    for (int i = 0; i < job->unsaved_count; i++) {
        files[i].Filename = job->unsaved[i].path;
        files[i].Contents = job->unsaved[i].text;
        files[i].Length = job->unsaved[i].length;
    }
    return files;
}

struct include_list {
    struct frontend_result *result;
    struct arena *arena;
};

static void add_inclusion(CXFile file, CXSourceLocation *stack, unsigned depth,
                          CXClientData data)
{
    (void)stack;
    struct include_list *list = data;
    if (depth == 0)
        return; /* the main file */
    CXString name = clang_getFileName(file);
    const char *text = clang_getCString(name);
    if (text && text[0]) {
        struct frontend_result *result = list->result;
        result->includes = arena_grow(list->arena, result->includes,
                                      (size_t)result->include_count,
                                      (size_t)result->include_count + 1,
                                      sizeof *result->includes);
        result->includes[result->include_count++] = arena_strdup(list->arena, text);
    }
    clang_disposeString(name);
}

/* Warnings that newer clang makes errors by default while GCC 12 (the
 * compiler most compile databases here come from) accepts the code: a
 * unit the project builds must not fail the scan over them. They stay
 * warnings, which nullproof does not report. The driver would also print
 * a warning on stderr for each GCC-only -W option (gzip's
 * -Wno-unsuffixed-float-constants) in every unit. */
static const char *const gcc_accepted_errors[] = {
    "-Wno-unknown-warning-option",
    "-Wno-error=incompatible-function-pointer-types",
    "-Wno-error=int-conversion",
    "-Wno-error=implicit-function-declaration",
    "-Wno-error=implicit-int",
};
enum { GCC_ACCEPTED_COUNT = sizeof gcc_accepted_errors / sizeof gcc_accepted_errors[0] };

/* What the Clang Static Analyzer and clang-tidy define while they analyse:
 * projects spell out for analysers what the compiler need not know
 * (brotli's `BROTLI_IS_NULL(p)` is a real test only there, beside the
 * out-of-memory flag the code relies on; a logging macro's fatal level
 * calls a noreturn function). First, so that a command's own
 * -U__clang_analyzer__ still wins. */
static const char analyzer_macro[] = "-D__clang_analyzer__=1";

int frontend_run(struct frontend *frontend, const struct frontend_job *job, struct arena *arena,
                 struct finding_list *diagnostics, struct frontend_result *result)
{
    memset(result, 0, sizeof *result);
    result->diagnostics = diagnostics;
    const char **arguments = arena_alloc(
        arena, ((size_t)job->argument_count + 3 + GCC_ACCEPTED_COUNT) * sizeof *arguments);
    /* First, so that a compile command or `compile-flags: add:` that asks
     * for one of these errors (-Werror=int-conversion) still gets it. */
    int count = 0;
    for (int i = 0; i < GCC_ACCEPTED_COUNT; i++)
        arguments[count++] = gcc_accepted_errors[i];
    arguments[count++] = analyzer_macro;
    count += absolute_arguments(job, arena, arguments + count);
#ifdef LIBCLANG_RESOURCE_DIR
    /* libclang 19 run from / with -working-directory cannot find stddef.h */
    if (!has_argument(job, "-resource-dir"))
        arguments[count++] = "-resource-dir=" LIBCLANG_RESOURCE_DIR;
#endif
    unsigned options = CXTranslationUnit_KeepGoing | CXTranslationUnit_IncludeAttributedTypes |
                       CXTranslationUnit_DetailedPreprocessingRecord;
    release_unit(frontend);
    CXTranslationUnit tu = NULL;
    struct CXUnsavedFile *unsaved = unsaved_files(job, arena);
    unsigned unsaved_count = unsaved ? (unsigned)job->unsaved_count : 0;
    enum CXErrorCode status = clang_parseTranslationUnit2(
        frontend->index, job->file, arguments, count, unsaved, unsaved_count, options, &tu);
    if (status != CXError_Success && drop_codegen_options(arguments, &count, arena, result) > 0) {
        if (tu)
            clang_disposeTranslationUnit(tu);
        tu = NULL;
        status = clang_parseTranslationUnit2(frontend->index, job->file, arguments, count,
                                             unsaved, unsaved_count, options, &tu);
    }
    if (status == CXError_Success && tu &&
        drop_unknown_arguments(tu, arguments, &count, arena, result) > 0) {
        clang_disposeTranslationUnit(tu);
        tu = NULL;
        status = clang_parseTranslationUnit2(frontend->index, job->file, arguments, count,
                                             unsaved, unsaved_count, options, &tu);
    }
    frontend->tu = tu;
    if (status != CXError_Success || !tu) {
        release_unit(frontend);
        ir_unit_init(&result->unit, arena, job->file);
        result->parse_failed = true;
        result->error_message = arena_printf(
            arena, "cannot parse %s with its compile command (libclang error %d)", job->file,
            (int)status);
        return -1;
    }
    CXString spelling = clang_getTranslationUnitSpelling(tu);
    const char *main_file = clang_getCString(spelling);
    ir_unit_init(&result->unit, arena, main_file && main_file[0] ? main_file : job->file);
    clang_disposeString(spelling);

    struct frontend_unit *unit = &frontend->unit;
    frontend_unit_init(unit, tu, &result->unit, arena);
    frontend->unit_live = true;
    unit->packs = job->packs;
    unit->declarations_first = declarations_first(arguments, count);
    report_diagnostics(unit, result->unit.main_file, diagnostics, result);
    if (job->list_includes) {
        struct include_list includes = {result, arena};
        clang_getInclusions(tu, add_inclusion, &includes);
    }
    lower_translation_unit(unit);
    release_unit(frontend);
    return 0;
}
