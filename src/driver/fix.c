/*
 * fix: the --fix policy and the file work around edits.c: asking git
 * whether a file may be rewritten, the backup, an atomic rewrite (a
 * temporary file renamed over the original, its mode kept) and the report
 * of what changed.
 */
#include "fix.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../support/string_buffer.h"
#include "edits.h"
#include "../support/files.h"
#include "../support/xalloc.h"

extern char **environ;

enum git_state { GIT_CLEAN, GIT_CHANGED, GIT_UNTRACKED, GIT_NO_WORK_TREE };

/* What `git status` says of the file `absolute`: tracked and unchanged,
 * changed (staged or not), untracked or ignored, or not in a work tree (or
 * no git at all). */
static enum git_state git_state(const char *absolute)
{
    char *directory = xstrdup(absolute);
    char *slash = strrchr(directory, '/');
    const char *name = slash ? slash + 1 : absolute;
    if (slash)
        *slash = '\0';
    char *const arguments[] = {"git", "--no-optional-locks", "-C",
                               slash ? (directory[0] ? directory : "/") : ".",
                               "status", "--porcelain", "--ignored", "--untracked-files=all",
                               "--", (char *)name, NULL};
    int pipe_ends[2];
    enum git_state state = GIT_NO_WORK_TREE;
    if (pipe(pipe_ends) != 0) {
        free(directory);
        return state;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addclose(&actions, pipe_ends[0]);
    pid_t child = 0;
    int spawned = posix_spawnp(&child, "git", &actions, NULL, arguments, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_ends[1]);
    struct string_buffer output;
    string_buffer_init(&output);
    char chunk[512];
    ssize_t got;
    while (spawned == 0 && (got = read(pipe_ends[0], chunk, sizeof chunk)) != 0) {
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            break;
        string_buffer_append_length(&output, chunk, (size_t)got);
    }
    close(pipe_ends[0]);
    int status = 0;
    if (spawned == 0 && waitpid(child, &status, 0) == child && WIFEXITED(status) &&
        WEXITSTATUS(status) == 0) {
        const char *text = string_buffer_text(&output);
        if (output.length == 0)
            state = GIT_CLEAN;
        else if (strncmp(text, "??", 2) == 0 || strncmp(text, "!!", 2) == 0)
            state = GIT_UNTRACKED;
        else
            state = GIT_CHANGED;
    }
    string_buffer_free(&output);
    free(directory);
    return state;
}

static char *read_file(const char *path, size_t *length)
{
    char *text;
    if (read_whole_file(path, 0, &text, length) != READ_OK) {
        free(text);
        return NULL;
    }
    return text;
}

/* Writes `text` to `path` (which must not exist when `exclusive`). */
static int write_file(const char *path, const char *text, size_t length, mode_t mode,
                      bool exclusive)
{
    int flags = O_WRONLY | O_CREAT | (exclusive ? O_EXCL : O_TRUNC);
    int descriptor = open(path, flags, mode);
    if (descriptor < 0)
        return -1;
    size_t written = 0;
    while (written < length) {
        ssize_t wrote = write(descriptor, text + written, length - written);
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0) {
            close(descriptor);
            return -1;
        }
        written += (size_t)wrote;
    }
    return close(descriptor);
}

/* The new text goes to PATH.nullproof-fix first, then replaces PATH. */
static int replace_file(const char *path, const char *text, size_t length, mode_t mode)
{
    size_t size = strlen(path) + sizeof ".nullproof-fix";
    char *temporary = xmalloc(size);
    snprintf(temporary, size, "%s.nullproof-fix", path);
    int status = write_file(temporary, text, length, mode, false);
    if (status == 0)
        status = chmod(temporary, mode);
    if (status == 0)
        status = rename(temporary, path);
    if (status != 0)
        unlink(temporary);
    free(temporary);
    return status;
}

/* May `display` (at `absolute`) be rewritten? Adds the refusal if not. */
static bool allowed(const char *display, const char *absolute, bool backup,
                    struct message_list *messages)
{
    if (backup)
        return true;
    switch (git_state(absolute)) {
    case GIT_CLEAN:
        return true;
    case GIT_CHANGED:
        message_add(messages, MESSAGE_ERROR,
                    "--fix: %s has uncommitted changes; commit them first, or use "
                    "--fix-backup", display);
        break;
    case GIT_UNTRACKED:
        message_add(messages, MESSAGE_ERROR,
                    "--fix: git does not track %s; commit it first, or use --fix-backup",
                    display);
        break;
    case GIT_NO_WORK_TREE:
        message_add(messages, MESSAGE_ERROR,
                    "--fix: %s is not in a git work tree; use --fix-backup to keep its "
                    "original in %s.orig", display, display);
        break;
    }
    return false;
}

/* One changed place, as the log shows it: the inserted text without its
 * indentation and newline, placed by the lines of the original file. */
static void log_edit(FILE *log, const char *display, const struct text_edit *edit)
{
    const char *text = edit->replacement;
    while (*text == ' ' || *text == '\t')
        text++;
    size_t length = strlen(text);
    while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == '\r'))
        length--;
    bool insertion = edit->line == edit->end_line && edit->column == edit->end_column;
    if (insertion && edit->column == 1 && edit->line > 1)
        fprintf(log, "nullproof: %s: inserted '%.*s' after line %u\n", display, (int)length,
                text, edit->line - 1);
    else if (insertion)
        fprintf(log, "nullproof: %s: inserted '%.*s' at %u:%u\n", display, (int)length, text,
                edit->line, edit->column);
    else
        fprintf(log, "nullproof: %s: replaced %u:%u-%u:%u with '%.*s'\n", display, edit->line,
                edit->column, edit->end_line, edit->end_column, (int)length, text);
}

static int compare_positions(const void *left, const void *right)
{
    const struct text_edit *a = *(const struct text_edit *const *)left;
    const struct text_edit *b = *(const struct text_edit *const *)right;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return (a->column > b->column) - (a->column < b->column);
}

/* The applied edits in the order of the file. */
static void log_edits(FILE *log, const char *display, struct text_edit *edits, int count)
{
    const struct text_edit **order = xcalloc((size_t)count + 1, sizeof *order);
    int applied = 0;
    for (int i = 0; i < count; i++)
        if (edits[i].status == EDIT_APPLIED)
            order[applied++] = &edits[i];
    qsort(order, (size_t)applied, sizeof *order, compare_positions);
    for (int i = 0; i < applied; i++)
        log_edit(log, display, order[i]);
    free(order);
}

/* `display` made absolute (malloc'ed): relative names are under the
 * working directory the run started in (libclang 14 may change it). */
static char *absolute_path(const char *display, const char *working_directory)
{
    if (display[0] == '/' || !working_directory) {
        char *copy = xstrdup(display);
        return copy;
    }
    size_t size = strlen(working_directory) + strlen(display) + 2;
    char *path = xmalloc(size);
    snprintf(path, size, "%s/%s", working_directory, display);
    return path;
}

/* Applies the edits of one file; returns 1 when it was changed. */
/* Whether the file's lines end in CRLF. */
static bool has_crlf(const char *text, size_t length)
{
    for (size_t i = 0; i + 1 < length; i++)
        if (text[i] == '\r' && text[i + 1] == '\n')
            return true;
    return false;
}

/* A file whose lines end in CRLF keeps them: the fix-its' own line ends
 * become "\r\n" too. Returns what restore_replacements needs to undo it. */
static char **crlf_replacements(struct text_edit *edits, int count)
{
    /* converted[i]: the new text of edit i (or NULL); converted[count + 1 + i]:
     * its original, to put back */
    char **converted = xcalloc(2 * (size_t)count + 2, sizeof *converted);
    for (int i = 0; i < count; i++) {
        const char *text = edits[i].replacement;
        converted[i + count + 1] = (char *)text;
        size_t breaks = 0;
        for (const char *c = text; *c; c++)
            breaks += *c == '\n' && (c == text || c[-1] != '\r');
        if (!breaks)
            continue;
        char *out = converted[i] = xmalloc(strlen(text) + breaks + 1);
        for (const char *c = text; *c; c++) {
            if (*c == '\n' && (c == text || c[-1] != '\r'))
                *out++ = '\r';
            *out++ = *c;
        }
        *out = '\0';
        edits[i].replacement = converted[i];
    }
    return converted;
}

/* Undoes crlf_replacements once the edits are applied: they point to
 * their own texts again, and the converted ones are freed. */
static void restore_replacements(struct text_edit *edits, int count, char **converted)
{
    if (!converted)
        return;
    for (int i = 0; i < count; i++)
        if (converted[i])
            edits[i].replacement = converted[i + count + 1];
    for (int i = 0; i < count; i++)
        free(converted[i]);
    free(converted);
}

static int fix_file(const char *display, const char *working_directory, struct text_edit *edits,
                    int count, bool backup, FILE *log, struct message_list *messages)
{
    char *absolute = absolute_path(display, working_directory);
    int changed = 0;
    size_t length = 0, new_length = 0;
    char *text = read_file(absolute, &length);
    struct stat status;
    if (!text || stat(absolute, &status) != 0) {
        message_add(messages, MESSAGE_ERROR, "--fix: cannot read %s: %s", display,
                    strerror(errno));
        free(text);
        free(absolute);
        return 0;
    }
    char **converted = has_crlf(text, length) ? crlf_replacements(edits, count) : NULL;
    int applied = 0;
    char *fixed = edits_apply(text, length, edits, count, &new_length, &applied);
    restore_replacements(edits, count, converted); /* the log shows them as given */
    for (int i = 0; i < count; i++)
        if (edits[i].status == EDIT_OUTSIDE || edits[i].status == EDIT_OVERLAP)
            message_add(messages, MESSAGE_ERROR,
                        "--fix: %s:%u:%u: fix-it not applied (%s)", display, edits[i].line,
                        edits[i].column,
                        edits[i].status == EDIT_OUTSIDE ? "outside the file: was it changed?"
                                                        : "it overlaps another one");
    mode_t mode = status.st_mode & 07777;
    if (applied > 0 && allowed(display, absolute, backup, messages)) {
        size_t size = strlen(absolute) + sizeof ".orig";
        char *original = xmalloc(size);
        snprintf(original, size, "%s.orig", absolute);
        if (backup && write_file(original, text, length, mode, true) != 0) {
            message_add(messages, MESSAGE_ERROR, "--fix-backup: cannot write %s.orig: %s",
                        display, errno == EEXIST ? "it exists already (remove it first)"
                                                 : strerror(errno));
        } else if (replace_file(absolute, fixed, new_length, mode) != 0) {
            message_add(messages, MESSAGE_ERROR, "--fix: cannot write %s: %s", display,
                        strerror(errno));
        } else {
            log_edits(log, display, edits, count);
            if (backup)
                fprintf(log, "nullproof: %s: original saved as %s.orig\n", display, display);
            changed = 1;
        }
        free(original);
    }
    free(fixed);
    free(text);
    free(absolute);
    return changed;
}

struct located_fixit {
    const char *file;
    const struct finding_fixit *fixit;
    int order;
};

static int compare_located(const void *left, const void *right)
{
    const struct located_fixit *a = left, *b = right;
    int order = strcmp(a->file, b->file);
    return order ? order : (a->order > b->order) - (a->order < b->order);
}

int fix_apply(const struct finding_list *findings, const char *working_directory, bool backup,
              FILE *log, struct message_list *messages)
{
    int total = 0;
    for (int i = 0; i < findings->count; i++)
        total += findings->items[i].fixit_count;
    struct located_fixit *all = xcalloc((size_t)total + 1, sizeof *all);
    struct text_edit *edits = xcalloc((size_t)total + 1, sizeof *edits);
    int count = 0;
    for (int i = 0; i < findings->count; i++) {
        const struct finding *finding = &findings->items[i];
        for (int f = 0; f < finding->fixit_count; f++) {
            const char *file = finding->fixits[f].file ? finding->fixits[f].file : finding->file;
            if (!file)
                continue;
            all[count].file = file;
            all[count].fixit = &finding->fixits[f];
            all[count].order = count;
            count++;
        }
    }
    qsort(all, (size_t)count, sizeof *all, compare_located);
    int files_changed = 0, edits_applied = 0;
    for (int start = 0; start < count;) {
        int end = start;
        while (end < count && strcmp(all[end].file, all[start].file) == 0) {
            const struct finding_fixit *fixit = all[end].fixit;
            struct text_edit *edit = &edits[end - start];
            edit->line = fixit->line;
            edit->column = fixit->column;
            edit->end_line = fixit->end_line ? fixit->end_line : fixit->line;
            edit->end_column = fixit->end_line ? fixit->end_column : fixit->column;
            edit->replacement = fixit->replacement;
            edit->status = EDIT_OUTSIDE;
            end++;
        }
        if (fix_file(all[start].file, working_directory, edits, end - start, backup, log,
                     messages)) {
            files_changed++;
            for (int i = 0; i < end - start; i++)
                edits_applied += edits[i].status == EDIT_APPLIED;
        }
        start = end;
    }
    if (files_changed > 0)
        fprintf(log, "nullproof: --fix applied %d fix-it%s to %d file%s\n", edits_applied,
                edits_applied == 1 ? "" : "s", files_changed, files_changed == 1 ? "" : "s");
    else if (count == 0)
        fprintf(log, "nullproof: --fix: no fix-its to apply\n");
    free(all);
    free(edits);
    return files_changed;
}
