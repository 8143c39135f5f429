/*
 * merge: the findings of all translation units as one list, sorted and
 * without duplicates (a header's finding seen from two units is one).
 * The result does not depend on which worker finished first.
 */
#ifndef NULLPROOF_MERGE_H
#define NULLPROOF_MERGE_H

#include "../report/finding.h"

/* Appends a shallow copy of every finding of `lists` (in list order) to
 * `merged`, whose arena holds only the array: the strings stay in the
 * source lists' arenas, which must outlive `merged`. Then sorts and drops
 * findings equal in file, line, column, rule and message to an earlier
 * one (the first, in list order, is kept with its notes). */
void findings_merge(const struct finding_list *const *lists, int list_count,
                    struct finding_list *merged);

#endif
