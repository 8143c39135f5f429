/*
 * server: the session's lifecycle and the dispatch of messages, in the
 * order they came: initialize (capabilities, the client's options),
 * shutdown and exit, the text document notifications that feed the
 * document store and the worker, code actions and the one command.
 * Requests the server does not know get MethodNotFound.
 */
#include "lsp.h"

#include <stdlib.h>
#include <string.h>

#include "../driver/sources.h"
#include "../report/json_util.h"
#include "../support/text.h"
#include "../support/xalloc.h"
#include "server.h"

/* Lowering and libclang's visitor recurse over the syntax tree: the worker
 * gets the stack the CLI's workers have (jobs.c). */
enum { WORKER_STACK_SIZE = 256 * 1024 * 1024 };

enum { MESSAGE_TYPE_INFO = 3 };

static const char *string_at(json_t *object, const char *key)
{
    return json_string_value(json_object_get(object, key));
}

static json_t *text_document(json_t *params)
{
    return json_object_get(params, "textDocument");
}

/* ---- initialize ---- */

static bool offers(json_t *list, const char *value)
{
    size_t index;
    json_t *item;
    json_array_foreach(list, index, item) {
        if (json_is_string(item) && strcmp(json_string_value(item), value) == 0)
            return true;
    }
    return false;
}

static json_t *capabilities(const struct lsp_server *server)
{
    json_t *sync = json_pack("{s:b,s:i,s:{s:b}}", "openClose", 1, "change", 2 /* incremental */,
                             "save", "includeText", 0);
    json_t *result = json_pack(
        "{s:o,s:{s:[s,s]},s:{s:[s]}}", "textDocumentSync", sync, "codeActionProvider",
        "codeActionKinds", "quickfix", "refactor.rewrite", "executeCommandProvider", "commands",
        LSP_SHOW_SUGGESTION);
    json_object_set_new(result, "positionEncoding",
                        json_string(server->encoding == LSP_UTF8 ? "utf-8" : "utf-16"));
    return result;
}

/* `path` from the client, relative to the workspace root when it is
 * relative and the client named a root. Malloc'ed. */
static char *client_path(const char *path, const char *root)
{
    if (path[0] == '/' || !root)
        return xstrdup(path);
    return text_printf("%s/%s", root, path);
}

/* initializationOptions: "compilationDatabasePath" (a directory holding
 * compile_commands.json, as -p) and "configFile" (as --config), relative
 * to the workspace root (rootUri) when not absolute. */
static void take_client_options(struct lsp_server *server, json_t *params)
{
    json_t *options = json_object_get(params, "initializationOptions");
    server->options = server->command_line; /* not a failed initialize's */
    const char *database = string_at(options, "compilationDatabasePath");
    const char *config = string_at(options, "configFile");
    char *root = uri_to_path(string_at(params, "rootUri"));
    const char *root_path = string_at(params, "rootPath");
    if (!root && root_path)
        root = xstrdup(root_path);
    if (database && database[0]) {
        free(server->database_override); /* an initialize that failed before */
        server->database_override = client_path(database, root);
        server->options.database_path = server->database_override;
    }
    if (config && config[0]) {
        free(server->config_override);
        server->config_override = client_path(config, root);
        server->options.config_path = server->config_override;
    }
    free(root);
}

static int start_worker(struct lsp_server *server, pthread_t *thread)
{
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, WORKER_STACK_SIZE);
    int status = pthread_create(thread, &attributes, lsp_analyse_documents, server);
    pthread_attr_destroy(&attributes);
    return status;
}

static void initialize(struct lsp_server *server, json_t *id, json_t *params, pthread_t *worker,
                       bool *worker_started)
{
    if (server->initialized) {
        lsp_respond_error(server, id, LSP_INVALID_REQUEST, "initialize was already received");
        return;
    }
    json_t *encodings = json_object_get(json_object_get(json_object_get(params, "capabilities"),
                                                        "general"),
                                        "positionEncodings");
    server->encoding = offers(encodings, "utf-8") && !offers(encodings, "utf-16") ? LSP_UTF8
                                                                                   : LSP_UTF16;
    take_client_options(server, params);
    char *error = NULL;
    if (lsp_analyser_init(&server->analyser, &server->options, &error) != 0) {
        lsp_respond_error(server, id, LSP_INVALID_PARAMS, error ? error : "cannot start");
        free(error);
        lsp_analyser_free(&server->analyser);
        return;
    }
    server->analyser_ready = true;
    if (start_worker(server, worker) != 0) {
        lsp_respond_error(server, id, LSP_INVALID_REQUEST, "cannot start the analysis thread");
        return;
    }
    *worker_started = true;
    server->initialized = true;
    json_t *result = json_pack("{s:o,s:{s:s,s:s}}", "capabilities", capabilities(server),
                               "serverInfo", "name", "nullproof", "version", NULLPROOF_VERSION);
    lsp_respond(server, id, result);
}

/* ---- text documents ---- */

static bool is_configuration(const struct lsp_server *server, const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    return strcmp(name, ".nullproof.yaml") == 0 ||
           (server->options.config_path && strcmp(server->options.config_path, path) == 0);
}

static void did_open(struct lsp_server *server, json_t *params)
{
    json_t *document = text_document(params);
    const char *uri = string_at(document, "uri");
    const char *text = string_at(document, "text");
    if (!uri || !text)
        return;
    int version = (int)json_integer_value(json_object_get(document, "version"));
    pthread_mutex_lock(&server->lock);
    struct lsp_document *opened = documents_open(&server->documents, uri, text, version);
    if (opened)
        lsp_schedule(server, opened, 0, false);
    pthread_mutex_unlock(&server->lock);
    if (!opened)
        lsp_log(server, 4, "%s: not a file: URI, not analysed", uri);
}

static void did_change(struct lsp_server *server, json_t *params)
{
    json_t *identifier = text_document(params);
    const char *uri = string_at(identifier, "uri");
    json_t *changes = json_object_get(params, "contentChanges");
    pthread_mutex_lock(&server->lock);
    struct lsp_document *document = documents_find(&server->documents, uri);
    if (!document || !json_is_array(changes)) {
        pthread_mutex_unlock(&server->lock);
        lsp_log(server, 2, "didChange for %s, which is not open", uri ? uri : "(no uri)");
        return;
    }
    size_t index;
    json_t *change;
    bool failed = false;
    json_array_foreach(changes, index, change) {
        failed |= document_apply_change(document, change, server->encoding) != 0;
    }
    document->version = (int)json_integer_value(json_object_get(identifier, "version"));
    lsp_schedule(server, document, LSP_DEBOUNCE_MS, true);
    pthread_mutex_unlock(&server->lock);
    if (failed)
        lsp_log(server, 2, "%s: a malformed change was ignored", uri);
}

static void did_save(struct lsp_server *server, json_t *params)
{
    const char *uri = string_at(text_document(params), "uri");
    pthread_mutex_lock(&server->lock);
    struct lsp_document *document = documents_find(&server->documents, uri);
    if (document) {
        if (is_configuration(server, document->path))
            server->reload_configuration = true;
        /* the disk changed: the units that include it see it too, and
         * the other open units may call what it defines */
        lsp_schedule(server, document, 0, true);
        if (source_is_c_file(document->path)) {
            server->refresh_project = true;
            for (int i = 0; i < server->documents.count; i++)
                if (server->documents.items[i] != document &&
                    source_is_c_file(server->documents.items[i]->path))
                    lsp_schedule(server, server->documents.items[i], 0, false);
        }
    }
    pthread_mutex_unlock(&server->lock);
}

static void did_close(struct lsp_server *server, json_t *params)
{
    const char *uri = string_at(text_document(params), "uri");
    if (!uri)
        return;
    pthread_mutex_lock(&server->lock);
    struct lsp_document *document = documents_find(&server->documents, uri);
    if (document) {
        /* the open headers it includes lose its findings in them */
        struct lsp_document **included = xcalloc((size_t)server->documents.count + 1,
                                                 sizeof *included);
        int included_count = 0;
        for (int i = 0; document->has_result && i < server->documents.count; i++) {
            struct lsp_document *other = server->documents.items[i];
            for (int k = 0; other != document && k < document->result.include_count; k++)
                if (strcmp(document->result.includes[k], other->path) == 0) {
                    included[included_count++] = other;
                    break;
                }
        }
        documents_close(&server->documents, uri);
        lsp_notify(server, "textDocument/publishDiagnostics",
                   json_pack("{s:s,s:[]}", "uri", uri, "diagnostics"));
        for (int i = 0; i < included_count; i++)
            if (!included[i]->has_result)
                lsp_notify(server, "textDocument/publishDiagnostics",
                           lsp_diagnostics(server, included[i]));
        free(included);
    }
    pthread_mutex_unlock(&server->lock);
}

static void did_change_watched_files(struct lsp_server *server, json_t *params)
{
    size_t index;
    json_t *change;
    json_array_foreach(json_object_get(params, "changes"), index, change) {
        char *path = uri_to_path(string_at(change, "uri"));
        pthread_mutex_lock(&server->lock);
        if (path && is_configuration(server, path)) {
            server->reload_configuration = true;
            for (int i = 0; i < server->documents.count; i++)
                lsp_schedule(server, server->documents.items[i], 0, false);
        }
        pthread_mutex_unlock(&server->lock);
        free(path);
    }
}

static void code_action(struct lsp_server *server, json_t *id, json_t *params)
{
    const char *uri = string_at(text_document(params), "uri");
    pthread_mutex_lock(&server->lock);
    struct lsp_document *document = documents_find(&server->documents, uri);
    json_t *actions = document ? lsp_code_actions(server, document, params) : json_array();
    pthread_mutex_unlock(&server->lock);
    lsp_respond(server, id, actions);
}

static void execute_command(struct lsp_server *server, json_t *id, json_t *params)
{
    const char *command = string_at(params, "command");
    json_t *arguments = json_object_get(params, "arguments");
    const char *text = json_string_value(json_array_get(arguments, 0));
    if (!command || strcmp(command, LSP_SHOW_SUGGESTION) != 0 || !text) {
        lsp_respond_error(server, id, LSP_INVALID_PARAMS, "unknown command or arguments");
        return;
    }
    lsp_notify(server, "window/showMessage",
               json_pack("{s:i,s:o}", "type", MESSAGE_TYPE_INFO, "message",
                         json_util_string(text)));
    lsp_respond(server, id, NULL);
}

/* ---- dispatch ---- */

struct session {
    pthread_t worker;
    bool worker_started;
    bool exit;
};

static void dispatch(struct lsp_server *server, struct session *session, json_t *message,
                     bool cancelled)
{
    const char *method = string_at(message, "method");
    json_t *id = json_object_get(message, "id");
    json_t *params = json_object_get(message, "params");
    if (!method) {
        if (!id) /* a response to us (we send no requests): nothing to do */
            lsp_respond_error(server, NULL, LSP_INVALID_REQUEST, "a message without a method");
        return;
    }
    if (cancelled && id) {
        lsp_respond_error(server, id, LSP_REQUEST_CANCELLED, "cancelled");
        return;
    }
    if (strcmp(method, "exit") == 0) {
        session->exit = true;
        return;
    }
    if (strcmp(method, "initialize") == 0) {
        initialize(server, id, params, &session->worker, &session->worker_started);
        return;
    }
    if (!server->initialized) {
        if (id)
            lsp_respond_error(server, id, LSP_SERVER_NOT_INITIALIZED,
                              "initialize must come first");
        return;
    }
    if (server->shutdown_requested) {
        if (id)
            lsp_respond_error(server, id, LSP_INVALID_REQUEST, "the server is shutting down");
        return;
    }
    if (strcmp(method, "shutdown") == 0) {
        server->shutdown_requested = true;
        lsp_respond(server, id, NULL);
    } else if (strcmp(method, "initialized") == 0) {
    } else if (strcmp(method, "textDocument/didOpen") == 0) {
        did_open(server, params);
    } else if (strcmp(method, "textDocument/didChange") == 0) {
        did_change(server, params);
    } else if (strcmp(method, "textDocument/didSave") == 0) {
        did_save(server, params);
    } else if (strcmp(method, "textDocument/didClose") == 0) {
        did_close(server, params);
    } else if (strcmp(method, "workspace/didChangeWatchedFiles") == 0) {
        did_change_watched_files(server, params);
    } else if (strcmp(method, "textDocument/codeAction") == 0 && id) {
        code_action(server, id, params);
    } else if (strcmp(method, "workspace/executeCommand") == 0 && id) {
        execute_command(server, id, params);
    } else if (id) {
        lsp_respond_error(server, id, LSP_METHOD_NOT_FOUND, "method not found");
    }
    /* other notifications ($/setTrace, workspace/didChangeConfiguration,
     * ...) are ignored, as the spec asks */
}

static struct lsp_message *next_message(struct lsp_server *server)
{
    pthread_mutex_lock(&server->queue_lock);
    while (!server->queue_head)
        pthread_cond_wait(&server->wake_dispatcher, &server->queue_lock);
    struct lsp_message *message = server->queue_head;
    server->queue_head = message->next;
    if (!server->queue_head)
        server->queue_tail = NULL;
    pthread_mutex_unlock(&server->queue_lock);
    return message;
}

static void free_queue(struct lsp_server *server)
{
    while (server->queue_head) {
        struct lsp_message *message = server->queue_head;
        server->queue_head = message->next;
        json_decref(message->json);
        free(message);
    }
    server->queue_tail = NULL;
}

int lsp_serve(const struct options *options, int input, FILE *output, FILE *log)
{
    struct lsp_server *server = xcalloc(1, sizeof *server);
    server->output = output;
    server->log = log;
    server->input = input;
    server->command_line = *options;
    server->options = *options;
    pthread_mutex_init(&server->lock, NULL);
    pthread_mutex_init(&server->queue_lock, NULL);
    pthread_mutex_init(&server->output_lock, NULL);
    pthread_condattr_t monotonic;
    pthread_condattr_init(&monotonic);
    pthread_condattr_setclock(&monotonic, CLOCK_MONOTONIC);
    pthread_cond_init(&server->wake_worker, &monotonic);
    pthread_condattr_destroy(&monotonic);
    pthread_cond_init(&server->wake_dispatcher, NULL);

    struct session session;
    memset(&session, 0, sizeof session);
    pthread_t reader;
    int status = 1;
    if (pthread_create(&reader, NULL, lsp_read_messages, server) != 0) {
        lsp_log(server, 4, "cannot start the reader thread");
    } else {
        while (!session.exit) {
            struct lsp_message *message = next_message(server);
            bool end = message->end_of_input;
            if (message->json)
                dispatch(server, &session, message->json, message->cancelled);
            json_decref(message->json);
            free(message);
            if (end)
                break;
        }
        status = session.exit && server->shutdown_requested ? 0 : 1;
        pthread_mutex_lock(&server->lock);
        atomic_store(&server->stopping, true);
        pthread_cond_broadcast(&server->wake_worker);
        pthread_mutex_unlock(&server->lock);
        pthread_join(reader, NULL);
    }
    if (session.worker_started)
        pthread_join(session.worker, NULL);
    if (server->analyser_ready)
        lsp_analyser_free(&server->analyser);
    free_queue(server);
    documents_free(&server->documents);
    free(server->database_override);
    free(server->config_override);
    pthread_cond_destroy(&server->wake_worker);
    pthread_cond_destroy(&server->wake_dispatcher);
    pthread_mutex_destroy(&server->output_lock);
    pthread_mutex_destroy(&server->queue_lock);
    pthread_mutex_destroy(&server->lock);
    free(server);
    return status;
}
