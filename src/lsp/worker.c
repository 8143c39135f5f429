/*
 * worker: the analysis thread. It takes the pending document whose
 * debounce ran out first, copies its text and every open buffer, analyses
 * without the lock, and publishes the result only when the document is
 * still open at the version analysed: a newer version supersedes an older
 * analysis, whose result is dropped (the newer one is pending already).
 */
#include "server.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../support/xalloc.h"

static struct timespec now_plus(int milliseconds)
{
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    time.tv_sec += milliseconds / 1000;
    time.tv_nsec += (long)(milliseconds % 1000) * 1000000L;
    if (time.tv_nsec >= 1000000000L) {
        time.tv_sec++;
        time.tv_nsec -= 1000000000L;
    }
    return time;
}

static bool before(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static bool includes(const struct lsp_document *document, const char *path)
{
    for (int i = 0; document->has_result && i < document->result.include_count; i++)
        if (strcmp(document->result.includes[i], path) == 0)
            return true;
    return false;
}

void lsp_schedule(struct lsp_server *server, struct lsp_document *document, int delay_ms,
                  bool includers)
{
    struct timespec due = now_plus(delay_ms);
    document->pending = true;
    document->due = due;
    /* a header edit re-checks the open units that include it */
    for (int i = 0; includers && i < server->documents.count; i++) {
        struct lsp_document *other = server->documents.items[i];
        if (other != document && includes(other, document->path)) {
            other->pending = true;
            other->due = due;
        }
    }
    pthread_cond_signal(&server->wake_worker);
}

/* The pending document due first, or NULL; `wait` receives its time. */
static struct lsp_document *next_due(struct lsp_server *server, struct timespec *wait)
{
    struct lsp_document *first = NULL;
    for (int i = 0; i < server->documents.count; i++) {
        struct lsp_document *document = server->documents.items[i];
        if (document->pending && (!first || before(&document->due, &first->due)))
            first = document;
    }
    if (first)
        *wait = first->due;
    return first;
}

/* A copy of every open buffer, taken under the lock. */
struct snapshot {
    char *uri;
    char *path;
    int version;
    struct frontend_unsaved *buffers;
    int buffer_count;
    int self;                         /* index of the document's own buffer */
};

static void take_snapshot(struct lsp_server *server, const struct lsp_document *document,
                          struct snapshot *snapshot)
{
    snapshot->uri = xstrdup(document->uri);
    snapshot->path = xstrdup(document->path);
    snapshot->version = document->version;
    snapshot->buffer_count = server->documents.count;
    snapshot->buffers = xcalloc((size_t)snapshot->buffer_count + 1, sizeof *snapshot->buffers);
    for (int i = 0; i < server->documents.count; i++) {
        const struct lsp_document *open = server->documents.items[i];
        snapshot->buffers[i].path = xstrdup(open->path);
        snapshot->buffers[i].text = xstrndup(open->text, open->length);
        snapshot->buffers[i].length = open->length;
        if (open == document)
            snapshot->self = i;
    }
}

static void free_snapshot(struct snapshot *snapshot)
{
    for (int i = 0; i < snapshot->buffer_count; i++) {
        free((char *)snapshot->buffers[i].path);
        free((char *)snapshot->buffers[i].text);
    }
    free(snapshot->buffers);
    free(snapshot->uri);
    free(snapshot->path);
}

/* Errors go to the client's log too; the rest, as the CLI's, only with
 * --verbose (every analysis would repeat them). */
static void log_messages(struct lsp_server *server, const struct message_list *messages)
{
    for (int i = 0; i < messages->count; i++) {
        bool error = messages->items[i].kind == MESSAGE_ERROR;
        if (error || server->options.verbose)
            lsp_log(server, error ? 2 : 4, "%s", messages->items[i].text);
    }
}

/* Runs one analysis of `document` (lock held on entry and on return). */
static void analyse_one(struct lsp_server *server, struct lsp_document *document)
{
    document->pending = false;
    if (server->reload_configuration) {
        server->reload_configuration = false;
        lsp_analyser_reload(&server->analyser);
    }
    if (server->refresh_project) {
        server->refresh_project = false;
        server->analyser.project_stale = true;
    }
    struct snapshot snapshot;
    memset(&snapshot, 0, sizeof snapshot);
    take_snapshot(server, document, &snapshot);
    pthread_mutex_unlock(&server->lock);

    struct job_output output;
    bool unit = lsp_is_unit(&server->analyser, snapshot.path);
    if (unit) {
        const struct frontend_unsaved *self = &snapshot.buffers[snapshot.self];
        struct lsp_analysis_request request = {snapshot.path, self->text, self->length,
                                               snapshot.buffers, snapshot.buffer_count};
        lsp_analyse(&server->analyser, &request, &output);
        log_messages(server, &output.messages);
    }

    pthread_mutex_lock(&server->lock);
    struct lsp_document *current = documents_find(&server->documents, snapshot.uri);
    if (!unit) {
        /* a header: the units that include it were scheduled with it */
    } else if (current && current->version == snapshot.version && !current->pending) {
        document_release_result(current);
        current->result = output;
        current->has_result = true;
        current->result_version = snapshot.version;
        server->analyses++;
        lsp_notify(server, "textDocument/publishDiagnostics", lsp_diagnostics(server, current));
        lsp_publish_included(server, current);
    } else {
        job_output_free(&output); /* superseded by a newer version, or closed */
    }
    free_snapshot(&snapshot);
}

void *lsp_analyse_documents(void *argument)
{
    struct lsp_server *server = argument;
    pthread_mutex_lock(&server->lock);
    while (!server->stopping) {
        struct timespec due;
        struct lsp_document *document = next_due(server, &due);
        if (!document) {
            pthread_cond_wait(&server->wake_worker, &server->lock);
            continue;
        }
        struct timespec now = now_plus(0);
        if (before(&now, &due)) {
            int status = pthread_cond_timedwait(&server->wake_worker, &server->lock, &due);
            if (status != 0 && status != ETIMEDOUT)
                break;
            continue;
        }
        analyse_one(server, document);
    }
    pthread_mutex_unlock(&server->lock);
    return NULL;
}
