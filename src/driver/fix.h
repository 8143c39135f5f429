/*
 * fix: --fix, applying the reported findings' fix-its to the files. One
 * policy keeps it safe: a file is rewritten only when git tracks it and it
 * has no uncommitted change (so `git diff` shows the edit and `git
 * checkout FILE` undoes it), or, with --fix-backup, after its original was
 * copied to FILE.orig (which must not exist yet). Every change is printed;
 * a refusal is an error. Nothing else touches the files.
 */
#ifndef NULLPROOF_FIX_H
#define NULLPROOF_FIX_H

#include <stdbool.h>
#include <stdio.h>

#include "../report/finding.h"
#include "messages.h"

/* Applies the fix-its of `findings`, file by file (a relative file is
 * under `working_directory`); `backup`: --fix-backup. Prints each change
 * and a summary to `log`; refusals and I/O failures become errors in
 * `messages`. Returns the number of files changed. */
int fix_apply(const struct finding_list *findings, const char *working_directory, bool backup,
              FILE *log, struct message_list *messages);

#endif
