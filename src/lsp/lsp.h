/*
 * lsp: `nullproof --lsp`, a Language Server Protocol 3.17 server over
 * standard input and output. Open buffers are analysed with their unsaved
 * text, one translation unit at a time on a worker thread, after a short
 * debounce; each finding becomes a diagnostic whose code is the rule id,
 * and code actions offer the fix-it, a suppression comment and the
 * Option/Result advice. Standard output carries only the protocol; logs go
 * to the log stream. It sits beside the driver and reuses its compile
 * database search, configuration profiles and per-unit pipeline.
 */
#ifndef NULLPROOF_LSP_H
#define NULLPROOF_LSP_H

#include <stdio.h>

#include "../driver/options.h"

/* Serves one session: reads messages from the file descriptor `input`,
 * writes them to `output`, logs to `log`. `options` (the command line
 * besides --lsp: --config, -p, --enable, --suggest, ...) are the defaults
 * that the client's initializationOptions may override. Returns the exit
 * status: 0 when `exit` came after `shutdown`, 1 otherwise (also at the
 * end of the input without `exit`). */
int lsp_serve(const struct options *options, int input, FILE *output, FILE *log);

#endif
