/*
 * embedded: the packs CMake compiled into the binary from rules/NAME.yaml
 * (cmake/embed_packs.cmake writes embedded_packs.c in the build tree).
 * Private to src/packs/: others call packs_embedded().
 */
#ifndef NULLPROOF_EMBEDDED_H
#define NULLPROOF_EMBEDDED_H

#include "packs.h"

/* In file name order. */
extern const struct embedded_pack nullproof_embedded_packs[];
extern const int nullproof_embedded_pack_count;

#endif
