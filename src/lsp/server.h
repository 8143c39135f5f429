/*
 * server: what one language-server session owns and the parts that share
 * it, private to src/lsp: transport.c (framing), documents.c (the open
 * buffers and LSP positions), analyse.c (one unit as the editor holds it),
 * diagnostics.c and actions.c (findings as LSP sees them), worker.c (the
 * debounced analysis thread) and server.c (dispatch and lifecycle).
 *
 * Threads: a reader (transport) queues the messages, the dispatcher
 * (server.c) answers them in order, the worker analyses. `lock` guards the
 * documents and the flags; `output_lock` the output stream, taken after
 * `lock` when both are, never before. The queue has a lock of its own
 * (`queue_lock`, taken alone) so that the reader keeps reading while the
 * others wait to write: a client that writes before it reads never blocks
 * the server.
 */
#ifndef NULLPROOF_LSP_SERVER_H
#define NULLPROOF_LSP_SERVER_H

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "../analysis/project.h"
#include "../driver/jobs.h"
#include "../driver/options.h"
#include "../driver/profiles.h"
#include "../frontend/frontend.h"

/* JSON-RPC and LSP error codes. */
enum {
    LSP_PARSE_ERROR = -32700,
    LSP_INVALID_REQUEST = -32600,
    LSP_METHOD_NOT_FOUND = -32601,
    LSP_INVALID_PARAMS = -32602,
    LSP_SERVER_NOT_INITIALIZED = -32002,
    LSP_REQUEST_CANCELLED = -32800,
};

enum { LSP_DEBOUNCE_MS = 200 };

/* How LSP positions count characters in a line (3.17 positionEncoding). */
enum lsp_encoding { LSP_UTF16, LSP_UTF8 };

/* ---- documents.c ---- */

struct lsp_document {
    char *uri;
    char *path;           /* absolute, as findings name the file */
    char *text;           /* NUL-terminated */
    size_t length;
    int version;
    bool pending;         /* to analyse once `due` has passed */
    struct timespec due;  /* CLOCK_MONOTONIC */
    bool has_result;      /* `result` is the analysis of `result_version` */
    int result_version;
    struct job_output result;
};

struct lsp_documents {
    struct lsp_document **items;
    int count;
};

struct lsp_document *documents_find(struct lsp_documents *documents, const char *uri);
struct lsp_document *documents_find_path(struct lsp_documents *documents, const char *path);

/* Opens (or replaces) the document `uri` with `text`; its path from the
 * URI. NULL when the URI is not a file: URI. */
struct lsp_document *documents_open(struct lsp_documents *documents, const char *uri,
                                    const char *text, int version);
void documents_close(struct lsp_documents *documents, const char *uri);
void documents_free(struct lsp_documents *documents);
void document_release_result(struct lsp_document *document);

/* Applies one TextDocumentContentChangeEvent: a whole text, or `range`
 * replaced by `text`. Returns 0, or -1 when the change is malformed. */
int document_apply_change(struct lsp_document *document, json_t *change,
                          enum lsp_encoding encoding);

/* The byte offset of the LSP position (line, character) in `text`,
 * clamped to the end of that line (or of the text). */
size_t text_offset(const char *text, size_t length, unsigned line, unsigned character,
                   enum lsp_encoding encoding);

/* The LSP character of the 0-based `byte` in `line` (a line's text,
 * `line` may be NULL: then bytes are characters). */
unsigned line_character(const char *line, size_t line_length, unsigned byte,
                        enum lsp_encoding encoding);

/* The start and length of 1-based line `number` of `text`, or NULL. */
const char *text_line(const char *text, size_t length, unsigned number, size_t *line_length);

/* A file: URI's path (percent-decoded, malloc'ed), or NULL; and back. */
char *uri_to_path(const char *uri);
char *path_to_uri(const char *path);

/* ---- analyse.c ---- */

/* What analysing a unit needs that outlives one analysis: the front end
 * (libclang index), the compile databases found and the configuration
 * profiles. Used by the worker thread only. */
struct lsp_analyser {
    struct options options;           /* the command line's, with the client's overrides */
    struct frontend *frontend;
    struct compile_database *database; /* options.database_path, when given */
    struct database_search *search;    /* otherwise */
    struct profile_set profiles;
    struct job_settings base;
    char *working_directory;
    /* Whole program: the summaries of every unit of the database an open
     * file belongs to, built on first need from the files on disk, and
     * again after a unit was saved (project_stale). */
    struct project_table project;
    const struct compile_database *project_database; /* NULL: no table */
    bool project_stale;
};

int lsp_analyser_init(struct lsp_analyser *analyser, const struct options *options,
                      char **error);
void lsp_analyser_free(struct lsp_analyser *analyser);

/* The file of an editor and the open buffers the unit is to see. */
struct lsp_analysis_request {
    const char *path;                 /* absolute path of the unit's main file */
    const char *text;                 /* its text as the editor holds it */
    size_t length;
    const struct frontend_unsaved *buffers; /* every open buffer (this one included) */
    int buffer_count;
};

/* Analyses one unit as the editor holds it: its compile command (the
 * database as the CLI finds it, else the CLI's fallback), its
 * configuration's profile, pipeline_run with the unsaved buffers, then
 * the suppressions written in the buffer. Fills `output` (initialised
 * here; release with job_output_free): findings with absolute paths, the
 * files the unit includes, and messages. This is the one per-file entry
 * point: project-wide summaries, when they exist, come in through it. */
void lsp_analyse(struct lsp_analyser *analyser, const struct lsp_analysis_request *request,
                 struct job_output *output);

/* Whether `path` is analysed as a unit of its own: a C source, or any
 * file that a compile database lists. A header is not: it is checked
 * through the open units that include it. */
bool lsp_is_unit(struct lsp_analyser *analyser, const char *path);

/* Forgets the configuration profiles: the next analysis reads the
 * configuration files again (one was saved). */
void lsp_analyser_reload(struct lsp_analyser *analyser);

/* ---- the server ---- */

struct lsp_message {
    json_t *json;
    bool cancelled;
    bool end_of_input;
    struct lsp_message *next;
};

struct lsp_server {
    FILE *output;
    FILE *log;
    pthread_mutex_t lock;
    pthread_mutex_t output_lock;
    pthread_cond_t wake_worker;       /* documents changed, or stopping */
    pthread_mutex_t queue_lock;
    pthread_cond_t wake_dispatcher;   /* a message was queued (with queue_lock) */
    struct lsp_message *queue_head, *queue_tail;
    struct lsp_documents documents;
    enum lsp_encoding encoding;
    bool initialized;
    bool shutdown_requested;
    atomic_bool stopping;             /* the threads leave (set with `lock` held) */
    bool reload_configuration;        /* a configuration file was saved */
    bool refresh_project;             /* a unit was saved: the whole-program table is old */
    int input;
    struct options command_line;      /* the options --lsp came with */
    struct options options;           /* those with initializationOptions' overrides */
    char *database_override;          /* owned copies of those overrides */
    char *config_override;
    struct lsp_analyser analyser;     /* the worker's */
    bool analyser_ready;
    int analyses;                     /* finished analyses, for logs */
};

/* transport.c */
void lsp_send(struct lsp_server *server, json_t *message); /* steals `message` */
void lsp_respond(struct lsp_server *server, json_t *id, json_t *result); /* steals result */
void lsp_respond_error(struct lsp_server *server, json_t *id, int code, const char *message);
void lsp_notify(struct lsp_server *server, const char *method, json_t *params);
void lsp_log(struct lsp_server *server, int type, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
void *lsp_read_messages(void *server); /* the reader thread */

/* diagnostics.c: the findings located in `document`, from the last
 * analysis of every open unit (its own; for a header, those of the units
 * that include it), each once, in a malloc'ed array (count in *count).
 * With `current_only`, only from analyses of the texts open now (no unit
 * edited or pending since): what code actions may edit. Called with
 * `lock` held. Never NULL. */
const struct finding **lsp_findings_in(const struct lsp_server *server,
                                       const struct lsp_document *document, bool current_only,
                                       int *count);
/* Those findings as publishDiagnostics params. Called with `lock` held. */
json_t *lsp_diagnostics(const struct lsp_server *server, const struct lsp_document *document);
/* Publishes the diagnostics of every open document that `unit` includes
 * (its findings in them changed) and that is no unit of its own. */
void lsp_publish_included(struct lsp_server *server, const struct lsp_document *unit);
/* One finding's diagnostic. */
json_t *lsp_diagnostic(const struct lsp_server *server, const struct lsp_document *document,
                       const struct finding *finding);
/* A range for (line, column)-(end_line, end_column) of `file`, 1-based
 * byte columns as clang counts, in LSP's counting. */
json_t *lsp_range(const struct lsp_server *server, const char *file, const char *source_line,
                  unsigned line, unsigned column, unsigned end_line, unsigned end_column);
bool lsp_is_reported(const struct lsp_document *document, const struct finding *finding);

/* actions.c: textDocument/codeAction's result. Called with `lock` held. */
json_t *lsp_code_actions(const struct lsp_server *server, const struct lsp_document *document,
                         json_t *params);
#define LSP_SHOW_SUGGESTION "nullproof.showSuggestion"

/* worker.c */
void *lsp_analyse_documents(void *server); /* the worker thread */
/* Marks `document` for analysis `delay_ms` from now and, with
 * `includers` (its text changed), every open document whose unit
 * includes it. Called with `lock` held. */
void lsp_schedule(struct lsp_server *server, struct lsp_document *document, int delay_ms,
                  bool includers);

#endif
