/*
 * transport: LSP's base protocol. Messages are a header block
 * ("Content-Length: N\r\n", other fields ignored, then "\r\n") and N bytes
 * of JSON. The reader thread queues each message for the dispatcher; a
 * malformed header or body is answered with a ParseError and reading goes
 * on at the next header. Writes are serialised by output_lock.
 */
#include "server.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../support/string_buffer.h"
#include "../support/text.h"
#include "../support/xalloc.h"

enum { MAX_MESSAGE_BYTES = 256 * 1024 * 1024, POLL_MS = 100, MAX_HEADER_LINE = 8192 };

void lsp_send(struct lsp_server *server, json_t *message)
{
    char *body = json_dumps(message, JSON_COMPACT);
    json_decref(message);
    if (!body)
        return;
    pthread_mutex_lock(&server->output_lock);
    fprintf(server->output, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
    fflush(server->output);
    pthread_mutex_unlock(&server->output_lock);
    free(body);
}

static json_t *response(json_t *id)
{
    json_t *message = json_object();
    json_object_set_new(message, "jsonrpc", json_string("2.0"));
    json_object_set(message, "id", id ? id : json_null());
    return message;
}

void lsp_respond(struct lsp_server *server, json_t *id, json_t *result)
{
    json_t *message = response(id);
    json_object_set_new(message, "result", result ? result : json_null());
    lsp_send(server, message);
}

void lsp_respond_error(struct lsp_server *server, json_t *id, int code, const char *text)
{
    json_t *message = response(id);
    json_object_set_new(message, "error", json_pack("{s:i,s:s}", "code", code, "message", text));
    lsp_send(server, message);
}

void lsp_notify(struct lsp_server *server, const char *method, json_t *params)
{
    json_t *message = json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method, "params",
                                params);
    if (message)
        lsp_send(server, message);
}

/* Type 1 error, 2 warning, 3 info, 4 log (window/logMessage's); to the
 * log stream and, once the client is initialised, to the client. */
void lsp_log(struct lsp_server *server, int type, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    char *text = text_vprintf(format, arguments);
    va_end(arguments);
    if (server->log) {
        pthread_mutex_lock(&server->output_lock);
        fprintf(server->log, "nullproof --lsp: %s\n", text);
        fflush(server->log);
        pthread_mutex_unlock(&server->output_lock);
    }
    if (type <= 2)
        lsp_notify(server, "window/logMessage",
                   json_pack("{s:i,s:s}", "type", type, "message", text));
    free(text);
}

/* ---- reading ---- */

struct reader {
    struct lsp_server *server;
    char buffer[65536];
    size_t start, end;
    bool eof;
};

static bool stopping(struct lsp_server *server)
{
    return atomic_load(&server->stopping);
}

/* More bytes into the buffer; false at the end of the input or when the
 * server stops (polled, so that the thread can be joined). */
static bool fill(struct reader *reader)
{
    if (reader->eof)
        return false;
    if (reader->start == reader->end)
        reader->start = reader->end = 0;
    if (reader->end == sizeof reader->buffer) {
        memmove(reader->buffer, reader->buffer + reader->start, reader->end - reader->start);
        reader->end -= reader->start;
        reader->start = 0;
    }
    for (;;) {
        if (stopping(reader->server))
            return false;
        struct pollfd fd = {reader->server->input, POLLIN, 0};
        int ready = poll(&fd, 1, POLL_MS);
        if (ready < 0 && errno != EINTR)
            break;
        if (ready <= 0)
            continue;
        ssize_t count = read(reader->server->input, reader->buffer + reader->end,
                             sizeof reader->buffer - reader->end);
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0)
            break;
        reader->end += (size_t)count;
        return true;
    }
    reader->eof = true;
    return false;
}

/* One header line without its line end into `line`; false at the end. */
static bool read_line(struct reader *reader, struct string_buffer *line)
{
    line->length = 0;
    if (line->data)
        line->data[0] = '\0';
    for (;;) {
        char *newline = memchr(reader->buffer + reader->start, '\n', reader->end - reader->start);
        size_t take = newline ? (size_t)(newline - (reader->buffer + reader->start))
                              : reader->end - reader->start;
        if (line->length + take < MAX_HEADER_LINE)
            string_buffer_append_length(line, reader->buffer + reader->start, take);
        reader->start += take + (newline ? 1 : 0);
        if (newline) {
            if (line->length > 0 && line->data[line->length - 1] == '\r')
                line->data[--line->length] = '\0';
            return true;
        }
        if (!fill(reader))
            return false;
    }
}

static bool read_body(struct reader *reader, char *body, size_t length)
{
    size_t have = 0;
    while (have < length) {
        if (reader->start == reader->end && !fill(reader))
            return false;
        size_t take = reader->end - reader->start;
        if (take > length - have)
            take = length - have;
        memcpy(body + have, reader->buffer + reader->start, take);
        reader->start += take;
        have += take;
    }
    body[length] = '\0';
    return true;
}

static void enqueue(struct lsp_server *server, json_t *json, bool end_of_input)
{
    struct lsp_message *message = xcalloc(1, sizeof *message);
    message->json = json;
    message->end_of_input = end_of_input;
    pthread_mutex_lock(&server->queue_lock);
    json_t *method = json ? json_object_get(json, "method") : NULL;
    if (json_is_string(method) && strcmp(json_string_value(method), "$/cancelRequest") == 0) {
        /* A request still waiting is answered RequestCancelled; one already
         * answered is not answered again (the spec allows both). */
        json_t *id = json_object_get(json_object_get(json, "params"), "id");
        for (struct lsp_message *queued = server->queue_head; id && queued;
             queued = queued->next)
            if (queued->json && json_equal(json_object_get(queued->json, "id"), id))
                queued->cancelled = true;
        json_decref(json);
        free(message);
        pthread_mutex_unlock(&server->queue_lock);
        return;
    }
    if (server->queue_tail)
        server->queue_tail->next = message;
    else
        server->queue_head = message;
    server->queue_tail = message;
    pthread_cond_signal(&server->wake_dispatcher);
    pthread_mutex_unlock(&server->queue_lock);
}

/* The Content-Length of a header block, read up to its empty line; -1
 * when it has none or a malformed one, -2 at the end of the input. */
static long read_header(struct reader *reader, struct string_buffer *line)
{
    long length = -1;
    bool any = false;
    for (;;) {
        if (!read_line(reader, line))
            return -2;
        if (line->length == 0) {
            if (!any)
                continue; /* blank lines between messages */
            return length;
        }
        any = true;
        const char *text = string_buffer_text(line);
        if (strncasecmp(text, "Content-Length:", 15) == 0) {
            char *end = NULL;
            errno = 0;
            long value = strtol(text + 15, &end, 10);
            while (end && (*end == ' ' || *end == '\t'))
                end++;
            length = (errno == 0 && end && *end == '\0' && value >= 0) ? value : -1;
        } else if (!strchr(text, ':')) {
            length = -1; /* not a header field: garbage before the next message */
        }
    }
}

void *lsp_read_messages(void *argument)
{
    struct lsp_server *server = argument;
    struct reader *reader = xcalloc(1, sizeof *reader);
    reader->server = server;
    struct string_buffer line;
    string_buffer_init(&line);
    for (;;) {
        long length = read_header(reader, &line);
        if (length == -2)
            break;
        if (length < 0 || length > MAX_MESSAGE_BYTES) {
            lsp_log(server, 4, "a message header without a valid Content-Length was skipped");
            lsp_respond_error(server, NULL, LSP_PARSE_ERROR, "bad message header: no valid "
                                                             "Content-Length");
            continue;
        }
        char *body = xmalloc((size_t)length + 1);
        if (!read_body(reader, body, (size_t)length)) {
            free(body);
            break;
        }
        json_error_t error;
        json_t *json = json_loadb(body, (size_t)length, 0, &error);
        free(body);
        if (!json || !json_is_object(json)) {
            lsp_log(server, 4, "malformed message skipped: %s",
                    json ? "not a JSON object" : error.text);
            lsp_respond_error(server, NULL, json ? LSP_INVALID_REQUEST : LSP_PARSE_ERROR,
                              json ? "a message must be a JSON object" : error.text);
            json_decref(json);
            continue;
        }
        enqueue(server, json, false);
    }
    string_buffer_free(&line);
    free(reader);
    enqueue(server, NULL, true);
    return NULL;
}
