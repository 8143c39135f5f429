/*
 * test_lsp_documents: the language server's document store and positions:
 * UTF-16 and UTF-8 characters to byte offsets and back (accents, a
 * character outside the BMP, CRLF, positions past the end), incremental
 * and whole-text changes, malformed changes, and file: URIs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lsp/server.h"

/* "é" is 2 bytes and 1 UTF-16 unit; "😀" 4 bytes and 2 units. */
static const char TEXT[] = "int a;\nchar *s = \"\xC3\xA9\xF0\x9F\x98\x80\"; x\r\nlast";

static void test_offsets(void **state)
{
    (void)state;
    size_t length = sizeof TEXT - 1;
    assert_int_equal(text_offset(TEXT, length, 0, 0, LSP_UTF16), 0);
    assert_int_equal(text_offset(TEXT, length, 0, 4, LSP_UTF16), 4);
    /* line 1: `char *s = "` is 11 bytes, then é (1 unit), 😀 (2 units) */
    assert_int_equal(text_offset(TEXT, length, 1, 12, LSP_UTF16), 7 + 13);
    assert_int_equal(text_offset(TEXT, length, 1, 14, LSP_UTF16), 7 + 17);
    assert_int_equal(text_offset(TEXT, length, 1, 13, LSP_UTF8), 7 + 13);
    /* past the end of a line: its end, before the CRLF */
    size_t line_length = 0;
    const char *line = text_line(TEXT, length, 2, &line_length);
    assert_non_null(line);
    assert_int_equal(text_offset(TEXT, length, 1, 500, LSP_UTF16),
                     (size_t)(line - TEXT) + line_length);
    /* past the last line: the end */
    assert_int_equal(text_offset(TEXT, length, 9, 0, LSP_UTF16), length);
    assert_int_equal(text_offset(TEXT, length, 2, 2, LSP_UTF16), length - 2);
}

static void test_characters(void **state)
{
    (void)state;
    size_t length = 0;
    const char *line = text_line(TEXT, sizeof TEXT - 1, 2, &length);
    assert_int_equal(length, 21); /* without the CR */
    assert_int_equal(line_character(line, length, 11, LSP_UTF16), 11);
    assert_int_equal(line_character(line, length, 13, LSP_UTF16), 12); /* after é */
    assert_int_equal(line_character(line, length, 17, LSP_UTF16), 14); /* after 😀 */
    assert_int_equal(line_character(line, length, 17, LSP_UTF8), 17);
    assert_int_equal(line_character(NULL, 0, 5, LSP_UTF16), 5);
    assert_null(text_line(TEXT, sizeof TEXT - 1, 4, &length));
}

static json_t *change(int line, int character, int end_line, int end_character,
                      const char *text)
{
    return json_pack("{s:{s:{s:i,s:i},s:{s:i,s:i}},s:s}", "range", "start", "line", line,
                     "character", character, "end", "line", end_line, "character",
                     end_character, "text", text);
}

static void test_changes(void **state)
{
    (void)state;
    struct lsp_documents documents;
    memset(&documents, 0, sizeof documents);
    struct lsp_document *document =
        documents_open(&documents, "file:///tmp/nullproof-no-such-dir/a%20b.c", TEXT, 1);
    assert_non_null(document);
    assert_string_equal(document->path, "/tmp/nullproof-no-such-dir/a b.c");
    /* replace the emoji (2 UTF-16 units) by "!" */
    json_t *edit = change(1, 12, 1, 14, "!");
    assert_int_equal(document_apply_change(document, edit, LSP_UTF16), 0);
    json_decref(edit);
    assert_string_equal(document->text, "int a;\nchar *s = \"\xC3\xA9!\"; x\r\nlast");
    /* an insertion across lines, then a deletion of it */
    edit = change(0, 6, 0, 6, "\nint b;");
    assert_int_equal(document_apply_change(document, edit, LSP_UTF16), 0);
    json_decref(edit);
    assert_int_equal(strncmp(document->text, "int a;\nint b;\nchar", 18), 0);
    edit = change(0, 6, 1, 6, "");
    assert_int_equal(document_apply_change(document, edit, LSP_UTF16), 0);
    json_decref(edit);
    assert_string_equal(document->text, "int a;\nchar *s = \"\xC3\xA9!\"; x\r\nlast");
    /* malformed: end before start, no text */
    edit = change(1, 5, 0, 0, "x");
    assert_int_equal(document_apply_change(document, edit, LSP_UTF16), -1);
    json_decref(edit);
    edit = json_pack("{s:i}", "text", 3);
    assert_int_equal(document_apply_change(document, edit, LSP_UTF16), -1);
    json_decref(edit);
    /* the whole text */
    edit = json_pack("{s:s}", "text", "new");
    assert_int_equal(document_apply_change(document, edit, LSP_UTF16), 0);
    json_decref(edit);
    assert_string_equal(document->text, "new");
    assert_int_equal(document->length, 3);
    assert_ptr_equal(documents_find_path(&documents, "/tmp/nullproof-no-such-dir/a b.c"),
                     document);
    documents_close(&documents, document->uri);
    assert_int_equal(documents.count, 0);
    documents_free(&documents);
}

static void test_uris(void **state)
{
    (void)state;
    assert_null(uri_to_path("untitled:Untitled-1"));
    assert_null(uri_to_path("file://server/share/a.c"));
    char *path = uri_to_path("file:///tmp/nullproof-no-such-dir/x/../%C3%A9.c");
    assert_string_equal(path, "/tmp/nullproof-no-such-dir/\xC3\xA9.c");
    char *uri = path_to_uri(path);
    assert_string_equal(uri, "file:///tmp/nullproof-no-such-dir/%C3%A9.c");
    free(uri);
    free(path);
    path = uri_to_path("file://localhost/tmp/nullproof-no-such-dir/a.c");
    assert_string_equal(path, "/tmp/nullproof-no-such-dir/a.c");
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_characters),
        cmocka_unit_test(test_changes),
        cmocka_unit_test(test_uris),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
